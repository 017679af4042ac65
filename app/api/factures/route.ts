import { createInvoices as createInvoicesOp, listInvoices as listInvoicesOp } from "@/server/api/endpoints/invoices";
import { defineRoute, json } from "@/server/auth/define-route";
import { generateInvoices } from "@/server/energy/invoices/generate";
import { listInvoices } from "@/server/energy/invoices/invoices-query";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/**
 * GET: staff holding `invoices.read` (admin, user; partners with invoices:read) list every
 * client's invoices; a client account (`invoices.own`) only its own. Filters status, kind,
 * client, contract, run, from/to (period start), q (number, client name or code); cursor pagination.
 */
export const GET = defineRoute(listInvoicesOp, ({ actor, query, tx }) => listInvoices(tx, actor, query));

/** POST: admins compute the drafts of a client's active contracts for a period (optionally issue them) → 201. */
export const POST = defineRoute(createInvoicesOp, async ({ actor, body, tx }) => {
  const data = await generateInvoices(tx, actor, body);
  return json({ data }, 201);
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
