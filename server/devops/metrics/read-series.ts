import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { assertCan, type Actor } from "@/server/auth/actor";
import { DomainError, notFound } from "@/server/platform/errors";
import { unitOf } from "./metric-kinds";
import { queryRange } from "./prometheus-client";
import { promqlFor } from "./promql";
import { localSeries, type SeriesPoint } from "./series-query";
import { stepFor } from "./series-step";

export type SeriesSource = "local" | "prometheus";
export type SeriesAnswer = {
  metric: string;
  unit: string;
  /** Seconds per point. */
  step: number;
  from: string;
  to: string;
  source: SeriesSource;
  points: SeriesPoint[];
};
export type SeriesRequest = { serverId: string; metric: string; from?: Date; to?: Date; source?: SeriesSource };

/** Longest range one request may ask for. */
export const maxRangeDays = 400;

/**
 * One metric of one server over [from, to) (default: the last 24 hours), at most ~1,000
 * points at a nice step (`monitoring.read`). Read from the pushed points, or from
 * Prometheus (`PROMETHEUS_URL`) when `source=prometheus` or when the server has no local
 * point in the range; a Prometheus failure throws PrometheusError (the API answers 502).
 */
export async function readServerSeries(tx: Executor, actor: Actor, request: SeriesRequest, now = new Date()): Promise<SeriesAnswer> {
  assertCan(actor, "monitoring.read");
  const [server] = rowsOf<{ hostname: string }>(await tx.execute(sql`select hostname from servers where id = ${request.serverId}`));
  if (!server) throw notFound();
  const to = request.to ?? now;
  const from = request.from ?? new Date(to.getTime() - 86_400_000);
  if (from >= to) throw new DomainError("validation_failed", "metricsRangeInverted", "from");
  if (to.getTime() - from.getTime() > maxRangeDays * 86_400_000) throw new DomainError("validation_failed", "metricsRangeTooLong", "from");
  const step = stepFor((to.getTime() - from.getTime()) / 1000);
  const base = { metric: request.metric, step, from: from.toISOString(), to: to.toISOString() };
  const prometheus = process.env.PROMETHEUS_URL;
  if (request.source === "prometheus" && !prometheus) throw new DomainError("validation_failed", "prometheusUnset", "source");
  if (request.source !== "prometheus") {
    const local = await localSeries(tx, request.serverId, request.metric, from, to, step);
    if (request.source === "local" || !prometheus || (local && local.points.length > 0)) {
      return { ...base, unit: local?.unit ?? unitOf(request.metric), source: "local", points: local?.points ?? [] };
    }
  }
  const points = await queryRange(prometheus!, promqlFor(request.metric, server.hostname), from, to, step);
  return { ...base, unit: unitOf(request.metric), source: "prometheus", points };
}
