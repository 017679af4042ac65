import "server-only";
import { getDb, type Executor } from "@/db/client";
import { tickDemoAgents } from "@/db/seed/devops/demo-agents";
import { defineJob } from "@/server/platform/jobs/registry";
import { ensureSchedule } from "@/server/platform/jobs/scheduler";
import { isTemplateEnabled } from "@/server/platform/templates";
import { checkHeartbeats } from "./heartbeats";
import { purgeOldPoints } from "./retention";

export const heartbeatsJobKind = "devops.heartbeats";
export const retentionJobKind = "devops.metrics.retention";
export const demoAgentsJobKind = "devops.demo.agents";

/** Every 30 s: late agents become stale, then down (role devops notified once per outage). */
defineJob(heartbeatsJobKind, async () => {
  if (!isTemplateEnabled("devops")) return;
  const db = await getDb();
  await db.transaction((tx) => checkHeartbeats(tx));
});

/** Daily: metric points past the retention (DIHYA_METRICS_RETENTION_DAYS, default 30) are deleted in chunks. */
defineJob(retentionJobKind, async (_payload, ctx) => {
  const db = await getDb();
  await purgeOldPoints(db, { signal: ctx.signal });
});

/** Every minute: the demo's servers keep reporting (nothing to do without demo data; DIHYA_DEMO_AGENTS=off stops it). */
defineJob(demoAgentsJobKind, async () => {
  if (!isTemplateEnabled("devops")) return;
  const db = await getDb();
  await db.transaction((tx) => tickDemoAgents(tx));
});

/** The monitoring schedules, (re)declared at every start (server/platform/jobs/start.ts). */
export async function ensureMonitoringSchedules(db: Executor): Promise<void> {
  await ensureSchedule(db, { name: heartbeatsJobKind, cron: "*/30 * * * * *", kind: heartbeatsJobKind });
  await ensureSchedule(db, { name: retentionJobKind, cron: "40 3 * * *", kind: retentionJobKind });
  await ensureSchedule(db, { name: demoAgentsJobKind, cron: "0 * * * * *", kind: demoAgentsJobKind });
}
