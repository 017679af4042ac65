import "server-only";
import { isUuid } from "@/server/platform/ids";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { invoices } from "@/db/schema";
import { formatMoney } from "@/lib/billing/money";
import { assertCan, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import { invoiceSnapshot } from "./invoice-snapshot";
import { notifyClientAccounts } from "@/server/energy/payments/notify-client";
import { nextDocumentNumber } from "./issue-invoice";

const creditable = new Set(["issued", "partially_paid", "overdue", "paid"]);

/**
 * Cancels an issued invoice the only way there is (`invoices.write`): a credit note with the
 * same lines negated (quantities and amounts), issued at once with the next AVO number of the
 * year, pointing at the invoice (`credited_invoice_id`). The invoice becomes `cancelled`
 * (+ `cancelled_at`); nothing else of it changes. A draft, a credit note or an invoice already
 * cancelled → 409 `invoiceNotCreditable`. Audited `invoice.credited` with the reason; the
 * client's accounts are notified in-app. The period can then be billed again.
 */
export async function creditInvoice(
  tx: Executor,
  actor: Actor,
  invoiceId: string,
  reason: string,
): Promise<{ creditNoteId: string; number: string }> {
  assertCan(actor, "invoices.write");
  if (!isUuid(invoiceId)) throw notFound();
  const why = reason.trim().normalize("NFC").slice(0, 500);
  if (why.length === 0) throw new DomainError("validation_failed", "creditReasonRequired", "reason");
  const [row] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for("update");
  if (!row) throw notFound();
  if (row.kind !== "invoice" || !creditable.has(row.status)) throw new DomainError("conflict", "invoiceNotCreditable");

  const issuedAt = new Date();
  const { number, day } = await nextDocumentNumber(tx, "credit_note", issuedAt);
  const creditNoteId = randomUUID();
  await tx.insert(invoices).values({
    id: creditNoteId,
    kind: "credit_note",
    number,
    clientId: row.clientId,
    contractId: row.contractId,
    creditedInvoiceId: row.id,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    status: "issued",
    currency: row.currency,
    locale: row.locale,
    subtotalMinor: -row.subtotalMinor,
    taxMinor: -row.taxMinor,
    totalMinor: -row.totalMinor,
    estimated: row.estimated,
    consumptionMilli: -row.consumptionMilli,
    co2Grams: row.co2Grams === null ? null : -row.co2Grams,
    issuedAt,
    dueDate: day,
  });
  // The same lines, negated, in one statement; provenance keeps the original's and names the line credited.
  await tx.execute(sql`
    insert into invoice_lines (invoice_id, position, kind, label_key, label_params, period_start, period_end, quantity_milli, unit,
      unit_price_micro, amount_minor, vat_bp, estimated, provenance)
    select ${creditNoteId}::uuid, l.position, l.kind, l.label_key, l.label_params, l.period_start, l.period_end, -l.quantity_milli, l.unit,
      l.unit_price_micro, -l.amount_minor, l.vat_bp, l.estimated, l.provenance || jsonb_build_object('creditsLine', l.id::text)
    from invoice_lines l where l.invoice_id = ${row.id}`);
  const snapshot = { ...(await invoiceSnapshot(tx, creditNoteId)), reason: why, credits: { id: row.id, number: row.number } };
  await tx.update(invoices).set({ snapshot }).where(eq(invoices.id, creditNoteId));
  await tx
    .update(invoices)
    .set({ status: "cancelled", cancelledAt: issuedAt, updatedAt: sql`now()` })
    .where(eq(invoices.id, row.id));

  await recordAudit(tx, {
    actor,
    action: "invoice.credited",
    entityType: "invoice",
    entityId: row.id,
    changes: {
      status: { old: row.status, new: "cancelled" },
      creditNote: { old: null, new: { id: creditNoteId, number } },
      reason: { old: null, new: why },
    },
  });
  await notifyClientAccounts(tx, row.clientId, {
    kind: "invoice.credited",
    titleKey: "billing.notify.credited.title",
    bodyKey: "billing.notify.credited.body",
    params: { number, invoice: row.number ?? "", total: formatMoney(row.totalMinor, row.currency, row.locale) },
    link: `/client/invoices/${creditNoteId}`,
  });
  return { creditNoteId, number };
}
