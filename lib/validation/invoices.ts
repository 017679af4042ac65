import { z } from "zod";

/**
 * Invoices: the list filters (pages, /api/factures, the CSV export) and the body of
 * `POST /api/factures` (an admin generates a client's invoices for a period). Error messages
 * are keys of the `validation` namespace.
 */
export const invoiceStatuses = ["draft", "issued", "partially_paid", "paid", "overdue", "cancelled"] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

export const invoiceKinds = ["invoice", "credit_note"] as const;
export type InvoiceKind = (typeof invoiceKinds)[number];

export const invoiceLineKinds = ["subscription", "energy", "levy", "fee", "regularisation", "adjustment"] as const;
export type InvoiceLineKind = (typeof invoiceLineKinds)[number];

export const paymentMethods = ["cash", "transfer", "cib", "edahabia", "sandbox"] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const invoiceLocales = ["fr", "kab", "zgh", "ar", "en"] as const;
export type InvoiceLocale = (typeof invoiceLocales)[number];

/** An empty parameter (a submitted empty form field) means "no filter". */
const blank = z.literal("").transform(() => undefined);
const day = z.iso.date("dateInvalid").or(blank).optional();

const filterShape = {
  /** Searches the invoice number and the client's name and code (case-insensitive). */
  q: z.string().trim().max(120, "invalid").optional(),
  status: z.enum(invoiceStatuses, "invalid").or(blank).optional(),
  kind: z.enum(invoiceKinds, "invalid").or(blank).optional(),
  client: z.uuid("invalid").or(blank).optional(),
  contract: z.uuid("invalid").or(blank).optional(),
  /** The billing run that computed the invoices. */
  run: z.uuid("invalid").or(blank).optional(),
  /** Invoices whose period starts on or after `from` … */
  from: day,
  /** … and before `to` (exclusive), "YYYY-MM-DD". */
  to: day,
};

const periodInOrder = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from < v.to;
const periodIssue = { message: "periodInvalid", path: ["to"] };

export const invoiceFilters = z.strictObject(filterShape).refine(periodInOrder, periodIssue);
export type InvoiceFilters = z.output<typeof invoiceFilters>;

export const listInvoicesQuery = z
  .strictObject({
    ...filterShape,
    cursor: z.string().max(400, "invalid").optional(),
    limit: z.coerce.number("invalid").int("invalid").min(1, "invalid").max(500, "invalid").default(50),
  })
  .refine(periodInOrder, periodIssue);
export type ListInvoicesQuery = z.output<typeof listInvoicesQuery>;

/** The CSV export: the list filters, every matching invoice (capped by the exporter). */
export const exportInvoicesQuery = z
  .strictObject({ ...filterShape, locale: z.enum(invoiceLocales, "localeInvalid").optional() })
  .refine(periodInOrder, periodIssue);
export type ExportInvoicesQuery = z.output<typeof exportInvoicesQuery>;

/** `?locale=` of the PDF route: staff may ask for another language than the client's. */
export const invoicePdfQuery = z.strictObject({ locale: z.enum(invoiceLocales, "localeInvalid").or(blank).optional() });

/**
 * POST /api/factures: compute (or recompute) the draft invoice of every active contract of the
 * client for [periodStart, periodEnd) — or of one contract — and optionally issue them.
 */
export const createInvoicesSchema = z
  .strictObject({
    clientId: z.uuid("required"),
    periodStart: z.iso.date("dateInvalid"),
    periodEnd: z.iso.date("dateInvalid"),
    contractId: z.uuid("invalid").optional(),
    issue: z.boolean("invalid").optional().default(false),
  })
  .refine((v) => v.periodStart < v.periodEnd, { message: "periodInvalid", path: ["periodEnd"] })
  .refine((v) => Date.parse(v.periodEnd) - Date.parse(v.periodStart) <= 366 * 86_400_000, {
    message: "periodInvalid",
    path: ["periodEnd"],
  });
export type CreateInvoicesInput = z.input<typeof createInvoicesSchema>;
export type CreateInvoices = z.output<typeof createInvoicesSchema>;

/** Staff actions on one invoice (issue a draft). */
export const invoiceIdSchema = z.strictObject({ id: z.uuid("invalid") });

/** Cancel an issued invoice with a credit note: the reason is printed on the credit note and audited. */
export const creditInvoiceSchema = z.strictObject({
  id: z.uuid("invalid"),
  reason: z.string("reasonRequired").trim().min(3, "reasonRequired").max(500, "reasonTooLong"),
});
export type CreditInvoiceInput = z.input<typeof creditInvoiceSchema>;

export const runPeriodKinds = ["month", "bimonth", "quarter"] as const;
export type RunPeriodKind = (typeof runPeriodKinds)[number];

/**
 * The "new billing run" form: a period picked as its first month ("YYYY-MM") and its length
 * (a month, two months, a quarter), an optional cycle and an optional client.
 */
export const startBillingRunFormSchema = z
  .strictObject({
    month: z.string("monthInvalid").regex(/^\d{4}-(0[1-9]|1[0-2])$/, "monthInvalid"),
    length: z.enum(runPeriodKinds, "invalid"),
    cycle: z.enum(["monthly", "bimonthly", "quarterly"], "invalid").or(blank).optional(),
    clientId: z.uuid("invalid").or(blank).optional(),
  })
  .refine((v) => v.length !== "quarter" || ["01", "04", "07", "10"].includes(v.month.slice(5)), {
    message: "monthInvalid",
    path: ["month"],
  });
export type StartBillingRunFormInput = z.input<typeof startBillingRunFormSchema>;

/** [start, end) of the period the run form describes. */
export function runPeriod(month: string, length: RunPeriodKind): { periodStart: string; periodEnd: string } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const months = length === "month" ? 1 : length === "bimonth" ? 2 : 3;
  const end = new Date(Date.UTC(y, m - 1 + months, 1));
  return { periodStart: `${month}-01`, periodEnd: end.toISOString().slice(0, 10) };
}

/** The "generate invoices" form of the list page (admins): a month, optional contract, issue at once or not. */
export const generateInvoicesFormSchema = z.strictObject({
  clientId: z.uuid("required"),
  month: z.string("monthInvalid").regex(/^\d{4}-(0[1-9]|1[0-2])$/, "monthInvalid"),
  length: z.enum(runPeriodKinds, "invalid"),
  issue: z.boolean("invalid").optional().default(false),
});
export type GenerateInvoicesFormInput = z.input<typeof generateInvoicesFormSchema>;
