import "server-only";
import { and, asc, eq, gt, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { invoices } from "@/db/schema";
import { defaultTimeZone } from "@/i18n/config";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { defineJob } from "@/server/platform/jobs/registry";
import { ensureSchedule } from "@/server/platform/jobs/scheduler";
import { isTemplateEnabled } from "@/server/platform/templates";
import { billingDay as todayIn } from "@/server/energy/billing/issue-invoice";
import { remindedColumns, sendReminder } from "./reminder";

/** The overdue reminder was already sent when the last reminder is dated after the due date (in Algiers). */
export const overdueReminderSent = sql<boolean>`(${invoices.lastReminderAt} is not null and (${invoices.lastReminderAt} at time zone ${defaultTimeZone})::date > ${invoices.dueDate})`;

/**
 * Marks `overdue` every issued or partly paid invoice whose due date is before today
 * (Africa/Algiers) and whose balance is not settled; audits `invoice.overdue` and tells the
 * client's accounts once (that notice is the invoice's overdue reminder: the reminders job
 * will not send it again). Rows another process holds are skipped. Returns how many.
 */
export async function markOverdueInvoices(tx: Executor, actor: Actor, now: Date = new Date(), batch = 500): Promise<number> {
  const today = todayIn(now);
  const due = await tx
    .select({ ...remindedColumns, status: invoices.status, overdueReminded: overdueReminderSent })
    .from(invoices)
    .where(
      and(
        eq(invoices.kind, "invoice"),
        inArray(invoices.status, ["issued", "partially_paid"]),
        isNotNull(invoices.dueDate),
        lt(invoices.dueDate, today),
        gt(invoices.totalMinor, invoices.paidMinor),
      ),
    )
    .orderBy(asc(invoices.dueDate), asc(invoices.id))
    .limit(batch)
    .for("update", { skipLocked: true });
  for (const invoice of due) {
    await tx.update(invoices).set({ status: "overdue", updatedAt: now }).where(eq(invoices.id, invoice.id));
    await recordAudit(tx, {
      actor,
      action: "invoice.overdue",
      entityType: "invoice",
      entityId: invoice.id,
      changes: { status: { old: invoice.status, new: "overdue" } },
    });
    if (!invoice.overdueReminded) await sendReminder(tx, actor, invoice, "overdue", now);
  }
  return due.length;
}

/** Daily (01:00): invoices past their due date become overdue. Payload `{ now?: ISO }` for tests and replays. */
defineJob("invoices.overdue", async (payload, ctx) => {
  if (!isTemplateEnabled("energy")) return;
  const now = typeof payload.now === "string" && !Number.isNaN(Date.parse(payload.now)) ? new Date(payload.now) : new Date();
  const db = await getDb();
  while ((await db.transaction((tx) => markOverdueInvoices(tx, ctx.actor, now))) === 500) {
    if (ctx.signal.aborted) return;
  }
});

export async function ensureOverdueSchedule(db: Executor): Promise<void> {
  await ensureSchedule(db, { name: "invoices.overdue", cron: "0 1 * * *", kind: "invoices.overdue" });
}
