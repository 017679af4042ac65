import "server-only";
import { billingDay } from "@/server/energy/billing/issue-invoice";
import { clients, contracts, invoices } from "@/db/schema";
import { taxMinor } from "@/lib/billing/money";
import type { InvoiceKind, InvoiceLineKind, InvoiceStatus, PaymentMethod } from "@/lib/validation/invoices";

export type InvoiceRow = typeof invoices.$inferSelect;

/** An invoice (or credit note) as a list shows it. Amounts are integer minor units of `currency`. */
export type InvoiceSummaryDto = {
  id: string;
  kind: InvoiceKind;
  /** null while a draft: the number is assigned at issue. */
  number: string | null;
  status: InvoiceStatus;
  /** Issued, not (fully) paid and past its due date (whether or not the reminder job has marked it yet). */
  overdue: boolean;
  client: { id: string; code: string; name: string };
  contract: { id: string; number: string };
  billingRunId: string | null;
  creditedInvoiceId: string | null;
  periodStart: string;
  /** Exclusive. */
  periodEnd: string;
  currency: string;
  locale: string;
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  paidMinor: number;
  /** total − paid (0 for a draft or a cancelled invoice). */
  balanceMinor: number;
  estimated: boolean;
  consumptionMilli: number;
  co2Grams: number | null;
  paymentReference: string | null;
  issuedAt: string | null;
  dueDate: string | null;
  paidAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** Where a line comes from (see db/schema/billing.ts invoice_lines.provenance). */
export type LineProvenance = {
  meters?: { id: string; code: string }[];
  from?: string;
  to?: string;
  readings?: number;
  expected?: number;
  sumMilli?: number;
  tariffVersionId?: string;
  touPeriod?: string;
  tier?: number;
  estimatedMilli?: number;
  adjusts?: string;
  [key: string]: unknown;
};

export type InvoiceLineDto = {
  id: string;
  position: number;
  kind: InvoiceLineKind;
  labelKey: string;
  labelParams: Record<string, string | number>;
  periodStart: string | null;
  periodEnd: string | null;
  quantityMilli: number;
  unit: string;
  unitPriceMicro: number;
  amountMinor: number;
  vatBp: number;
  estimated: boolean;
  provenance: LineProvenance;
};

export type TaxLineDto = { vatBp: number; baseMinor: number; taxMinor: number };

export type PaymentDto = {
  id: string;
  amountMinor: number;
  currency: string;
  method: PaymentMethod;
  reference: string | null;
  receivedAt: string;
  createdAt: string;
};

export type InvoiceClientDto = {
  id: string;
  code: string;
  kind: string;
  name: string;
  email: string | null;
  phone: string | null;
  addressLine: string | null;
  city: string | null;
  postalCode: string | null;
  country: string;
  locale: string;
  taxNumber: string | null;
};

export type InvoiceDeliveryPointDto = {
  id: string;
  code: string;
  addressLine: string | null;
  city: string | null;
  meters: { id: string; code: string; name: string }[];
};

/** One invoice with everything its page, its PDF and the API show. */
export type InvoiceDto = InvoiceSummaryDto & {
  client: InvoiceClientDto;
  contract: {
    id: string;
    number: string;
    billingCycle: string;
    paymentTermDays: number;
    subscribedKva: number | null;
    tariff: { id: string; code: string; name: string };
  };
  deliveryPoints: InvoiceDeliveryPointDto[];
  lines: InvoiceLineDto[];
  /** VAT per rate: base = Σ line amounts at that rate, tax = round_half_up(base × rate). */
  taxes: TaxLineDto[];
  payments: PaymentDto[];
  /** A credit note: the invoice it cancels; an invoice: the credit notes that cancel it. */
  creditedInvoice: { id: string; number: string | null } | null;
  creditNotes: { id: string; number: string | null; status: InvoiceStatus; totalMinor: number }[];
  /** Identities frozen at issue (operator, client, delivery points), as the issuing code stored them. */
  snapshot: Record<string, unknown> | null;
};

export const invoiceSummaryColumns = {
  row: invoices,
  client: { id: clients.id, code: clients.code, name: clients.name },
  contract: { id: contracts.id, number: contracts.number },
};
export type InvoiceWithRefs = {
  row: InvoiceRow;
  client: { id: string; code: string; name: string };
  contract: { id: string; number: string };
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Today as "YYYY-MM-DD" (UTC): due dates are calendar dates. */
/** Today in the billing zone (Africa/Algiers), the day due dates are compared with. */
export const todayIso = (now = new Date()) => billingDay(now);

const open = (status: string) => status === "issued" || status === "partially_paid" || status === "overdue";

export function toInvoiceSummary({ row, client, contract }: InvoiceWithRefs, today = todayIso()): InvoiceSummaryDto {
  const balance = open(row.status) ? row.totalMinor - row.paidMinor : 0;
  return {
    id: row.id,
    kind: row.kind as InvoiceKind,
    number: row.number,
    status: row.status as InvoiceStatus,
    overdue: row.kind === "invoice" && open(row.status) && balance > 0 && !!row.dueDate && row.dueDate < today,
    client,
    contract,
    billingRunId: row.billingRunId,
    creditedInvoiceId: row.creditedInvoiceId,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    currency: row.currency,
    locale: row.locale,
    subtotalMinor: row.subtotalMinor,
    taxMinor: row.taxMinor,
    totalMinor: row.totalMinor,
    paidMinor: row.paidMinor,
    balanceMinor: balance,
    estimated: row.estimated,
    consumptionMilli: row.consumptionMilli,
    co2Grams: row.co2Grams,
    paymentReference: row.paymentReference,
    issuedAt: iso(row.issuedAt),
    dueDate: row.dueDate,
    paidAt: iso(row.paidAt),
    cancelledAt: iso(row.cancelledAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** VAT per rate over the lines (the same rule as the engine: one rounding per rate). */
export function taxesOf(lines: { amountMinor: number; vatBp: number }[]): TaxLineDto[] {
  const bases = new Map<number, number>();
  for (const l of lines) bases.set(l.vatBp, (bases.get(l.vatBp) ?? 0) + l.amountMinor);
  return [...bases.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([vatBp, baseMinor]) => ({ vatBp, baseMinor, taxMinor: taxMinor(baseMinor, vatBp) }));
}

/** A stored date-only "YYYY-MM-DD" exclusive end → the last day included. */
export function lastDayOf(periodEnd: string): string {
  const d = new Date(`${periodEnd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
