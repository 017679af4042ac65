import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { invoices, payments } from "@/db/schema";
import { formatMoney } from "@/lib/billing/money";
import type { PaymentMethod } from "@/lib/validation/invoices";
import { assertCan, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { DomainError } from "@/server/platform/errors";
import { clientLocale, notifyClientAccounts } from "./notify-client";

export type RecordPaymentInput = {
  invoiceId: string;
  /** Integer minor units of the invoice's currency. */
  amountMinor: number;
  method: PaymentMethod;
  /** Bank transfer reference, CIB/Edahabia authorisation number, receipt number… */
  reference?: string | null;
  receivedAt: Date;
  /** Set by the webhook: the provider's event id (unique). */
  providerEventId?: string | null;
};

export type RecordedPayment = {
  paymentId: string;
  invoiceId: string;
  /** The invoice's new status: `paid`, `partially_paid`, or `overdue` (partly paid after its due date). */
  status: "partially_paid" | "paid" | "overdue";
  paidMinor: number;
  balanceMinor: number;
};

/** Statuses that accept a payment. */
export const payableStatuses = ["issued", "partially_paid", "overdue"] as const;
export const isPayable = (status: string) => (payableStatuses as readonly string[]).includes(status);

/**
 * Records a payment against an issued invoice, in the caller's transaction. Staff need
 * `invoices.write`; the webhook records as a system actor. The invoice row is locked first, so
 * two payments at once cannot both pass the balance check. Refuses a draft, paid or cancelled
 * invoice (409) and an amount ≤ 0 or above the balance (422). Paid in full → `paid` and
 * `paid_at`; otherwise `partially_paid` (an overdue invoice partly paid stays `overdue`).
 * Audits `payment.recorded` and tells the client's accounts (in-app, e-mail per preference).
 */
export async function recordPayment(tx: Executor, actor: Actor, input: RecordPaymentInput): Promise<RecordedPayment> {
  assertCan(actor, "invoices.write");
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, input.invoiceId)).limit(1).for("update");
  if (!invoice) throw new DomainError("not_found", "notFound");
  if (invoice.kind !== "invoice" || !isPayable(invoice.status)) throw new DomainError("conflict", "invoiceNotPayable");
  const balance = invoice.totalMinor - invoice.paidMinor;
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0)
    throw new DomainError("validation_failed", "paymentAmountInvalid", "amount");
  if (input.amountMinor > balance) throw new DomainError("validation_failed", "paymentExceedsBalance", "amount");

  const paidMinor = invoice.paidMinor + input.amountMinor;
  const full = paidMinor === invoice.totalMinor;
  const status: RecordedPayment["status"] = full ? "paid" : invoice.status === "overdue" ? "overdue" : "partially_paid";
  const [payment] = await tx
    .insert(payments)
    .values({
      invoiceId: invoice.id,
      clientId: invoice.clientId,
      amountMinor: input.amountMinor,
      currency: invoice.currency,
      method: input.method,
      reference: input.reference?.trim() || null,
      receivedAt: input.receivedAt,
      recordedBy: actor.kind === "user" ? actor.id : null,
      providerEventId: input.providerEventId ?? null,
    })
    .returning({ id: payments.id });
  const now = new Date();
  await tx
    .update(invoices)
    .set({ paidMinor, status, paidAt: full ? now : invoice.paidAt, updatedAt: now })
    .where(eq(invoices.id, invoice.id));
  await recordAudit(tx, {
    actor,
    action: "payment.recorded",
    entityType: "invoice",
    entityId: invoice.id,
    changes: {
      payment: { old: null, new: { id: payment!.id, amountMinor: input.amountMinor, currency: invoice.currency, method: input.method } },
      paidMinor: { old: invoice.paidMinor, new: paidMinor },
      ...(status !== invoice.status ? { status: { old: invoice.status, new: status } } : {}),
    },
  });

  const locale = await clientLocale(tx, invoice.clientId);
  await notifyClientAccounts(tx, invoice.clientId, {
    kind: "payment.received",
    severity: "success",
    titleKey: full ? "payments.notify.paid.title" : "payments.notify.received.title",
    bodyKey: full ? "payments.notify.paid.body" : "payments.notify.received.body",
    params: {
      number: invoice.number ?? "",
      amount: formatMoney(input.amountMinor, invoice.currency, locale),
      balance: formatMoney(invoice.totalMinor - paidMinor, invoice.currency, locale),
    },
    link: `/client/invoices/${invoice.id}`,
  });
  return { paymentId: payment!.id, invoiceId: invoice.id, status, paidMinor, balanceMinor: invoice.totalMinor - paidMinor };
}
