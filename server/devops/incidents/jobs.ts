import "server-only";
import { getDb, type Executor } from "@/db/client";
import { defineJob } from "@/server/platform/jobs/registry";
import { ensureSchedule } from "@/server/platform/jobs/scheduler";
import { isTemplateEnabled } from "@/server/platform/templates";
import { checkSlaClocks } from "./sla-check";

export const slaJobKind = "devops.sla";

/** Every minute: SLA warnings (≥ warn %) and breaches (100 %) of the open incident clocks, each sent once. */
defineJob(slaJobKind, async () => {
  if (!isTemplateEnabled("devops")) return;
  const db = await getDb();
  await db.transaction((tx) => checkSlaClocks(tx, new Date()));
});

/** The SLA schedule, (re)declared at every start (server/platform/jobs/start.ts). */
export async function ensureSlaSchedules(db: Executor): Promise<void> {
  await ensureSchedule(db, { name: slaJobKind, cron: "* * * * *", kind: slaJobKind });
}
