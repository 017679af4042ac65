import "server-only";
import { parseOffsetTimestamp } from "@/server/energy/readings/timestamps";
import { futureToleranceMs, isBuiltinMetric, maxAgeMs, metricNamePattern, metricUnits } from "./metric-kinds";

export type PointRejection = { index: number; code: string; detail: string };
/** One valid point: `ts` in epoch milliseconds. */
export type PointCandidate = { index: number; metric: string; ts: number; value: number };
export type PointOutcome = { ok: true; point: PointCandidate } | { ok: false; rejection: PointRejection };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Range rules of the built-in metrics: percentages within 0..100, load and bytes/s never negative. */
function rangeError(metric: string, value: number): PointRejection["code"] | null {
  if (!isBuiltinMetric(metric)) return null;
  if (metricUnits[metric] === "percent") return value < 0 || value > 100 ? "out_of_range" : null;
  return value < 0 ? "negative_value" : null;
}

/**
 * Checks one point on its own: `{ metric, ts, value }` (extra fields ignored). `now` in
 * epoch ms: more than 5 minutes ahead → future_timestamp, more than 8 days old → too_old.
 */
export function validatePoint(raw: unknown, index: number, now: number): PointOutcome {
  const reject = (code: string, detail: string): PointOutcome => ({ ok: false, rejection: { index, code, detail } });
  if (!isRecord(raw)) return reject("invalid_item", "Each point is a JSON object { metric, ts, value }.");
  const metric = raw.metric;
  if (typeof metric !== "string" || !metricNamePattern.test(metric)) {
    return reject("invalid_metric", "`metric` is cpu, memory, disk, load, net_rx, net_tx or a name matching [a-z][a-z0-9_.]{0,62}.");
  }
  const ts = parseOffsetTimestamp(raw.ts);
  if (!ts.ok) return reject("invalid_timestamp", ts.detail);
  const ms = ts.date.getTime();
  if (ms > now + futureToleranceMs) return reject("future_timestamp", `${ts.date.toISOString()} is more than 5 minutes in the future.`);
  if (ms < now - maxAgeMs) return reject("too_old", `${ts.date.toISOString()} is more than 8 days old.`);
  const value = raw.value;
  if (typeof value !== "number" || !Number.isFinite(value)) return reject("invalid_value", "`value` must be a finite JSON number.");
  const range = rangeError(metric, value);
  if (range === "out_of_range") return reject(range, `${metric} is a percentage: 0 to 100 (got ${value}).`);
  if (range === "negative_value") return reject(range, `${metric} cannot be negative (got ${value}).`);
  return { ok: true, point: { index, metric, ts: ms, value } };
}

/**
 * Keeps the first point of each (metric, ts) of a batch: a repeat with the same value is a
 * duplicate, with another value it is refused (`conflicting_duplicate`).
 */
export function firstOfEach(points: PointCandidate[]): { unique: PointCandidate[]; duplicates: number; rejections: PointRejection[] } {
  const seen = new Map<string, PointCandidate>();
  const rejections: PointRejection[] = [];
  let duplicates = 0;
  for (const p of points) {
    const key = `${p.metric}|${p.ts}`;
    const first = seen.get(key);
    if (!first) seen.set(key, p);
    else if (first.value === p.value) duplicates++;
    else {
      rejections.push({
        index: p.index,
        code: "conflicting_duplicate",
        detail: `Point ${first.index} of this batch has the same metric and time with another value.`,
      });
    }
  }
  return { unique: [...seen.values()], duplicates, rejections };
}
