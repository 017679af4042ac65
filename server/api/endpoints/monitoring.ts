import "server-only";
import { z } from "zod";
import { maxPointsPerPush, metricNamePattern } from "@/server/devops/metrics/metric-kinds";
import { endpoint } from "../endpoint";

const field = (meta: Record<string, unknown>) => z.unknown().meta(meta).optional();
/** What one point looks like: documented here, checked one by one by the ingest (a bad point is answered by index). */
export const metricPointDoc = z
  .looseObject({
    metric: field({
      type: "string",
      description:
        "cpu, memory, disk (percent 0..100), load (load average, ≥ 0), net_rx, net_tx (bytes/s, ≥ 0), or a custom name [a-z][a-z0-9_.]{0,62}.",
    }),
    ts: field({
      type: "string",
      description: "ISO 8601 with an offset, e.g. 2026-11-21T10:00:00Z; at most 5 minutes ahead, at most 8 days old.",
    }),
    value: field({ type: "number", description: "A finite number in the metric's unit." }),
  })
  .meta({ required: ["metric", "ts", "value"] });

const pushBody = z.object({
  heartbeat: z
    .object({
      agentVersion: z.string().trim().min(1).max(64).optional().describe("The agent's version, shown on the server."),
      uptimeSeconds: z.number().nonnegative().optional().describe("The host's uptime (informative)."),
    })
    .optional()
    .describe("Every push is a heartbeat, with or without this object or points."),
  points: z
    .array(z.unknown().describe("A point { metric, ts, value }."))
    .optional()
    .describe(`Up to ${maxPointsPerPush.toLocaleString("en")} points; more → 413. Each is validated on its own.`),
});

const pushAnswer = z.object({
  accepted: z.number().int().describe("New points stored."),
  duplicates: z.number().int().describe("Same metric, time and value as a stored point (or earlier in the batch): nothing written."),
  corrected: z.number().int().describe("Same metric and time, another value: the new value replaces the stored one."),
  rejected: z
    .array(z.object({ index: z.number().int(), code: z.string(), detail: z.string() }))
    .describe(
      "Refused points by index: invalid_item, invalid_metric, invalid_timestamp, future_timestamp (over 5 minutes ahead), " +
        "too_old (over 8 days), invalid_value, out_of_range (percent outside 0..100), negative_value, conflicting_duplicate, too_many_series.",
    ),
});

/** 5,000 points of ~70 bytes, with room for pretty-printed JSON. */
export const pushMaxBytes = 2 * 1024 * 1024;

export const pushMetricsOp = endpoint({
  id: "pushMetrics",
  method: "POST",
  path: "/api/monitoring/metrics",
  tag: "monitoring",
  permission: "monitoring.push",
  template: "devops",
  body: pushBody,
  response: pushAnswer,
  maxBytes: pushMaxBytes,
});

const when = z.iso.datetime({ offset: true });
export const monitoringQuery = z
  .object({
    server: z.uuid().optional().describe("A server id: answer its `metric` series instead of the fleet summary."),
    metric: z
      .string()
      .regex(metricNamePattern)
      .optional()
      .describe("With `server`: cpu, memory, disk, load, net_rx, net_tx or a custom name."),
    from: when.optional().describe("Series start, ISO 8601 with offset (default: `to` − 24 h)."),
    to: when.optional().describe("Series end, excluded (default: now)."),
    source: z
      .enum(["local", "prometheus"])
      .optional()
      .describe("Default: the pushed points, or Prometheus (PROMETHEUS_URL) when the server has none in the range."),
    environment: z.string().max(64).optional().describe("Summary: only servers of this environment."),
    location: z.string().max(120).optional().describe("Summary: only servers at this location."),
    tag: z.string().max(64).optional().describe("Summary: only servers carrying this tag."),
  })
  .refine((q) => !q.server === !q.metric, { message: "server and metric go together", path: ["metric"] });

const worstRow = z.object({ serverId: z.uuid(), hostname: z.string(), monitorState: z.string(), value: z.number(), ts: z.iso.datetime() });
const summaryAnswer = z
  .object({
    counts: z.object({ up: z.number().int(), down: z.number().int(), stale: z.number().int(), unknown: z.number().int() }),
    worst: z
      .object({ cpu: z.array(worstRow), memory: z.array(worstRow), disk: z.array(worstRow) })
      .describe("The 5 highest last values (percent) per metric."),
    recentAlerts: z
      .array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          severity: z.string(),
          state: z.enum(["firing", "resolved"]),
          serverId: z.uuid().nullable(),
          hostname: z.string().nullable(),
          activeAt: z.iso.datetime(),
          firedAt: z.iso.datetime().nullable(),
          resolvedAt: z.iso.datetime().nullable(),
        }),
      )
      .describe("The 10 latest alerts that fired or resolved."),
  })
  .describe("Without `server`: the fleet summary.");
const seriesAnswer = z
  .object({
    metric: z.string(),
    unit: z.string().describe("percent, load, bytes_per_second, or empty for a custom metric."),
    step: z
      .number()
      .int()
      .describe("Seconds per point: the smallest of 1, 2, 5, 10, 15, 30 min, 1, 2, 3, 6, 12 h, n days giving ≤ 1,000 points."),
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    source: z.enum(["local", "prometheus"]),
    points: z
      .array(z.tuple([z.iso.datetime(), z.number(), z.number(), z.number()]))
      .describe("[bucket start, avg, min, max], buckets aligned on the Unix epoch."),
  })
  .describe("With `server` and `metric`: the series.");

export const getMonitoringOp = endpoint({
  id: "getMonitoring",
  method: "GET",
  path: "/api/monitoring",
  tag: "monitoring",
  permission: "monitoring.read",
  template: "devops",
  query: monitoringQuery,
  response: z.union([summaryAnswer, seriesAnswer]),
});

export const prometheusMetricsOp = endpoint({
  id: "prometheusMetrics",
  method: "GET",
  path: "/api/metrics",
  tag: "monitoring",
  permission: null,
  produces: "text/plain; version=0.0.4",
  response: z.string().describe("Prometheus text exposition. With DIHYA_METRICS_TOKEN set: Authorization: Bearer <token>, else 401."),
});
