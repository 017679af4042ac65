/** Linear-interpolated quantile of sorted values (q in [0, 1]). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export type Band = { lower: number; upper: number };

/**
 * Prediction-interval offsets per slot of the day, from out-of-sample residuals (actual −
 * forecast, e.g. those of the backtest week). Errors depend on the time of day (a solar
 * meter is exact at night), so each slot takes the `coverage` central quantiles of the
 * residuals whose slot of the day lies within ± `windowSlots` of it (circularly). Returns
 * `m1` offsets to add to the point forecast.
 */
export function residualBands(
  residuals: ArrayLike<number>,
  phases: ArrayLike<number>,
  m1: number,
  options: { coverage?: number; windowSlots?: number } = {},
): Band[] | null {
  if (residuals.length === 0) return null;
  const coverage = options.coverage ?? 0.8;
  const window = Math.min(Math.floor(m1 / 2), options.windowSlots ?? Math.max(1, Math.round(m1 / 24)));
  const byPhase: number[][] = Array.from({ length: m1 }, () => []);
  for (let i = 0; i < residuals.length; i++) byPhase[((phases[i]! % m1) + m1) % m1]!.push(residuals[i]!);
  const out: Band[] = [];
  for (let p = 0; p < m1; p++) {
    const near = new Set<number>();
    for (let k = -window; k <= window; k++) near.add((((p + k) % m1) + m1) % m1);
    const pool = [...near].flatMap((q) => byPhase[q]!);
    pool.sort((a, b) => a - b);
    const tail = (1 - coverage) / 2;
    out.push(pool.length > 0 ? { lower: quantile(pool, tail), upper: quantile(pool, 1 - tail) } : { lower: 0, upper: 0 });
  }
  return out;
}
