import { exportInvoices } from "@/server/api/endpoints/invoices";
import { defineRoute } from "@/server/auth/define-route";
import { exportLocale, invoicesCsv } from "@/server/energy/invoices/invoices-csv";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/**
 * GET plus the list filters: the invoices as CSV (`invoices.read`), headers in `?locale=` or the
 * caller's language, amounts as decimal strings. Records `export.created`; rows stream after the commit.
 */
export const GET = defineRoute(exportInvoices, async ({ actor, query, tx, request }) => {
  const { locale, ...filters } = query;
  return invoicesCsv(tx, actor, filters, exportLocale(actor, request, locale));
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
