import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { idempotencyKeys, jobs, rateLimits } from "@/db/schema";
import { recordAudit } from "@/server/platform/audit";
import { defineJob } from "./registry";
import { ensureSchedule } from "./scheduler";

const noRequest = { ip: null, userAgent: null, requestId: null };

/**
 * Deletes expired operational rows: Idempotency-Key records older than 24 h, rate-limit
 * windows that started more than a day ago, succeeded jobs finished more than 7 days ago.
 * The audit log is append-only and never touched. Returns the counts deleted.
 */
export async function purgeExpired(tx: Executor) {
  const idempotency = await tx
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`now() - interval '24 hours'`))
    .returning({ key: idempotencyKeys.key });
  const windows = await tx
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, sql`now() - interval '1 day'`))
    .returning({ key: rateLimits.key });
  const finished = await tx
    .delete(jobs)
    .where(and(eq(jobs.status, "succeeded"), lt(jobs.finishedAt, sql`now() - interval '7 days'`)))
    .returning({ id: jobs.id });
  return { idempotencyKeys: idempotency.length, rateLimits: windows.length, jobs: finished.length };
}

defineJob("platform.cleanup", async (_payload, ctx) => {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const deleted = await purgeExpired(tx);
    if (deleted.idempotencyKeys + deleted.rateLimits + deleted.jobs === 0) return;
    await recordAudit(tx, {
      actor: ctx.actor,
      action: "platform.cleanup",
      entityType: "platform",
      changes: { deleted: { old: null, new: deleted } },
      context: noRequest,
    });
  });
});

/** The platform's own recurring jobs, (re)declared at every start. */
export async function ensurePlatformSchedules(db: Executor): Promise<void> {
  await ensureSchedule(db, { name: "platform.cleanup", cron: "*/15 * * * *", kind: "platform.cleanup" });
}
