import "server-only";
import type { Db } from "@/db/client";
import { retryDelayMs, type RunnerOptions } from "./config";
import { extendLease, markFailed, markSucceeded, type JobRow } from "./lease";
import { handlerFor } from "./registry";
import { markFailedForGood } from "./report-failure";
import { countJob } from "@/server/platform/metrics/prometheus-registry";

export type JobOutcome = "succeeded" | "retrying" | "failed" | "lost";

const maxErrorLength = 2000;

export class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(`lease on job ${jobId} was lost; another runner may have taken it`);
    this.name = "LeaseLostError";
  }
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.length > maxErrorLength ? `${text.slice(0, maxErrorLength - 1)}…` : text;
}

/**
 * Runs one claimed job outside any transaction, with a heartbeat that keeps the lease
 * while the handler works and aborts the handler's signal if the lease is lost.
 * `stop` (the runner shutting down) also aborts it. The outcome is written only while this
 * runner still holds the lease: a job taken over by another runner is left to that one.
 * A final failure notifies the admins (see report-failure.ts).
 */
export async function executeJob(db: Db, job: JobRow, options: RunnerOptions, stop?: AbortSignal): Promise<JobOutcome> {
  const outcome = await runJob(db, job, options, stop);
  countJob(job.kind, outcome);
  return outcome;
}

async function runJob(db: Db, job: JobRow, options: RunnerOptions, stop?: AbortSignal): Promise<JobOutcome> {
  const fail = async (error: string, retry: boolean): Promise<JobOutcome> => {
    const again = retry && job.attempts < job.maxAttempts;
    const written = again
      ? await markFailed(db, job.id, options.id, error, retryDelayMs(job.attempts, options.backoffBaseMs, options.backoffCapMs))
      : await markFailedForGood(db, job, options.id, error);
    if (!written) return "lost";
    console.error(`[jobs] ${job.kind} ${job.id} attempt ${job.attempts}/${job.maxAttempts} failed: ${error}`);
    return again ? "retrying" : "failed";
  };

  if (job.attempts > job.maxAttempts) return fail("the last attempt did not finish before its lease expired", false);
  const handler = handlerFor(job.kind);
  if (!handler) return fail(`no handler is registered for job kind "${job.kind}"`, false);

  const controller = new AbortController();
  const onStop = () => controller.abort(new Error("the job runner is stopping"));
  if (stop?.aborted) onStop();
  stop?.addEventListener("abort", onStop, { once: true });
  let beating = false;
  const heartbeat = setInterval(
    () => {
      if (beating || controller.signal.aborted) return;
      beating = true;
      extendLease(db, job.id, options.id, options.leaseMs)
        .then((held) => {
          if (!held) controller.abort(new LeaseLostError(job.id));
        })
        .catch((error: unknown) => console.error(`[jobs] heartbeat for ${job.id} failed:`, messageOf(error)))
        .finally(() => (beating = false));
    },
    Math.max(50, Math.floor(options.leaseMs / 3)),
  );
  heartbeat.unref();

  let failure: unknown = null;
  let failed = false;
  try {
    await handler(job.payload as Record<string, unknown>, {
      jobId: job.id,
      attempt: job.attempts,
      maxAttempts: job.maxAttempts,
      actor: { kind: "system", id: `job:${job.kind}` },
      signal: controller.signal,
    });
  } catch (error) {
    failure = error;
    failed = true;
  } finally {
    clearInterval(heartbeat);
    stop?.removeEventListener("abort", onStop);
  }
  if (controller.signal.reason instanceof LeaseLostError) return "lost";
  if (!failed) return (await markSucceeded(db, job.id, options.id)) ? "succeeded" : "lost";
  return fail(messageOf(failure), true);
}
