import "server-only";
import { getDb, type Executor } from "@/db/client";
import { defineJob } from "@/server/platform/jobs/registry";
import { ensureSchedule } from "@/server/platform/jobs/scheduler";
import { isTemplateEnabled } from "@/server/platform/templates";
import { reportOverdueInterventions } from "./overdue";
import { generatePreventiveInterventions } from "./preventive";

const day = /^\d{4}-\d{2}-\d{2}$/;

/** Daily: the preventive interventions due within the horizon. Payload `{ today?: "YYYY-MM-DD" }`. */
defineJob("energy.preventive", async (payload, ctx) => {
  if (!isTemplateEnabled("energy")) return;
  const today = typeof payload.today === "string" && day.test(payload.today) ? payload.today : undefined;
  const db = await getDb();
  await db.transaction((tx) => generatePreventiveInterventions(tx, ctx.actor, { today }));
});

/** Hourly: open interventions past their planned end, reported once each. */
defineJob("energy.overdue", async (_payload, ctx) => {
  if (!isTemplateEnabled("energy")) return;
  const db = await getDb();
  await db.transaction((tx) => reportOverdueInterventions(tx, ctx.actor));
});

/** The maintenance schedules, (re)declared at every start (server/platform/jobs/start.ts). */
export async function ensureMaintenanceSchedules(db: Executor): Promise<void> {
  await ensureSchedule(db, { name: "energy.preventive", cron: "15 2 * * *", kind: "energy.preventive" });
  await ensureSchedule(db, { name: "energy.overdue", cron: "5 * * * *", kind: "energy.overdue" });
}
