import { getInvoice as getInvoiceOp } from "@/server/api/endpoints/invoices";
import { defineRoute } from "@/server/auth/define-route";
import { getInvoice } from "@/server/energy/invoices/invoices-query";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** GET: one invoice with its lines, taxes, payments, client, contract and delivery points. Unknown, malformed or another client's id → 404. */
export const GET = defineRoute(getInvoiceOp, ({ actor, params, tx }) => getInvoice(tx, actor, params.id ?? ""));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
