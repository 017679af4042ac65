import "server-only";
import { isUuid } from "@/server/platform/ids";
import { eq, sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { contracts, invoices } from "@/db/schema";
import { formatMoney } from "@/lib/billing/money";
import { addDays } from "@/lib/billing/periods";
import { assertCan, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import { notifyClientAccounts } from "@/server/energy/payments/notify-client";
import { invoiceSnapshot } from "./invoice-snapshot";

export type DocumentKind = "invoice" | "credit_note";
const prefixes: Record<DocumentKind, string> = { invoice: "FAC", credit_note: "AVO" };

/** The zone numbering years and due dates are read in. */
export const billingTimeZone = "Africa/Algiers";
const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: billingTimeZone, year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day of an instant in Africa/Algiers, "YYYY-MM-DD". */
export const billingDay = (at: Date): string => dayFormat.format(at);

/**
 * The next number of a (kind, year) sequence, in the caller's transaction: the upsert takes
 * the sequence row's lock until commit, so concurrent issues wait for each other and a
 * rolled-back issue gives its number back — numbers are unique, sequential and gapless.
 * FAC-2026-000123 for invoices, AVO-2026-000001 for credit notes.
 */
export async function nextDocumentNumber(
  tx: Executor,
  kind: DocumentKind,
  issuedAt: Date,
): Promise<{ number: string; year: number; sequence: number; day: string }> {
  const day = billingDay(issuedAt);
  const year = Number(day.slice(0, 4));
  const [row] = rowsOf<{ last: number }>(
    await tx.execute(sql`
      insert into invoice_sequences (kind, year, last) values (${kind}, ${year}, 1)
      on conflict (kind, year) do update set last = invoice_sequences.last + 1
      returning last`),
  );
  const sequence = Number(row!.last);
  return { number: `${prefixes[kind]}-${year}-${String(sequence).padStart(6, "0")}`, year, sequence, day };
}

/** `DIH-2026000123-45`: year and sequence digits, then ISO 7064 mod-97 check digits (98 − n×100 mod 97). */
export function paymentReference(year: number, sequence: number): string {
  const digits = `${year}${String(sequence).padStart(6, "0")}`;
  const check = 98n - ((BigInt(digits) * 100n) % 97n);
  return `DIH-${digits}-${String(check).padStart(2, "0")}`;
}

/** True when a reference's check digits match (a payment matched by reference). */
export function paymentReferenceValid(reference: string): boolean {
  const m = /^DIH-(\d+)-(\d{2})$/.exec(reference);
  return !!m && (BigInt(m[1]!) * 100n + BigInt(m[2]!)) % 97n === 1n;
}

/**
 * Issues a draft invoice (`invoices.write`): locks it, assigns the next FAC number of the year
 * of issue (Africa/Algiers) in this transaction, sets the due date (issue day + the contract's
 * payment term), a payment reference and the identity snapshot. A zero or negative total is
 * issued like any other. Anything but a draft → 409 `invoiceNotDraft`. Audited
 * `invoice.issued`; the client's accounts are notified in-app.
 */
export async function issueInvoice(
  tx: Executor,
  actor: Actor,
  invoiceId: string,
  opts: { issuedAt?: Date } = {},
): Promise<{ number: string }> {
  assertCan(actor, "invoices.write");
  if (!isUuid(invoiceId)) throw notFound();
  const [row] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for("update");
  if (!row) throw notFound();
  if (row.kind !== "invoice" || row.status !== "draft") throw new DomainError("conflict", "invoiceNotDraft");
  const [contract] = await tx
    .select({ paymentTermDays: contracts.paymentTermDays })
    .from(contracts)
    .where(eq(contracts.id, row.contractId));
  const issuedAt = opts.issuedAt ?? new Date();
  const { number, year, sequence, day } = await nextDocumentNumber(tx, "invoice", issuedAt);
  const dueDate = addDays(day, contract?.paymentTermDays ?? 15);
  const reference = paymentReference(year, sequence);
  const snapshot = await invoiceSnapshot(tx, invoiceId);
  await tx
    .update(invoices)
    .set({ status: "issued", number, issuedAt, dueDate, paymentReference: reference, snapshot, updatedAt: sql`now()` })
    .where(eq(invoices.id, invoiceId));
  await recordAudit(tx, {
    actor,
    action: "invoice.issued",
    entityType: "invoice",
    entityId: invoiceId,
    changes: {
      status: { old: "draft", new: "issued" },
      number: { old: null, new: number },
      dueDate: { old: null, new: dueDate },
      totalMinor: { old: null, new: row.totalMinor },
    },
  });
  await notifyClientAccounts(tx, row.clientId, {
    kind: "invoice.issued",
    titleKey: "billing.notify.issued.title",
    bodyKey: "billing.notify.issued.body",
    params: { number, total: formatMoney(row.totalMinor, row.currency, row.locale), dueDate },
    link: `/client/invoices/${invoiceId}`,
  });
  return { number };
}

/** Issues several drafts one after the other, in the caller's transaction (numbers follow the order given). */
export async function issueInvoices(tx: Executor, actor: Actor, ids: string[]): Promise<{ id: string; number: string }[]> {
  const out: { id: string; number: string }[] = [];
  for (const id of ids) out.push({ id, number: (await issueInvoice(tx, actor, id)).number });
  return out;
}
