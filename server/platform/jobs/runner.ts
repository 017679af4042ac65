import "server-only";
import type { Db } from "@/db/client";
import type { RunnerOptions } from "./config";
import { executeJob, type JobOutcome } from "./execute";
import { claimJobs } from "./lease";
import { tickSchedules } from "./scheduler";

export type JobRunner = {
  readonly options: RunnerOptions;
  /** One poll: due schedules become jobs, then free slots claim due jobs (not awaited). Returns the jobs claimed. */
  tick(): Promise<number>;
  /** Claims due jobs and waits for them: what tests and one-off scripts call. */
  runDue(): Promise<JobOutcome[]>;
  /** Polls every `pollMs` until `stop()`. Timers are unref'd: the runner never keeps a process alive by itself. */
  start(): void;
  /** Stops claiming, waits up to `graceMs` for running jobs, then aborts their signals and waits for them to settle. */
  stop(): Promise<void>;
  readonly running: number;
};

export function createRunner(db: Db, options: RunnerOptions): JobRunner {
  const inFlight = new Set<Promise<JobOutcome>>();
  /** Aborted by stop(): no more claims. */
  const stopping = new AbortController();
  /** Aborted when the grace period is over: running handlers are told to give up. */
  const hardStop = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;
  let loop: Promise<void> | null = null;

  const launch = (job: Awaited<ReturnType<typeof claimJobs>>[number]) => {
    const run = executeJob(db, job, options, hardStop.signal).catch((error: unknown) => {
      console.error(`[jobs] runner ${options.id} could not record job ${job.id}:`, error);
      return "lost" as const;
    });
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
    return run;
  };

  const claimFree = async () => {
    if (stopping.signal.aborted) return [];
    const jobs = await claimJobs(db, options.id, options.concurrency - inFlight.size, options.leaseMs);
    return jobs.map(launch);
  };

  const runner: JobRunner = {
    options,
    get running() {
      return inFlight.size;
    },
    async tick() {
      await tickSchedules(db);
      return (await claimFree()).length;
    },
    async runDue() {
      return Promise.all(await claimFree());
    },
    start() {
      if (loop || stopping.signal.aborted) return;
      const poll = async () => {
        try {
          await runner.tick();
        } catch (error) {
          console.error(`[jobs] poll failed:`, error instanceof Error ? error.message : error);
        }
        if (stopping.signal.aborted) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, options.pollMs);
          timer.unref();
        });
        if (!stopping.signal.aborted) return poll();
      };
      loop = poll();
    },
    async stop() {
      stopping.abort();
      if (timer) clearTimeout(timer);
      wake?.();
      await loop;
      const settled = Promise.allSettled([...inFlight]);
      const graceOver = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), options.graceMs).unref());
      if ((await Promise.race([settled, graceOver])) === "timeout") {
        console.warn(`[jobs] ${inFlight.size} job(s) still running after ${options.graceMs} ms; aborting them`);
        hardStop.abort();
      }
      await settled;
    },
  };
  return runner;
}
