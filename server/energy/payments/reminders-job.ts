import "server-only";
import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, not, or } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { invoices } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { defineJob } from "@/server/platform/jobs/registry";
import { ensureSchedule } from "@/server/platform/jobs/scheduler";
import { isTemplateEnabled } from "@/server/platform/templates";
import { addDays } from "@/lib/billing/periods";
import { billingDay as todayIn } from "@/server/energy/billing/issue-invoice";
import { overdueReminderSent } from "./overdue-job";
import { remindedColumns, sendReminder } from "./reminder";

/** Days before the due date when the first reminder goes out. */
export const reminderLeadDays = 3;

/**
 * Sends the reminders due today (Africa/Algiers), each stage once per invoice, in the
 * client's language (in-app, and e-mail when SMTP is configured):
 * - `before`: an unpaid invoice due within the next 3 days that has had no reminder yet;
 * - `overdue`: an unpaid invoice past its due date whose last reminder (if any) predates the
 *   due date — normally sent by the overdue job at 01:00; this catches the rest.
 * `invoices.last_reminder_at` records what was sent. Returns the number sent per stage.
 */
export async function sendInvoiceReminders(
  tx: Executor,
  actor: Actor,
  now: Date = new Date(),
  batch = 500,
): Promise<{ before: number; overdue: number }> {
  const today = todayIn(now);
  const unpaid = and(eq(invoices.kind, "invoice"), isNotNull(invoices.dueDate), gt(invoices.totalMinor, invoices.paidMinor));
  const before = await tx
    .select(remindedColumns)
    .from(invoices)
    .where(
      and(
        unpaid,
        inArray(invoices.status, ["issued", "partially_paid"]),
        gte(invoices.dueDate, today),
        lte(invoices.dueDate, addDays(today, reminderLeadDays)),
        isNull(invoices.lastReminderAt),
      ),
    )
    .orderBy(asc(invoices.dueDate), asc(invoices.id))
    .limit(batch)
    .for("update", { skipLocked: true });
  for (const invoice of before) await sendReminder(tx, actor, invoice, "before", now);

  const late = await tx
    .select(remindedColumns)
    .from(invoices)
    .where(
      and(
        unpaid,
        inArray(invoices.status, ["issued", "partially_paid", "overdue"]),
        lt(invoices.dueDate, today),
        or(isNull(invoices.lastReminderAt), not(overdueReminderSent)),
      ),
    )
    .orderBy(asc(invoices.dueDate), asc(invoices.id))
    .limit(batch)
    .for("update", { skipLocked: true });
  for (const invoice of late) await sendReminder(tx, actor, invoice, "overdue", now);
  return { before: before.length, overdue: late.length };
}

/** Daily (08:00): payment reminders. Payload `{ now?: ISO }` for tests and replays. */
defineJob("invoices.reminders", async (payload, ctx) => {
  if (!isTemplateEnabled("energy")) return;
  const now = typeof payload.now === "string" && !Number.isNaN(Date.parse(payload.now)) ? new Date(payload.now) : new Date();
  const db = await getDb();
  await db.transaction((tx) => sendInvoiceReminders(tx, ctx.actor, now));
});

export async function ensureReminderSchedule(db: Executor): Promise<void> {
  await ensureSchedule(db, { name: "invoices.reminders", cron: "0 8 * * *", kind: "invoices.reminders" });
}
