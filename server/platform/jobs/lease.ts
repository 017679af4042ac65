import "server-only";
import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { jobs } from "@/db/schema";

export type JobRow = typeof jobs.$inferSelect;

const fromNow = (ms: number) => sql`now() + make_interval(secs => ${ms / 1000})`;
/** Only the runner holding the lease may write a job's outcome. */
const heldBy = (id: string, runnerId: string) => and(eq(jobs.id, id), eq(jobs.lockedBy, runnerId), eq(jobs.status, "running"));

/**
 * Claims up to `limit` due jobs for `runnerId`: queued jobs whose time has come, and running
 * jobs whose lease ran out (their runner died). One statement; SKIP LOCKED lets several
 * runners claim at once without taking the same job. Counts the attempt.
 */
export async function claimJobs(db: Executor, runnerId: string, limit: number, leaseMs: number): Promise<JobRow[]> {
  if (limit <= 0) return [];
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      or(and(eq(jobs.status, "queued"), lte(jobs.runAt, sql`now()`)), and(eq(jobs.status, "running"), lt(jobs.lockedUntil, sql`now()`))),
    )
    .orderBy(asc(jobs.runAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(jobs)
    .set({
      status: "running",
      lockedBy: runnerId,
      lockedUntil: fromNow(leaseMs),
      attempts: sql`${jobs.attempts} + 1`,
      startedAt: sql`now()`,
    })
    .where(inArray(jobs.id, due))
    .returning();
}

/** Heartbeat: pushes the lease forward. False when the lease is no longer ours. */
export async function extendLease(db: Executor, id: string, runnerId: string, leaseMs: number): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ lockedUntil: fromNow(leaseMs) })
    .where(heldBy(id, runnerId))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export async function markSucceeded(db: Executor, id: string, runnerId: string): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: "succeeded", finishedAt: sql`now()`, lockedBy: null, lockedUntil: null })
    .where(heldBy(id, runnerId))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Records a failed attempt: back to the queue after `retryInMs`, or failed for good when it is null. */
export async function markFailed(db: Executor, id: string, runnerId: string, error: string, retryInMs: number | null): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set(
      retryInMs === null
        ? { status: "failed", lastError: error, finishedAt: sql`now()`, lockedBy: null, lockedUntil: null }
        : { status: "queued", lastError: error, runAt: fromNow(retryInMs), lockedBy: null, lockedUntil: null },
    )
    .where(heldBy(id, runnerId))
    .returning({ id: jobs.id });
  return rows.length > 0;
}
