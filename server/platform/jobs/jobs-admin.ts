import "server-only";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { jobs, jobSchedules } from "@/db/schema";
import { jobStatuses, type JobStatus, type listJobsQuery } from "@/lib/validation/jobs";
import { assertCan, type Actor } from "@/server/auth/actor";
import { diff, recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import { exactTime, olderThan, pageOf } from "./keyset";
import { nextOccurrence } from "./scheduler";

export type JobDto = {
  id: string;
  kind: string;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
};
export type ScheduleDto = { name: string; cron: string; kind: string; enabled: boolean; nextRunAt: string; lastRunAt: string | null };

/** Jobs per status. `jobs.manage` only, as everything in this file. */
export async function jobCounts(db: Executor, actor: Actor): Promise<Record<JobStatus, number>> {
  assertCan(actor, "jobs.manage");
  const rows = await db.select({ status: jobs.status, n: count() }).from(jobs).groupBy(jobs.status);
  const counts = Object.fromEntries(jobStatuses.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const r of rows) if (r.status in counts) counts[r.status as JobStatus] = Number(r.n);
  return counts;
}

/** Jobs newest first, filtered by status and kind. */
export async function listJobs(db: Executor, actor: Actor, query: z.output<typeof listJobsQuery>) {
  assertCan(actor, "jobs.manage");
  const rows = await db
    .select({ row: jobs, cursorAt: exactTime(jobs.createdAt) })
    .from(jobs)
    .where(
      and(
        query.status ? eq(jobs.status, query.status) : undefined,
        query.kind ? eq(jobs.kind, query.kind) : undefined,
        olderThan(query.cursor, jobs.createdAt, jobs.id),
      ),
    )
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = pageOf(
    rows.map((r) => ({ ...r, id: r.row.id })),
    query.limit,
  );
  const data: JobDto[] = page.map(({ row }) => ({
    id: row.id,
    kind: row.kind,
    status: row.status as JobStatus,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    runAt: row.runAt.toISOString(),
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  }));
  return { data, next_cursor: nextCursor };
}

/**
 * Runs a failed or queued job as soon as a runner polls: due now, and a failed job gets
 * its full number of attempts again. Running and succeeded jobs cannot be retried.
 */
export async function retryJob(tx: Executor, actor: Actor, id: string): Promise<void> {
  assertCan(actor, "jobs.manage");
  const [before] = await tx.select().from(jobs).where(eq(jobs.id, id)).limit(1).for("update");
  if (!before) throw notFound();
  if (before.status !== "failed" && before.status !== "queued") throw new DomainError("conflict", "jobNotRetryable");
  const [after] = await tx
    .update(jobs)
    .set({
      status: "queued",
      runAt: sql`now()`,
      ...(before.status === "failed" ? { attempts: 0, finishedAt: null } : {}),
    })
    .where(and(eq(jobs.id, id), inArray(jobs.status, ["failed", "queued"])))
    .returning();
  if (!after) throw new DomainError("conflict", "jobNotRetryable");
  await recordAudit(tx, {
    actor,
    action: "job.retried",
    entityType: "job",
    entityId: id,
    changes: diff(
      { kind: before.kind, status: before.status, attempts: before.attempts, runAt: before.runAt },
      { kind: after.kind, status: after.status, attempts: after.attempts, runAt: after.runAt },
    ),
  });
}

export async function listSchedules(db: Executor, actor: Actor): Promise<ScheduleDto[]> {
  assertCan(actor, "jobs.manage");
  const rows = await db.select().from(jobSchedules).orderBy(asc(jobSchedules.name));
  return rows.map((r) => ({
    name: r.name,
    cron: r.cron,
    kind: r.kind,
    enabled: r.enabled,
    nextRunAt: r.nextRunAt.toISOString(),
    lastRunAt: r.lastRunAt?.toISOString() ?? null,
  }));
}

/** Pauses or resumes a schedule; resuming starts from the next occurrence after now (nothing missed is replayed). */
export async function setScheduleEnabled(tx: Executor, actor: Actor, name: string, enabled: boolean): Promise<void> {
  assertCan(actor, "jobs.manage");
  const [before] = await tx.select().from(jobSchedules).where(eq(jobSchedules.name, name)).limit(1).for("update");
  if (!before) throw notFound();
  if (before.enabled === enabled) return;
  await tx
    .update(jobSchedules)
    .set(enabled ? { enabled, nextRunAt: nextOccurrence(before.cron, new Date()) } : { enabled })
    .where(eq(jobSchedules.name, name));
  await recordAudit(tx, {
    actor,
    action: enabled ? "job_schedule.enabled" : "job_schedule.disabled",
    entityType: "job_schedule",
    entityId: name,
    changes: diff({ enabled: before.enabled }, { enabled }),
  });
}
