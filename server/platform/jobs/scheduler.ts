import "server-only";
import { CronExpressionParser } from "cron-parser";
import { and, eq, lte, sql } from "drizzle-orm";
import { rowsOf, type Db, type Executor } from "@/db/client";
import { jobSchedules } from "@/db/schema";
import { scheduleTimeZone } from "./config";
import { enqueue } from "./enqueue";

export type ScheduleInput = { name: string; cron: string; kind: string; payload?: Record<string, unknown> };

/** The first occurrence of `cron` strictly after `after`, read in DIHYA_TIMEZONE. Throws on an invalid expression. */
export function nextOccurrence(cron: string, after: Date): Date {
  return CronExpressionParser.parse(cron, { currentDate: after, tz: scheduleTimeZone() }).next().toDate();
}

/** The database clock: every process compares schedules with the same time. */
async function dbNow(db: Executor): Promise<Date> {
  const [row] = rowsOf<{ ms: string | number }>(await db.execute(sql`select extract(epoch from clock_timestamp()) * 1000 as ms`));
  return new Date(Math.floor(Number(row?.ms)));
}

/**
 * Creates or updates a schedule (idempotent; called at every start). `next_run_at` is kept
 * unless the cron expression changed; `enabled` is left as an admin set it.
 */
export async function ensureSchedule(db: Executor, input: ScheduleInput): Promise<void> {
  const next = nextOccurrence(input.cron, await dbNow(db));
  await db
    .insert(jobSchedules)
    .values({ name: input.name, cron: input.cron, kind: input.kind, payload: input.payload ?? {}, nextRunAt: next })
    .onConflictDoUpdate({
      target: jobSchedules.name,
      set: {
        kind: sql`excluded.kind`,
        payload: sql`excluded.payload`,
        cron: sql`excluded.cron`,
        nextRunAt: sql`case when ${jobSchedules.cron} = excluded.cron then ${jobSchedules.nextRunAt} else excluded.next_run_at end`,
      },
    });
}

/**
 * Turns due schedules into jobs, once per occurrence whatever the number of processes:
 * the rows are locked with SKIP LOCKED (another process ticking at the same moment skips
 * them) and each job carries the dedupe key `schedule:<name>:<occurrence>`.
 * Occurrences missed while no process ran are not replayed: one job is queued for the
 * latest due occurrence and the schedule moves to the first occurrence after now.
 */
export async function tickSchedules(db: Db): Promise<number> {
  // Cheap check first: most ticks find nothing due and need no transaction.
  const [anyDue] = await db
    .select({ name: jobSchedules.name })
    .from(jobSchedules)
    .where(and(eq(jobSchedules.enabled, true), lte(jobSchedules.nextRunAt, sql`now()`)))
    .limit(1);
  if (!anyDue) return 0;
  return db.transaction(async (tx) => {
    const now = await dbNow(tx);
    const due = await tx
      .select()
      .from(jobSchedules)
      .where(and(eq(jobSchedules.enabled, true), lte(jobSchedules.nextRunAt, now)))
      .for("update", { skipLocked: true });
    let queued = 0;
    for (const schedule of due) {
      const occurrence = schedule.nextRunAt.toISOString();
      const id = await enqueue(tx, {
        kind: schedule.kind,
        payload: schedule.payload as Record<string, unknown>,
        dedupeKey: `schedule:${schedule.name}:${occurrence}`,
      });
      if (id) queued++;
      let next: Date;
      try {
        next = nextOccurrence(schedule.cron, now);
      } catch (error) {
        // A bad expression or time zone (edited in the database): look again in an hour.
        console.error(`[jobs] schedule ${schedule.name}: cannot compute the next run of "${schedule.cron}":`, error);
        next = new Date(now.getTime() + 60 * 60 * 1000);
      }
      await tx.update(jobSchedules).set({ lastRunAt: now, nextRunAt: next }).where(eq(jobSchedules.name, schedule.name));
    }
    return queued;
  });
}
