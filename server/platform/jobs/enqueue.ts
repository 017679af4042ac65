import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { jobs } from "@/db/schema";

export type JobInput = {
  kind: string;
  payload?: Record<string, unknown>;
  /** Not before this time (default: now). */
  runAt?: Date;
  maxAttempts?: number;
  /** Enqueue at most once per key (e.g. one cron occurrence); a duplicate is ignored. */
  dedupeKey?: string;
};

/**
 * Queues a job in the caller's transaction, so it exists only if the change that asked
 * for it commits. Returns the job id, or null when `dedupeKey` was already queued.
 */
export async function enqueue(tx: Executor, input: JobInput): Promise<string | null> {
  const [row] = await tx
    .insert(jobs)
    .values({
      kind: input.kind,
      payload: input.payload ?? {},
      runAt: input.runAt ?? sql`now()`,
      maxAttempts: input.maxAttempts ?? 5,
      dedupeKey: input.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  return row?.id ?? null;
}
