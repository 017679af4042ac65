import type { AlertComparator } from "@/lib/validation/alert-rules";

/** One value of a rule's series, in the rule's unit (kW, or the meter's canonical unit). */
export type Point = { ts: Date; value: number };

export type Verdict = {
  /** The newest value, or null when the series is empty. */
  latest: Point | null;
  /** Whether the newest value is beyond the threshold. */
  latestBeyond: boolean;
  /** The extreme (max for `above`, min for `below`) of the run of consecutive values beyond the threshold ending at the newest. */
  runPeak: number | null;
  /** Set when that run is long enough: every interval of the last `duration` is present and beyond. */
  breach: { startedAt: Date; peak: number } | null;
};

export type RuleThreshold = { comparator: AlertComparator; threshold: number; durationMinutes: number };

export const isBeyond = (rule: Pick<RuleThreshold, "comparator" | "threshold">, value: number) =>
  rule.comparator === "above" ? value > rule.threshold : value < rule.threshold;

export const extreme = (comparator: AlertComparator, a: number, b: number) => (comparator === "above" ? Math.max(a, b) : Math.min(a, b));

/** Intervals a breach must cover: the duration rounded up to whole intervals, at least one. */
export const intervalsNeeded = (durationMinutes: number, stepMinutes: number) => Math.max(1, Math.ceil(durationMinutes / stepMinutes));

/**
 * Judges a series (newest first, one value per `stepMinutes` interval, timestamps at the start
 * of the interval). The breach holds when the last `ceil(duration / step)` intervals are all
 * present (no gap between consecutive timestamps) and all beyond the threshold; a missing
 * interval breaks the run, so a window with gaps never counts as a breach.
 */
export function judge(points: readonly Point[], rule: RuleThreshold, stepMinutes: number): Verdict {
  const latest = points[0] ?? null;
  if (!latest) return { latest: null, latestBeyond: false, runPeak: null, breach: null };
  const stepMs = stepMinutes * 60_000;
  let run = 0;
  let peak = latest.value;
  for (let i = 0; i < points.length; i++) {
    const point = points[i]!;
    if (!isBeyond(rule, point.value)) break;
    if (i > 0 && points[i - 1]!.ts.getTime() - point.ts.getTime() !== stepMs) break;
    peak = extreme(rule.comparator, peak, point.value);
    run++;
  }
  if (run === 0) return { latest, latestBeyond: false, runPeak: null, breach: null };
  const breach = run >= intervalsNeeded(rule.durationMinutes, stepMinutes) ? { startedAt: points[run - 1]!.ts, peak } : null;
  return { latest, latestBeyond: true, runPeak: peak, breach };
}
