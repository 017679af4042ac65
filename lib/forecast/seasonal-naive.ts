/**
 * Seasonal-naive baseline: each future slot repeats the same slot one season earlier (for a
 * weekly season, the same slot last week). Needs at least one full season of history.
 */
export function seasonalNaive(history: ArrayLike<number>, season: number, horizon: number): number[] {
  const n = history.length;
  if (n < season) throw new RangeError(`seasonal naive needs ${season} points, got ${n}`);
  const out = new Array<number>(horizon);
  for (let k = 0; k < horizon; k++) {
    // Beyond one season the forecast keeps repeating the last observed season.
    out[k] = history[n - season + (k % season)]!;
  }
  return out;
}
