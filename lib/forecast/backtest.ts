import { fitHoltWinters, forecastHoltWinters } from "./holt-winters";
import { residualBands, type Band } from "./interval";
import { evaluate, hourly, skill, type Metrics } from "./metrics";
import { seasonalNaive } from "./seasonal-naive";

export const forecastModels = ["seasonal_naive", "holt_winters"] as const;
export type ForecastModel = (typeof forecastModels)[number];

/** A regular series at the meter's interval, oldest first, gaps already filled. */
export type SeriesInput = {
  values: ArrayLike<number>;
  /** false where the value was filled in: such points are never scored. */
  scored: ArrayLike<boolean>;
  /** Slots per day (m1); a week is 7 · m1 slots. */
  slotsPerDay: number;
  /** Slot of the day of point 0 (any fixed origin, used to group errors by time of day). */
  firstPhase: number;
  /** Slots per clock hour (null when the interval does not divide the hour) and point 0's place in its hour. */
  slotsPerHour: number | null;
  firstSlotInHour: number;
  /** Forecasts and bands are kept ≥ 0 (energy and volume meters). */
  nonNegative: boolean;
};

export type Backtest = {
  metrics: Metrics;
  /** CV(RMSE) and NMBE on hourly means (the ASHRAE G14 resolution); null above an hourly interval. */
  hourly: { cvRmse: number | null; nmbe: number | null; n: number } | null;
  skill: number | null;
};
export type ForecastPoint = { value: number; lower: number | null; upper: number | null };
export type ModelRun = {
  model: ForecastModel;
  backtest: Backtest | null;
  points: ForecastPoint[];
  params: Record<string, number | string | null>;
};
export type ForecastOutcome = { runs: ModelRun[]; skipped: { model: ForecastModel; reason: string }[]; horizon: number };

const round = (v: number, digits = 4) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * Backtest then forecast, both models. Backtest: train on all but the last `horizonDays`,
 * forecast those days, score against the measured actuals. Then each model is refitted on
 * the whole series and forecasts the next `horizonDays`, with an 80 % interval built from
 * its own backtest errors (none without a backtest). Seasonal naive needs one week of
 * history (two for a backtest); Holt-Winters two weeks (three for a backtest).
 */
export function forecastSeries(input: SeriesInput, options: { horizonDays?: number; maxSteps?: number } = {}): ForecastOutcome {
  const m1 = input.slotsPerDay;
  const m2 = 7 * m1;
  const horizon = Math.min(m2, (options.horizonDays ?? 7) * m1);
  const y = Array.from(input.values);
  const n = y.length;
  const clamp = (v: number) => (input.nonNegative && v < 0 ? 0 : v);
  const testFrom = n - horizon;
  const actual = y.slice(testFrom);
  const scoredTest = Array.from({ length: horizon }, (_, i) => !!input.scored[testFrom + i]);
  const phaseOf = (t: number) => (input.firstPhase + t) % m1;
  const testSlotInHour = input.slotsPerHour ? (input.firstSlotInHour + testFrom) % input.slotsPerHour : 0;

  const score = (forecast: number[]) => {
    const metrics = evaluate(actual, forecast, scoredTest);
    const h = input.slotsPerHour ? hourly(actual, forecast, scoredTest, input.slotsPerHour, testSlotInHour) : null;
    const hm = h ? evaluate(h.actual, h.forecast) : null;
    const residuals: number[] = [];
    const phases: number[] = [];
    for (let i = 0; i < horizon; i++) {
      if (!scoredTest[i]) continue;
      residuals.push(actual[i]! - forecast[i]!);
      phases.push(phaseOf(testFrom + i));
    }
    return {
      metrics,
      hourly: hm ? { cvRmse: hm.cvRmse, nmbe: hm.nmbe, n: hm.n } : null,
      bands: residualBands(residuals, phases, m1),
    };
  };
  const withBands = (values: number[], bands: Band[] | null): ForecastPoint[] =>
    values.map((raw, k) => {
      const value = clamp(raw);
      const band = bands?.[phaseOf(n + k)];
      return band ? { value, lower: clamp(value + band.lower), upper: clamp(value + band.upper) } : { value, lower: null, upper: null };
    });

  const runs: ModelRun[] = [];
  const skipped: ForecastOutcome["skipped"] = [];
  if (n < m2) {
    skipped.push({ model: "seasonal_naive", reason: "history_too_short" }, { model: "holt_winters", reason: "history_too_short" });
    return { runs, skipped, horizon };
  }

  // Seasonal naive: same slot last week.
  const naiveScore = testFrom >= m2 && scoredTest.some(Boolean) ? score(seasonalNaive(y.slice(0, testFrom), m2, horizon).map(clamp)) : null;
  runs.push({
    model: "seasonal_naive",
    backtest: naiveScore
      ? { metrics: naiveScore.metrics, hourly: naiveScore.hourly, skill: naiveScore.metrics.rmse === null ? null : 0 }
      : null,
    points: withBands(seasonalNaive(y, m2, horizon), naiveScore?.bands ?? null),
    params: { seasonLag: m2 },
  });

  // Double-seasonal Holt-Winters.
  if (n < 2 * m2) {
    skipped.push({ model: "holt_winters", reason: "history_too_short" });
    return { runs, skipped, horizon };
  }
  let hwScore: ReturnType<typeof score> | null = null;
  let backtestParams: Record<string, number> = {};
  if (testFrom >= 2 * m2 && scoredTest.some(Boolean)) {
    const fit = fitHoltWinters(y.slice(0, testFrom), m1, m2, { scored: input.scored, maxSteps: options.maxSteps });
    hwScore = score(forecastHoltWinters(fit.state, fit.params.phi, horizon).map(clamp));
    backtestParams = Object.fromEntries(Object.entries(fit.params).map(([k, v]) => [`backtest_${k}`, round(v)]));
  }
  const fit = fitHoltWinters(y, m1, m2, { scored: input.scored, maxSteps: options.maxSteps });
  runs.push({
    model: "holt_winters",
    backtest: hwScore
      ? { metrics: hwScore.metrics, hourly: hwScore.hourly, skill: skill(hwScore.metrics.rmse, naiveScore?.metrics.rmse ?? null) }
      : null,
    points: withBands(forecastHoltWinters(fit.state, fit.params.phi, horizon), hwScore?.bands ?? null),
    params: {
      alpha: round(fit.params.alpha),
      delta: round(fit.params.delta),
      omega: round(fit.params.omega),
      phi: round(fit.params.phi),
      inSampleRmse: Number.isFinite(fit.rmse) ? fit.rmse : null,
      evaluations: fit.evaluations,
      ...backtestParams,
    },
  });
  return { runs, skipped, horizon };
}
