import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { invoices } from "@/db/schema";
import { formatMoney } from "@/lib/billing/money";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { formatDay } from "@/server/energy/invoices/invoice-format";
import { clientLocale, notifyClientAccounts } from "./notify-client";

export type ReminderStage = "before" | "overdue";
export type RemindedInvoice = {
  id: string;
  clientId: string;
  number: string | null;
  currency: string;
  totalMinor: number;
  paidMinor: number;
  dueDate: string | null;
  lastReminderAt: Date | null;
};

/**
 * Sends one reminder of an invoice to its client's accounts, in the client's language
 * (amount and date formatted for it; the e-mail composed in it), stamps
 * `last_reminder_at` (what makes every stage go out once) and audits `invoice.reminder_sent`.
 */
export async function sendReminder(tx: Executor, actor: Actor, invoice: RemindedInvoice, stage: ReminderStage, now: Date): Promise<void> {
  const locale = await clientLocale(tx, invoice.clientId);
  const balance = invoice.totalMinor - invoice.paidMinor;
  await notifyClientAccounts(tx, invoice.clientId, {
    kind: stage === "before" ? "invoice.reminder" : "invoice.overdue",
    severity: "warning",
    titleKey: `reminders.${stage}.title`,
    bodyKey: `reminders.${stage}.body`,
    params: {
      number: invoice.number ?? "",
      amount: formatMoney(balance, invoice.currency, locale),
      dueDate: invoice.dueDate ? formatDay(invoice.dueDate, locale) : "",
    },
    link: `/client/invoices/${invoice.id}`,
  });
  await tx.update(invoices).set({ lastReminderAt: now }).where(eq(invoices.id, invoice.id));
  await recordAudit(tx, {
    actor,
    action: "invoice.reminder_sent",
    entityType: "invoice",
    entityId: invoice.id,
    changes: { reminder: { old: invoice.lastReminderAt?.toISOString() ?? null, new: { stage, at: now.toISOString(), locale } } },
  });
}

export const remindedColumns = {
  id: invoices.id,
  clientId: invoices.clientId,
  number: invoices.number,
  currency: invoices.currency,
  totalMinor: invoices.totalMinor,
  paidMinor: invoices.paidMinor,
  dueDate: invoices.dueDate,
  lastReminderAt: invoices.lastReminderAt,
};
