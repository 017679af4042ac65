import "server-only";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";

/** How a runner behaves; every field has an environment default (see `runnerOptionsFromEnv`). */
export type RunnerOptions = {
  /** Written to `jobs.locked_by`; unique per runner instance. */
  id: string;
  /** Jobs run at the same time by this runner. */
  concurrency: number;
  /** Time between two polls for due jobs and schedules. */
  pollMs: number;
  /** A claimed job belongs to this runner for this long; the heartbeat extends it while the handler runs. */
  leaseMs: number;
  /** First retry delay; it doubles per attempt, capped at `backoffCapMs`, with jitter. */
  backoffBaseMs: number;
  backoffCapMs: number;
  /** On stop, how long running jobs may take to finish before their signal is aborted. */
  graceMs: number;
};

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    console.warn(`[jobs] ignoring ${name}=${raw}: expected a positive integer; using ${fallback}`);
    return fallback;
  }
  return value;
}

export function newRunnerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

/** DIHYA_JOB_POLL_MS (1000), DIHYA_JOB_CONCURRENCY (2), DIHYA_JOB_LEASE_MS (60000), DIHYA_JOB_BACKOFF_MS (10000), DIHYA_JOB_GRACE_MS (25000). */
export function runnerOptionsFromEnv(overrides: Partial<RunnerOptions> = {}): RunnerOptions {
  return {
    id: newRunnerId(),
    concurrency: positiveInt("DIHYA_JOB_CONCURRENCY", 2),
    pollMs: positiveInt("DIHYA_JOB_POLL_MS", 1000),
    leaseMs: positiveInt("DIHYA_JOB_LEASE_MS", 60_000),
    backoffBaseMs: positiveInt("DIHYA_JOB_BACKOFF_MS", 10_000),
    backoffCapMs: 60 * 60 * 1000,
    graceMs: positiveInt("DIHYA_JOB_GRACE_MS", 25_000),
    ...overrides,
  };
}

/** The zone cron expressions are read in: DIHYA_TIMEZONE, default Africa/Algiers. */
export function scheduleTimeZone(): string {
  return process.env.DIHYA_TIMEZONE || "Africa/Algiers";
}

/**
 * Delay before retrying after failed attempt number `attempt` (1-based): base·2^(attempt−1),
 * capped, then "equal jitter" (between half and all of it) so failed jobs spread out.
 */
export function retryDelayMs(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
