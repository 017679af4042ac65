import "server-only";
import { getDb } from "@/db/client";
import { ensureDevopsAlertSchedules } from "@/server/devops/alerts/jobs";
import { ensureSlaSchedules } from "@/server/devops/incidents/jobs";
import { ensureMonitoringSchedules } from "@/server/devops/monitoring/jobs";
import { ensureAlertSchedules } from "@/server/energy/alerts/jobs";
import { ensureForecastSchedules } from "@/server/energy/forecast/jobs";
import { ensureMaintenanceSchedules } from "@/server/energy/maintenance/jobs";
import { ensurePaymentSchedules } from "@/server/energy/payments/jobs";
import { ensurePlatformSchedules } from "./cleanup";
import { runnerOptionsFromEnv, type RunnerOptions } from "./config";
import "./kinds";
import { registeredKinds } from "./registry";
import { createRunner, type JobRunner } from "./runner";

const g = globalThis as unknown as { __dihyaJobs?: Promise<JobRunner> };

/**
 * Starts this process's job runner and scheduler, once per process whatever the number
 * of callers or module copies (the handle lives on globalThis). Declares the platform
 * schedules first. The database schema must already be migrated.
 */
export function startJobs(overrides: Partial<RunnerOptions> = {}): Promise<JobRunner> {
  g.__dihyaJobs ??= (async () => {
    const db = await getDb();
    await ensurePlatformSchedules(db);
    await ensureMaintenanceSchedules(db);
    await ensureAlertSchedules(db);
    await ensureForecastSchedules(db);
    await ensurePaymentSchedules(db);
    await ensureDevopsAlertSchedules(db);
    await ensureSlaSchedules(db);
    await ensureMonitoringSchedules(db);
    if (process.env.DIHYA_JOBS_SELFTEST === "1") {
      const { ensureSelftestSchedule } = await import("./selftest");
      await ensureSelftestSchedule(db);
    }
    const runner = createRunner(db, runnerOptionsFromEnv(overrides));
    runner.start();
    console.log(`[jobs] runner ${runner.options.id} started: ${registeredKinds().join(", ")}`);
    return runner;
  })().catch((error: unknown) => {
    g.__dihyaJobs = undefined;
    throw error;
  });
  return g.__dihyaJobs;
}

/** Stops the runner started by startJobs (if any), letting running jobs finish within the grace period. */
export async function stopJobs(): Promise<void> {
  const started = g.__dihyaJobs;
  g.__dihyaJobs = undefined;
  if (started) await (await started).stop();
}

/**
 * The web server's call (bootstrap): jobs run in-process unless DIHYA_JOBS=off (e.g. when a
 * separate `npm run worker` does them). Never under Vitest: tests drive runners directly.
 * Next.js exits on SIGTERM without waiting; an interrupted job is taken up again when its
 * lease runs out.
 */
export async function startInProcessJobs(): Promise<void> {
  if (process.env.DIHYA_JOBS === "off" || process.env.VITEST) return;
  try {
    await startJobs();
  } catch (error) {
    console.error("[jobs] could not start the job runner:", error);
  }
}
