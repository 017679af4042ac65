import "server-only";
import { getDb, type Tx } from "@/db/client";
import { defaultLocale, isLocale, matchAcceptLanguage, type Locale } from "@/i18n/config";
import { minorToDecimalString } from "@/lib/billing/money";
import type { InvoiceFilters } from "@/lib/validation/invoices";
import type { Actor } from "@/server/auth/actor";
import { clientScope } from "@/server/energy/clients/client-scope";
import { datedFilename } from "@/server/platform/exports/attachment";
import { auditExport } from "@/server/platform/exports/audit-export";
import { csvResponse, type CsvColumn } from "@/server/platform/exports/csv";
import { translatorFor } from "@/server/platform/notifications/render";
import type { InvoiceSummaryDto } from "./invoice-dto";
import { listInvoices } from "./invoices-query";

/** The language of a download: `?locale=`, else the user's profile, else Accept-Language, else French. */
export function exportLocale(actor: Actor, request: Request, asked?: string): Locale {
  if (isLocale(asked)) return asked;
  if (actor.kind === "user") return actor.locale;
  return matchAcceptLanguage(request.headers.get("accept-language")) ?? defaultLocale;
}

/** "450000" thousandths → "450", "1500" → "1.5": a plain decimal, `.` separator (spreadsheets parse it). */
function milliToDecimal(milli: number): string {
  const negative = milli < 0;
  const abs = Math.abs(milli);
  const int = Math.floor(abs / 1000);
  const frac = String(abs % 1000)
    .padStart(3, "0")
    .replace(/0+$/, "");
  return `${negative ? "-" : ""}${int}${frac ? `.${frac}` : ""}`;
}

const money = (v: number) => minorToDecimalString(v);

export function invoiceCsvColumns(t: (key: string) => string): CsvColumn<InvoiceSummaryDto>[] {
  const h = (key: string) => t(`invoices.csv.${key}`);
  return [
    { key: "number", header: h("number"), format: (v) => v ?? "" },
    { key: "kind", header: h("kind") },
    { key: "status", header: h("status"), format: (v, row) => (row.overdue && v !== "overdue" ? "overdue" : v) },
    { key: "client", header: h("clientCode"), format: (v) => v.code },
    { key: "client", header: h("clientName"), format: (v) => v.name },
    { key: "contract", header: h("contract"), format: (v) => v.number },
    { key: "periodStart", header: h("periodStart") },
    { key: "periodEnd", header: h("periodEnd") },
    { key: "issuedAt", header: h("issuedAt"), format: (v) => (v ? v.slice(0, 10) : "") },
    { key: "dueDate", header: h("dueDate") },
    { key: "currency", header: h("currency") },
    { key: "subtotalMinor", header: h("subtotal"), format: money },
    { key: "taxMinor", header: h("tax"), format: money },
    { key: "totalMinor", header: h("total"), format: money },
    { key: "paidMinor", header: h("paid"), format: money },
    { key: "balanceMinor", header: h("balance"), format: money },
    { key: "consumptionMilli", header: h("consumptionKwh"), format: milliToDecimal },
    { key: "estimated", header: h("estimated") },
    { key: "co2Grams", header: h("co2Kg"), format: (v) => (v === null ? "" : milliToDecimal(v)) },
    { key: "paymentReference", header: h("paymentReference") },
    { key: "id", header: h("id") },
  ];
}

/** Every matching invoice, 500 per query, read after the route's transaction has committed. */
async function* exportRows(actor: Actor, filters: Partial<InvoiceFilters>): AsyncGenerator<InvoiceSummaryDto, void, undefined> {
  const db = await getDb();
  let cursor: string | undefined;
  do {
    const page = await listInvoices(db, actor, { ...filters, limit: 500, ...(cursor ? { cursor } : {}) });
    yield* page.data;
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
}

/**
 * GET /api/export/factures: the filtered invoice list as CSV (headers in `locale`, amounts as
 * decimal strings with a `.`, dates ISO). Scoped like the list (a client account would only get
 * its own, though the route admits `invoices.read`). Records `export.created` in the route's
 * transaction; rows stream after it commits.
 */
export async function invoicesCsv(tx: Tx, actor: Actor, filters: Partial<InvoiceFilters>, locale: Locale): Promise<Response> {
  await clientScope(tx, actor, "invoices.read");
  await auditExport(tx, actor, { kind: "csv", entity: "invoices", filters });
  const t = await translatorFor(locale);
  return csvResponse({
    filename: datedFilename("factures", "csv"),
    columns: invoiceCsvColumns(t),
    rows: exportRows(actor, filters),
    chunkRows: 500,
    onError: (error) => console.error("[export] invoices", error),
  });
}
