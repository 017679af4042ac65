import "server-only";

/** The metrics the agent sends, with their canonical unit and the values they may take. */
export const builtinMetrics = ["cpu", "memory", "disk", "load", "net_rx", "net_tx"] as const;
export type BuiltinMetric = (typeof builtinMetrics)[number];

/** Custom metric names: lower case, digits, `_` and `.`, up to 63 characters. */
export const metricNamePattern = /^[a-z][a-z0-9_.]{0,62}$/;

export type MetricUnit = "percent" | "load" | "bytes_per_second" | "";

export const metricUnits: Record<BuiltinMetric, MetricUnit> = {
  cpu: "percent",
  memory: "percent",
  disk: "percent",
  load: "load",
  net_rx: "bytes_per_second",
  net_tx: "bytes_per_second",
};

export function isBuiltinMetric(name: string): name is BuiltinMetric {
  return (builtinMetrics as readonly string[]).includes(name);
}

export function unitOf(name: string): MetricUnit {
  return isBuiltinMetric(name) ? metricUnits[name] : "";
}

/** Most points one push may carry; more → 413. */
export const maxPointsPerPush = 5_000;
/** Distinct series a server may hold (built-in + custom): a guard against runaway label cardinality. */
export const maxSeriesPerServer = 100;
/** Points dated further ahead than this are refused (agent clock drift tolerated up to it). */
export const futureToleranceMs = 5 * 60_000;
/** Points older than this are refused: late backfills beyond a spool of a few days are noise. */
export const maxAgeMs = 8 * 86_400_000;
