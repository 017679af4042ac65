import "server-only";
import { getDb, type Executor } from "@/db/client";
import { recordAudit } from "@/server/platform/audit";
import { defineJob } from "./registry";
import { ensureSchedule } from "./scheduler";

/**
 * A harmless job for checking a deployment's job setup (DIHYA_JOBS_SELFTEST=1): scheduled
 * every minute, each run writes one `job.selftest` audit row naming its job, so "each
 * occurrence ran exactly once across processes" can be read back from the audit log.
 */
defineJob("platform.selftest", async (_payload, ctx) => {
  const db = await getDb();
  await db.transaction((tx) =>
    recordAudit(tx, {
      actor: ctx.actor,
      action: "job.selftest",
      entityType: "job",
      entityId: ctx.jobId,
      context: { ip: null, userAgent: null, requestId: null },
    }),
  );
});

export async function ensureSelftestSchedule(db: Executor): Promise<void> {
  await ensureSchedule(db, { name: "platform.selftest", cron: "* * * * *", kind: "platform.selftest" });
}
