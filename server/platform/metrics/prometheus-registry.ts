import "server-only";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * Dihya's own Prometheus metrics, served at /api/metrics. A dedicated registry (not
 * prom-client's global one) kept on globalThis: every module copy (route bundles, hot
 * reloads) shares the same counters instead of registering the names twice.
 */
function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "dihya_" });
  const labels = ["method", "route", "status"] as const;
  return {
    registry,
    points: new Counter({
      name: "dihya_metric_points_ingested_total",
      help: "Metric points pushed by server agents, by outcome (accepted, duplicate, corrected, rejected).",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
    readings: new Counter({
      name: "dihya_readings_ingested_total",
      help: "Meter readings accepted by the readings ingest (API, MQTT, CSV).",
      registers: [registry],
    }),
    requests: new Counter({
      name: "dihya_http_requests_total",
      help: "API requests served, by method, route template and status.",
      labelNames: labels,
      registers: [registry],
    }),
    duration: new Histogram({
      name: "dihya_http_request_duration_seconds",
      help: "API request duration in seconds, by method, route template and status.",
      labelNames: labels,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    jobs: new Counter({
      name: "dihya_jobs_completed_total",
      help: "Background jobs run by this process, by kind and outcome (succeeded, retrying, failed, lost).",
      labelNames: ["kind", "result"] as const,
      registers: [registry],
    }),
    servers: new Gauge({
      name: "dihya_servers",
      help: "Servers in the inventory (not decommissioned), by monitoring state.",
      labelNames: ["monitor_state"] as const,
      registers: [registry],
    }),
    alertsFiring: new Gauge({ name: "dihya_alerts_firing", help: "Alert instances firing now.", registers: [registry] }),
    incidentsOpen: new Gauge({
      name: "dihya_incidents_open",
      help: "Incidents not resolved, closed or cancelled, by severity.",
      labelNames: ["severity"] as const,
      registers: [registry],
    }),
  };
}

type Metrics = ReturnType<typeof create>;
const g = globalThis as unknown as { __dihyaPromMetrics?: Metrics };

export function promMetrics(): Metrics {
  return (g.__dihyaPromMetrics ??= create());
}

/** Counts a push's points by outcome. */
export function countMetricPoints(result: { accepted: number; duplicates: number; corrected: number; rejected: number }): void {
  const { points } = promMetrics();
  if (result.accepted) points.inc({ result: "accepted" }, result.accepted);
  if (result.duplicates) points.inc({ result: "duplicate" }, result.duplicates);
  if (result.corrected) points.inc({ result: "corrected" }, result.corrected);
  if (result.rejected) points.inc({ result: "rejected" }, result.rejected);
}

/** For the readings ingest: `n` readings accepted. */
export function countReadingsIngested(n: number): void {
  if (n > 0) promMetrics().readings.inc(n);
}

/** For defineRoute: one API request served. `route` is the endpoint's path template (bounded cardinality). */
export function observeHttp(method: string, route: string, status: number, seconds: number): void {
  const { requests, duration } = promMetrics();
  const labels = { method, route, status: String(status) };
  requests.inc(labels);
  duration.observe(labels, seconds);
}

/** For the job runner: one job run ended with `result` (a JobOutcome). */
export function countJob(kind: string, result: string): void {
  promMetrics().jobs.inc({ kind, result });
}
