import { getInvoicePdf as getInvoicePdfOp } from "@/server/api/endpoints/invoices";
import { defineRoute } from "@/server/auth/define-route";
import { invoicePdfDownload } from "@/server/energy/invoices/invoice-pdf-download";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/**
 * GET: the invoice as a PDF, in the client's language (`clients.locale`); staff may pass
 * `?locale=fr|kab|zgh|ar|en`. Unknown, malformed or another client's id → 404.
 */
export const GET = defineRoute(getInvoicePdfOp, ({ actor, params, query, tx }) =>
  invoicePdfDownload(tx, actor, params.id ?? "", query.locale),
);

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
