import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { meters } from "@/db/schema";
import { forecastMeter, type MeterOutcome } from "./forecast-meter";

export type ForecastSummary = { meters: number; forecast: number; skipped: number; failed: number; ms: number; outcomes: MeterOutcome[] };

/**
 * Recomputes the forecasts of every active meter (or of `meterIds`), one meter at a time:
 * each meter's CPU is bounded (lib/forecast), the event loop is given back between meters,
 * and the run stops early when `signal` aborts or `budgetMs` is spent (the meters left keep
 * their previous runs). A meter that fails is logged and skipped. Works on the database or
 * inside an open transaction (the demo seed): each meter's write is its own savepoint then.
 */
export async function runForecastsForAllMeters(
  db: Executor,
  options: { meterIds?: string[]; signal?: AbortSignal; budgetMs?: number; quiet?: boolean } = {},
): Promise<ForecastSummary> {
  const started = performance.now();
  const budget = options.budgetMs ?? 10 * 60_000;
  const list = await db
    .select({ id: meters.id, code: meters.code, quantity: meters.quantity, intervalMinutes: meters.intervalMinutes })
    .from(meters)
    .where(and(eq(meters.active, true), options.meterIds ? inArray(meters.id, options.meterIds) : undefined))
    .orderBy(asc(meters.code));
  const outcomes: MeterOutcome[] = [];
  let failed = 0;
  for (const meter of list) {
    if (options.signal?.aborted || performance.now() - started > budget) {
      console.warn(`[forecast] stopped after ${outcomes.length + failed} of ${list.length} meters (time budget or shutdown)`);
      break;
    }
    try {
      const outcome = await forecastMeter(db, meter);
      outcomes.push(outcome);
      if (outcome.status === "skipped" && !options.quiet) console.info(`[forecast] ${meter.code}: skipped (${outcome.reason})`);
    } catch (error) {
      failed++;
      console.error(`[forecast] ${meter.code}: failed`, error);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  const summary: ForecastSummary = {
    meters: list.length,
    forecast: outcomes.filter((o) => o.status === "forecast").length,
    skipped: outcomes.filter((o) => o.status === "skipped").length,
    failed,
    ms: Math.round(performance.now() - started),
    outcomes,
  };
  if (!options.quiet) {
    console.info(
      `[forecast] ${summary.meters} meters in ${summary.ms} ms: ${summary.forecast} forecast, ${summary.skipped} skipped, ${summary.failed} failed`,
    );
  }
  return summary;
}
