/**
 * Makes a regular series out of slots that may be missing (null), oldest first.
 * - Gaps of at most `maxFillSlots` are filled with the seasonal-naive value (same slot a
 *   week earlier, else a day earlier, else the previous value) and marked unscored: they
 *   feed the models but never count in the accuracy figures.
 * - A longer gap cuts the history: only what follows the last long gap is kept (`start`).
 * - Leading missing slots are dropped.
 */
export type FilledSeries = { values: number[]; scored: boolean[]; filled: number; start: number };

export function fillGaps(raw: ReadonlyArray<number | null>, m1: number, maxFillSlots: number): FilledSeries {
  const m2 = 7 * m1;
  let start = raw.length;
  let run = 0;
  for (let t = raw.length - 1; t >= 0; t--) {
    if (raw[t] === null) {
      run++;
      if (run > maxFillSlots) break;
    } else {
      run = 0;
      start = t;
    }
  }
  const values: number[] = [];
  const scored: boolean[] = [];
  let filled = 0;
  for (let t = start; t < raw.length; t++) {
    const v = raw[t];
    const i = t - start;
    if (v !== null && v !== undefined) {
      values.push(v);
      scored.push(true);
      continue;
    }
    values.push(i >= m2 ? values[i - m2]! : i >= m1 ? values[i - m1]! : values[i - 1]!);
    scored.push(false);
    filled++;
  }
  return { values, scored, filled, start };
}
