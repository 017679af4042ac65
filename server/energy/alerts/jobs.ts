import "server-only";
import { getDb, type Executor } from "@/db/client";
import { defineJob } from "@/server/platform/jobs/registry";
import { ensureSchedule } from "@/server/platform/jobs/scheduler";
import { isTemplateEnabled } from "@/server/platform/templates";
import { evaluateAlerts } from "./evaluate";

export const alertsJobKind = "energy.alerts";

/**
 * Every 5 minutes: every enabled threshold rule on its latest readings (rules created or
 * changed since the last ingest, readings that arrived by a path that did not evaluate).
 */
defineJob(alertsJobKind, async () => {
  if (!isTemplateEnabled("energy")) return;
  const db = await getDb();
  await db.transaction((tx) => evaluateAlerts(tx, {}));
});

/** The alerts schedule, (re)declared at every start (server/platform/jobs/start.ts). */
export async function ensureAlertSchedules(db: Executor): Promise<void> {
  await ensureSchedule(db, { name: alertsJobKind, cron: "*/5 * * * *", kind: alertsJobKind });
}
