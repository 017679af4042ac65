import "server-only";
import type { ReadingsSeriesQuery } from "@/lib/validation/readings-series";
import { readingsSeriesOp } from "@/server/api/endpoints/readings-series";
import { defineRoute } from "@/server/auth/define-route";
import { problem, titles } from "@/server/platform/problem";
import { maxSeriesPoints, querySeries, SeriesTooLargeError, type SeriesQuery } from "./series";
import type { Granularity } from "./types";

/** Days shown when `from` is left out, per granularity. */
const defaultDays: Record<Granularity, number> = { raw: 1, "15min": 1, hour: 7, day: 30, month: 365 };

/**
 * `from` when only `to` (or nothing) is given: the last day for raw and 15-minute points, a
 * week of hours, 30 days, 12 months. A date `to` is inclusive, so a date `from` counts back
 * from the day after it.
 */
export function defaultFrom(to: Date | string, g: Granularity): Date | string {
  const days = defaultDays[g];
  if (typeof to !== "string") return new Date(to.getTime() - days * 86_400_000);
  const d = new Date(`${to}T00:00:00Z`);
  if (g === "month") return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 11, 1)).toISOString().slice(0, 10);
  return new Date(d.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
}

export function toSeriesQuery(q: ReadingsSeriesQuery, now = new Date()): SeriesQuery {
  const to = q.to ?? now;
  return {
    siteId: q.site,
    meterId: q.meter,
    kind: q.kind,
    unit: q.unit,
    from: q.from ?? defaultFrom(to, q.granularity),
    to,
    granularity: q.granularity,
  };
}

/**
 * GET /api/consommation: the time series of a site or a meter (`measurements.read`: admins,
 * users, partner keys with measurements:read). Mounted by app/api/consommation/route.ts.
 */
export const GET = defineRoute(readingsSeriesOp, async ({ actor, query, tx }) => {
  try {
    return await querySeries(tx, actor, toSeriesQuery(query));
  } catch (error) {
    if (!(error instanceof SeriesTooLargeError)) throw error;
    const detail =
      `The answer would hold more than ${maxSeriesPoints.toLocaleString("en")} points at granularity ${error.granularity}: ` +
      "narrow from/to or choose a coarser granularity (hour, day, month).";
    return problem(422, "too_many_points", titles[422]!, detail, [{ path: "granularity", message: "seriesTooManyPoints" }]);
  }
});
