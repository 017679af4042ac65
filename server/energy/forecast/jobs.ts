import "server-only";
import { getDb, type Executor } from "@/db/client";
import { defineJob } from "@/server/platform/jobs/registry";
import { ensureSchedule } from "@/server/platform/jobs/scheduler";
import { isTemplateEnabled } from "@/server/platform/templates";
import { runForecastsForAllMeters } from "./run-all";
import { forecastCron } from "./schedule";

/**
 * Daily: backtest and forecast every active meter (payload `{ meterId?: string }` for one).
 * Derived data: no audit row; the run is logged.
 */
defineJob("energy.forecast", async (payload, ctx) => {
  if (!isTemplateEnabled("energy")) return;
  const meterId = typeof payload.meterId === "string" && /^[0-9a-f-]{36}$/i.test(payload.meterId) ? payload.meterId : undefined;
  const summary = await runForecastsForAllMeters(await getDb(), { meterIds: meterId ? [meterId] : undefined, signal: ctx.signal });
  if (summary.failed > 0 && summary.forecast === 0) throw new Error(`forecast: all ${summary.failed} meters failed`);
});

/** The forecast schedule, (re)declared at every start (server/platform/jobs/start.ts). */
export async function ensureForecastSchedules(db: Executor): Promise<void> {
  await ensureSchedule(db, { name: "energy.forecast", cron: forecastCron, kind: "energy.forecast" });
}
