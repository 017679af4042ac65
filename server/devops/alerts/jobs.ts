import "server-only";
import { getDb, type Executor } from "@/db/client";
import { defineJob } from "@/server/platform/jobs/registry";
import { ensureSchedule } from "@/server/platform/jobs/scheduler";
import { isTemplateEnabled } from "@/server/platform/templates";
import { evaluateAlerts } from "./evaluate";

export const devopsAlertsJobKind = "devops.alerts";

/** Every 15 seconds: every enabled metric rule on the latest values (see evaluateAlerts). */
defineJob(devopsAlertsJobKind, async () => {
  if (!isTemplateEnabled("devops")) return;
  const db = await getDb();
  await db.transaction((tx) => evaluateAlerts(tx));
});

/** The evaluation schedule, (re)declared at every start (server/platform/jobs/start.ts). */
export async function ensureDevopsAlertSchedules(db: Executor): Promise<void> {
  await ensureSchedule(db, { name: devopsAlertsJobKind, cron: "*/15 * * * * *", kind: devopsAlertsJobKind });
}
