import { describe, expect, it } from "vitest";
import { forecastSeries, type SeriesInput } from "@/lib/forecast/backtest";
import { fitHoltWinters, forecastHoltWinters } from "@/lib/forecast/holt-winters";
import { fillGaps } from "@/lib/forecast/gaps";
import { residualBands } from "@/lib/forecast/interval";
import { evaluate, hourly, passesAshrae, skill } from "@/lib/forecast/metrics";
import { seasonalNaive } from "@/lib/forecast/seasonal-naive";
import { runMetrics, skillVerdict } from "@/lib/forecast/view";

const m1 = 96; // 15-minute slots per day
const m2 = 7 * m1;

/** Deterministic Gaussian noise (mulberry32 + Box–Muller). */
function noise(seed: number) {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** An office building: night base, a working-day bump, quieter weekends, Gaussian noise. */
function office(weeks: number, sigma: number, seed = 7): number[] {
  const gauss = noise(seed);
  return Array.from({ length: weeks * m2 }, (_, t) => {
    const hour = (t % m1) / 4;
    const day = Math.floor(t / m1) % 7;
    const weekend = day >= 5;
    const working = Math.max(0, Math.sin(((hour - 6) / 14) * Math.PI));
    return 20 + (weekend ? 8 : 40) * working + 5 * Math.cos((hour / 24) * 2 * Math.PI) + sigma * gauss();
  });
}

const series = (values: number[], scored?: boolean[]): SeriesInput => ({
  values,
  scored: scored ?? values.map(() => true),
  slotsPerDay: m1,
  firstPhase: 0,
  slotsPerHour: 4,
  firstSlotInHour: 0,
  nonNegative: true,
});

describe("seasonal naive", () => {
  it("repeats the same slot last week", () => {
    const history = office(2, 3);
    const forecast = seasonalNaive(history, m2, m2);
    expect(forecast).toHaveLength(m2);
    expect(forecast).toEqual(history.slice(m2));
    expect(seasonalNaive([1, 2, 3, 4, 5, 6, 7], 7, 3)).toEqual([1, 2, 3]);
  });
});

describe("metrics", () => {
  it("computes MAPE, CV(RMSE) and NMBE by hand, skipping a zero actual in MAPE only", () => {
    // errors y − ŷ: −2, 2, −1, 3; ȳ = 15; RMSE = √(18/4)
    const m = evaluate([10, 20, 0, 30], [12, 18, 1, 27]);
    expect(m.n).toBe(4);
    expect(m.rmse).toBeCloseTo(Math.sqrt(4.5), 10);
    expect(m.cvRmse).toBeCloseTo((100 * Math.sqrt(4.5)) / 15, 10); // 14.142 %
    expect(m.nmbe).toBeCloseTo((100 * 2) / (4 * 15), 10); // 3.333 %: forecast below actuals
    expect(m.mape).toBeCloseTo((100 * (2 / 10 + 2 / 20 + 3 / 30)) / 3, 10); // 13.333 %
    expect(m.mapeSkipped).toBe(1);
    expect(passesAshrae(m.cvRmse, m.nmbe)).toEqual({ cvRmse: true, nmbe: true });
    expect(passesAshrae(31, -10.5)).toEqual({ cvRmse: false, nmbe: false });
  });

  it("has no MAPE, CV(RMSE) or NMBE when every actual is zero, and ignores unscored (filled) points", () => {
    const zeros = evaluate([0, 0, 0], [1, 0, 2]);
    expect(zeros).toMatchObject({ n: 3, mape: null, mapeSkipped: 3, cvRmse: null, nmbe: null });
    expect(zeros.rmse).toBeCloseTo(Math.sqrt(5 / 3), 10);
    const masked = evaluate([10, 999, 30], [12, 0, 27], [true, false, true]);
    expect(masked.n).toBe(2);
    expect(masked.nmbe).toBeCloseTo((100 * 1) / (2 * 20), 10);
    expect(evaluate([], [])).toMatchObject({ n: 0, rmse: null, mape: null });
  });

  it("states skill against the naive baseline, negative when the model loses", () => {
    expect(skill(1, 2)).toBe(0.5);
    expect(skill(3, 2)).toBe(-0.5);
    expect(skill(1, 0)).toBeNull();
    expect(skill(null, 2)).toBeNull();
  });

  it("averages complete clock hours only for the hourly (G14) figures", () => {
    const actual = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const forecast = actual.map((v) => v + 1);
    const scored = actual.map((_, i) => i !== 8);
    // Point 0 is the second slot of its hour: hours start at index 3 (complete), 7 (index 8
    // was filled: dropped) and 11 (cut short: dropped).
    expect(hourly(actual, forecast, scored, 4, 1)).toEqual({ actual: [5.5], forecast: [6.5] });
    expect(hourly(actual, forecast, scored, 1.5)).toBeNull();
  });
});

describe("Holt-Winters (double seasonal)", () => {
  it("beats the seasonal-naive baseline on a backtest of a daily + weekly pattern with noise", () => {
    const values = office(5, 4);
    const started = performance.now();
    const outcome = forecastSeries(series(values));
    const elapsed = performance.now() - started;
    const [naive, hw] = outcome.runs;
    expect(naive?.model).toBe("seasonal_naive");
    expect(hw?.model).toBe("holt_winters");
    expect(naive!.points).toHaveLength(m2);
    expect(hw!.points).toHaveLength(m2);
    expect(naive!.backtest!.metrics.n).toBe(m2);
    expect(hw!.backtest!.skill).toBeGreaterThan(0.1); // ≈ 0.18 here; ≈ 0.21 at best with 4 weeks of training
    expect(hw!.backtest!.metrics.rmse!).toBeLessThan(naive!.backtest!.metrics.rmse!);
    expect(hw!.backtest!.hourly!.cvRmse!).toBeLessThan(30);
    expect(Math.abs(hw!.backtest!.metrics.nmbe!)).toBeLessThan(10);
    // Naive forecast = last week; bands surround the points and stay ≥ 0.
    expect(naive!.points.map((p) => p.value)).toEqual(values.slice(-m2));
    for (const p of hw!.points) {
      expect(p.lower!).toBeLessThanOrEqual(p.upper!);
      expect(p.lower!).toBeGreaterThanOrEqual(0);
    }
    expect(elapsed).toBeLessThan(2_000);
  });

  it("forecasts a noiseless pattern almost exactly", () => {
    const values = office(3, 0);
    const fit = fitHoltWinters(values, m1, m2);
    const next = forecastHoltWinters(fit.state, fit.params.phi, m1);
    next.forEach((v, k) => expect(v).toBeCloseTo(values[2 * m2 + k]!, 3));
  });

  it("reports the naive skill honestly when the model does not win: pure repetition of last week", () => {
    // Every week identical but unlike a daily pattern: naive is exact, so HW cannot beat it.
    const gauss = noise(3);
    const week = Array.from({ length: m2 }, () => 50 + 20 * gauss());
    const outcome = forecastSeries({ ...series([...week, ...week, ...week, ...week]), nonNegative: false });
    const hw = outcome.runs.find((r) => r.model === "holt_winters")!;
    expect(outcome.runs[0]!.backtest!.metrics.rmse).toBe(0);
    expect(hw.backtest!.skill).toBeNull(); // RMSE(naive) = 0: no ratio to state
    expect(hw.backtest!.metrics.rmse!).toBeGreaterThanOrEqual(0);
  });

  it("skips models without enough history and does not score filled points", () => {
    const short = forecastSeries(series(office(1, 1).slice(0, m2 - 1)));
    expect(short.runs).toEqual([]);
    const twoWeeks = forecastSeries(series(office(2, 1)));
    // Two weeks: both forecast, but Holt-Winters has no backtest (it needs three weeks).
    expect(twoWeeks.runs.map((r) => r.model)).toEqual(["seasonal_naive", "holt_winters"]);
    expect(twoWeeks.runs[0]!.backtest!.metrics.n).toBe(m2);
    expect(twoWeeks.runs[1]!.backtest).toBeNull();
    expect(twoWeeks.runs[1]!.points[0]!.lower).toBeNull(); // no backtest, no interval
    const tenDays = forecastSeries(series(office(2, 1).slice(0, 10 * m1)));
    expect(tenDays.runs.map((r) => r.model)).toEqual(["seasonal_naive"]);
    expect(tenDays.runs[0]!.backtest).toBeNull();
    expect(tenDays.skipped).toEqual([{ model: "holt_winters", reason: "history_too_short" }]);
    const values = office(3, 1);
    const scored = values.map((_, i) => i < 2 * m2 + 10);
    const filled = forecastSeries(series(values, scored));
    expect(filled.runs[0]!.backtest!.metrics.n).toBe(10);
  });
});

describe("prediction interval", () => {
  it("takes the central 80 % of nearby residuals per slot of the day", () => {
    const residuals = Array.from({ length: 110 }, (_, i) => (i % 11) - 5); // −5..5 per phase
    const phases = residuals.map((_, i) => Math.floor(i / 11));
    const bands = residualBands(residuals, phases, 10, { windowSlots: 0 })!;
    expect(bands).toHaveLength(10);
    expect(bands[0]!.lower).toBeCloseTo(-4, 10);
    expect(bands[0]!.upper).toBeCloseTo(4, 10);
    expect(residualBands([], [], 10)).toBeNull();
  });
});

describe("gaps", () => {
  it("fills short gaps with last week's value (unscored) and cuts the history at a long gap", () => {
    const day = 4; // a toy "day" of 4 slots, a week of 28
    const raw: (number | null)[] = Array.from({ length: 70 }, (_, t) => 100 + t);
    raw[3] = null; // within the first long gap: dropped with it
    for (let t = 5; t < 14; t++) raw[t] = null; // 9 slots > 8: a long gap
    raw[50] = null; // short: filled from slot 50 − 28
    raw[51] = null;
    const out = fillGaps(raw, day, 8);
    expect(out.start).toBe(14);
    expect(out.values).toHaveLength(56);
    expect(out.filled).toBe(2);
    expect(out.values[50 - 14]).toBe(122);
    expect(out.values[51 - 14]).toBe(123);
    expect(out.scored[50 - 14]).toBe(false);
    expect(out.scored.filter((s) => !s)).toHaveLength(2);
    // Without a week before, a day before; without a day before, the previous value.
    expect(fillGaps([null, 1, 2, 3, 4, 5, null, 7], day, 8).values).toEqual([1, 2, 3, 4, 5, 2, 7]);
    expect(fillGaps([1, null, 3], day, 8).values).toEqual([1, 1, 3]);
  });
});

describe("page verdicts", () => {
  it("states a loss as a loss: skill ≤ 0 never reads as a win", () => {
    expect(skillVerdict(0.12)).toBe("wins");
    expect(skillVerdict(0)).toBe("loses");
    expect(skillVerdict(-0.3)).toBe("loses");
    expect(skillVerdict(null)).toBe("unknown");
  });

  it("checks ASHRAE G14 on the hourly figures when the interval is shorter than an hour", () => {
    const m = runMetrics({
      mape: 12,
      cvRmse: 34,
      nmbe: 2,
      skill: 0.1,
      params: { hourly: { cvRmse: 25, nmbe: 2, n: 168 }, scored: 672, mapeSkipped: 3 },
    });
    expect(m).toMatchObject({ cvRmse: 34, cvRmseG14: 25, hourly: true, mapeSkipped: 3, scored: 672, passes: { cvRmse: true, nmbe: true } });
    const hourlyMeter = runMetrics({ mape: 12, cvRmse: 34, nmbe: -11, skill: -0.1, params: { hourly: null } });
    expect(hourlyMeter).toMatchObject({ cvRmseG14: 34, hourly: false, passes: { cvRmse: false, nmbe: false } });
  });
});
