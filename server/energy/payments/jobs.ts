import "server-only";
import type { Executor } from "@/db/client";
import "./client-email-job";
import { ensureOverdueSchedule } from "./overdue-job";
import { ensureReminderSchedule } from "./reminders-job";

/** The payment schedules (overdue at 01:00, reminders at 08:00), (re)declared at every start. */
export async function ensurePaymentSchedules(db: Executor): Promise<void> {
  await ensureOverdueSchedule(db);
  await ensureReminderSchedule(db);
}
