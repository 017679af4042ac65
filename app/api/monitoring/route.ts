import { getMonitoringOp } from "@/server/api/endpoints/monitoring";
import { defineRoute } from "@/server/auth/define-route";
import { PrometheusError } from "@/server/devops/metrics/prometheus-client";
import { readServerSeries } from "@/server/devops/metrics/read-series";
import { fleetSummary } from "@/server/devops/monitoring/fleet-summary";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";
import { problem } from "@/server/platform/problem";

/**
 * GET (`monitoring.read`): without `server`, the fleet summary (filters environment,
 * location, tag); with `server` and `metric` (and `from`, `to`, `source`), that series at
 * ≤ 1,000 points. A Prometheus failure answers 502 with Prometheus's error text.
 */
export const GET = defineRoute(getMonitoringOp, async ({ actor, query, tx }) => {
  if (!query.server || !query.metric) {
    return fleetSummary(tx, actor, { environment: query.environment, location: query.location, tag: query.tag });
  }
  try {
    return await readServerSeries(tx, actor, {
      serverId: query.server,
      metric: query.metric,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      source: query.source,
    });
  } catch (error) {
    if (error instanceof PrometheusError) return problem(502, "prometheus_failed", "Bad Gateway", error.message);
    throw error;
  }
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
