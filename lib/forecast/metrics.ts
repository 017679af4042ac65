/**
 * Forecast accuracy on the points that were actually measured (`scored[i]`; filled gaps are
 * never scored). Percentages are returned as percent (12.5 means 12.5 %).
 *
 * - MAPE = 100/n′ · Σ |y − ŷ| / |y| over the points whose actual is not zero: a zero actual
 *   (night on a solar meter, a closed building) would divide by zero, so it is skipped and
 *   counted in `mapeSkipped`. MAPE over-weights low values; read it with CV(RMSE) and NMBE.
 * - CV(RMSE) = 100 · √(Σ (y − ŷ)² / n) / ȳ (ASHRAE Guideline 14 with p = 0: a forecast
 *   estimates no parameter from the scored data).
 * - NMBE = 100 · Σ (y − ŷ) / (n · ȳ): positive when the forecast is below the actuals.
 * CV(RMSE), NMBE and MAPE are null when they cannot be computed (no point, ȳ = 0).
 */
export type Metrics = {
  n: number;
  rmse: number | null;
  mape: number | null;
  mapeSkipped: number;
  cvRmse: number | null;
  nmbe: number | null;
};

export function evaluate(actual: ArrayLike<number>, forecast: ArrayLike<number>, scored?: ArrayLike<boolean>): Metrics {
  let n = 0;
  let sum = 0;
  let sq = 0;
  let bias = 0;
  let ape = 0;
  let apeN = 0;
  let skipped = 0;
  for (let i = 0; i < actual.length; i++) {
    if (scored && !scored[i]) continue;
    const y = actual[i]!;
    const e = y - forecast[i]!;
    n++;
    sum += y;
    sq += e * e;
    bias += e;
    if (y === 0) skipped++;
    else {
      ape += Math.abs(e / y);
      apeN++;
    }
  }
  if (n === 0) return { n, rmse: null, mape: null, mapeSkipped: skipped, cvRmse: null, nmbe: null };
  const mean = sum / n;
  const rmse = Math.sqrt(sq / n);
  return {
    n,
    rmse,
    mape: apeN > 0 ? (100 * ape) / apeN : null,
    mapeSkipped: skipped,
    cvRmse: mean !== 0 ? (100 * rmse) / mean : null,
    nmbe: mean !== 0 ? (100 * bias) / (n * mean) : null,
  };
}

/** Skill against the naive baseline: 1 − RMSE(model)/RMSE(naive). > 0: the model wins; ≤ 0: it does not. */
export function skill(rmseModel: number | null, rmseNaive: number | null): number | null {
  if (rmseModel === null || rmseNaive === null || rmseNaive === 0) return null;
  return 1 - rmseModel / rmseNaive;
}

/**
 * The same series averaged per clock hour, keeping only the hours whose every slot was
 * scored: ASHRAE G14's thresholds are hourly. `firstSlotInHour` is the position of point 0
 * within its hour (0 when the series starts on the hour). Null when `slotsPerHour` is not an
 * integer ≥ 1 (an interval that does not divide the hour).
 */
export function hourly(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
  scored: ArrayLike<boolean>,
  slotsPerHour: number,
  firstSlotInHour = 0,
): { actual: number[]; forecast: number[] } | null {
  if (!Number.isInteger(slotsPerHour) || slotsPerHour < 1) return null;
  const out = { actual: [] as number[], forecast: [] as number[] };
  const start = firstSlotInHour === 0 ? 0 : slotsPerHour - firstSlotInHour;
  for (let h = start; h + slotsPerHour <= actual.length; h += slotsPerHour) {
    let a = 0;
    let f = 0;
    let complete = true;
    for (let i = h; i < h + slotsPerHour; i++) {
      if (!scored[i]) complete = false;
      a += actual[i]!;
      f += forecast[i]!;
    }
    if (!complete) continue;
    out.actual.push(a / slotsPerHour);
    out.forecast.push(f / slotsPerHour);
  }
  return out;
}

/** The ASHRAE Guideline 14 calibration criteria for hourly data (CV(RMSE) ≤ 30 %, |NMBE| ≤ 10 %). */
export const ashraeHourly = { cvRmse: 30, nmbe: 10 } as const;

export function passesAshrae(cvRmse: number | null, nmbe: number | null): { cvRmse: boolean | null; nmbe: boolean | null } {
  return {
    cvRmse: cvRmse === null ? null : cvRmse <= ashraeHourly.cvRmse,
    nmbe: nmbe === null ? null : Math.abs(nmbe) <= ashraeHourly.nmbe,
  };
}
