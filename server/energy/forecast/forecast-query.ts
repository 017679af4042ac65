import "server-only";
import { isUuid } from "@/server/platform/ids";
import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { forecastPoints, forecastRuns, meters, readings, sites } from "@/db/schema";
import type { ForecastModel } from "@/lib/forecast/backtest";
import { chartRows, runMetrics, summarize, type ChartRow, type RunMetrics } from "@/lib/forecast/view";
import { assertCan, type Actor } from "@/server/auth/actor";
import { notFound } from "@/server/platform/errors";

const day = 86_400_000;
const filledOf = (params: unknown) => {
  const value = params && typeof params === "object" ? (params as Record<string, unknown>).filled : null;
  return typeof value === "number" ? value : 0;
};

export type RunView = {
  model: ForecastModel;
  createdAt: Date;
  horizonFrom: Date;
  horizonTo: Date;
  backtestFrom: Date | null;
  backtestTo: Date | null;
  metrics: RunMetrics | null;
  /** Slots of the history filled in from the week before (never scored). */
  filled: number;
  summary: { amount: number; peak: number } | null;
};

export type MeterForecast = {
  meter: {
    id: string;
    code: string;
    name: string;
    unit: string;
    quantity: string;
    intervalMinutes: number;
    siteName: string;
    timezone: string;
  };
  runs: Partial<Record<ForecastModel, RunView>>;
  actualSummary: { amount: number; peak: number } | null;
  rows: ChartRow[];
};

/**
 * A meter's stored forecasts for the forecast page: both runs with their backtest figures,
 * their points, and the actual readings of the 7 days before the horizon. Null runs when the
 * job has not run yet. `measurements.read`.
 */
export async function getMeterForecast(db: Executor, actor: Actor, meterId: string): Promise<MeterForecast> {
  assertCan(actor, "measurements.read");
  if (!isUuid(meterId)) throw notFound();
  const [meter] = await db
    .select({
      id: meters.id,
      code: meters.code,
      name: meters.name,
      unit: meters.unit,
      quantity: meters.quantity,
      intervalMinutes: meters.intervalMinutes,
      siteName: sites.name,
      timezone: sites.timezone,
    })
    .from(meters)
    .innerJoin(sites, eq(sites.id, meters.siteId))
    .where(eq(meters.id, meterId));
  if (!meter) throw notFound();
  const stored = await db.select().from(forecastRuns).where(eq(forecastRuns.meterId, meterId));
  if (stored.length === 0) return { meter, runs: {}, actualSummary: null, rows: [] };

  const points = await db
    .select()
    .from(forecastPoints)
    .where(
      inArray(
        forecastPoints.runId,
        stored.map((r) => r.id),
      ),
    )
    .orderBy(asc(forecastPoints.ts));
  const from = stored[0]!.horizonFrom;
  const actual = await db
    .select({ ts: readings.ts, value: readings.value })
    .from(readings)
    .where(and(eq(readings.meterId, meterId), gte(readings.ts, new Date(from.getTime() - 7 * day)), lt(readings.ts, from)))
    .orderBy(asc(readings.ts));

  const pointsOf = (model: ForecastModel) => {
    const run = stored.find((r) => r.model === model);
    return run ? points.filter((p) => p.runId === run.id) : [];
  };
  const runs: MeterForecast["runs"] = {};
  for (const run of stored) {
    const model = run.model as ForecastModel;
    runs[model] = {
      model,
      createdAt: run.createdAt,
      horizonFrom: run.horizonFrom,
      horizonTo: run.horizonTo,
      backtestFrom: run.backtestFrom,
      backtestTo: run.backtestTo,
      metrics: run.backtestFrom ? runMetrics(run) : null,
      filled: filledOf(run.params),
      summary: summarize(
        pointsOf(model).map((p) => p.value),
        meter.quantity,
      ),
    };
  }
  return {
    meter,
    runs,
    actualSummary: summarize(
      actual.map((r) => r.value),
      meter.quantity,
    ),
    rows: chartRows(actual, pointsOf("seasonal_naive"), pointsOf("holt_winters")),
  };
}
