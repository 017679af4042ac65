/** Most points a series answer may hold (charts, the API). */
export const maxSeriesPoints = 1_000;

/** Steps a chart reads well at, in seconds: 1, 2, 5, 10, 15, 30 minutes, 1, 2, 3, 6, 12 hours, then whole days. */
const niceSteps = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400];

/**
 * The aggregation step for a range [from, to): the smallest nice step (≥ 60 s) with which
 * the range holds at most `maxSeriesPoints` buckets, counting the partial bucket at each end
 * (buckets are aligned on the Unix epoch, so a range may start and end mid-bucket).
 */
export function stepFor(rangeSeconds: number, maxPoints = maxSeriesPoints): number {
  const least = Math.ceil(Math.max(0, rangeSeconds) / (maxPoints - 1));
  const nice = niceSteps.find((s) => s >= least);
  return nice ?? Math.ceil(least / 86_400) * 86_400;
}
