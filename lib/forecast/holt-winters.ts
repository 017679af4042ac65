import { nelderMead } from "./nelder-mead";

/**
 * Taylor's double-seasonal additive Holt-Winters (Taylor 2003, J. Oper. Res. Soc. 54:799),
 * without trend (a trend extrapolated over a week of load does more harm than good; Taylor
 * 2010 drops it too) and with his AR(1) adjustment of the residual. In error-correction form,
 * with e_t = y_t − (ℓ_{t−1} + d_{t−m1} + w_{t−m2}):
 *   ℓ_t = ℓ_{t−1} + α e_t,  d_t = d_{t−m1} + δ(1−α) e_t,  w_t = w_{t−m2} + ω(1−α) e_t
 *   ŷ_{t+k|t} = ℓ_t + d_{t+k−m1} + w_{t+k−m2} + φ^k e_t      (k ≤ m2)
 * m1 = slots per day, m2 = slots per week. α, δ, ω, φ minimise the one-step in-sample squared
 * error (after a one-week burn-in) over a small grid, refined by a bounded Nelder–Mead.
 */
export type HwParams = { alpha: number; delta: number; omega: number; phi: number };
export type HwState = { level: number; daily: Float64Array; weekly: Float64Array; lastError: number; n: number; m1: number; m2: number };
export type HwFit = { params: HwParams; state: HwState; rmse: number; evaluations: number };

/** Initial level and seasonal indices from the first one or two weeks. */
function initialState(y: ArrayLike<number>, m1: number, m2: number): HwState {
  const weeks = Math.min(1, Math.floor(y.length / m2));
  let total = 0;
  for (let i = 0; i < weeks * m2; i++) total += y[i]!;
  const level = total / (weeks * m2);
  const profile = new Float64Array(m2);
  for (let i = 0; i < m2; i++) {
    let s = 0;
    for (let k = 0; k < weeks; k++) s += y[k * m2 + i]!;
    profile[i] = s / weeks - level;
  }
  const days = m2 / m1;
  const daily = new Float64Array(m1);
  for (let j = 0; j < m1; j++) {
    let s = 0;
    for (let d = 0; d < days; d++) s += profile[d * m1 + j]!;
    daily[j] = s / days;
  }
  const weekly = new Float64Array(m2);
  for (let i = 0; i < m2; i++) weekly[i] = profile[i]! - daily[i % m1]!;
  return { level, daily, weekly, lastError: 0, n: 0, m1, m2 };
}

/**
 * Runs the recursion over the whole series. Returns the final state and the sum of squared
 * one-step errors over the points after the first week whose `scored[t]` is not false.
 */
export function runHoltWinters(y: ArrayLike<number>, m1: number, m2: number, p: HwParams, scored?: ArrayLike<boolean>) {
  const state = initialState(y, m1, m2);
  const { daily, weekly } = state;
  const dGain = p.delta * (1 - p.alpha);
  const wGain = p.omega * (1 - p.alpha);
  let level = state.level;
  let previous = 0;
  let sse = 0;
  let count = 0;
  for (let t = 0, i1 = 0, i2 = 0; t < y.length; t++, i1 = i1 + 1 === m1 ? 0 : i1 + 1, i2 = i2 + 1 === m2 ? 0 : i2 + 1) {
    const base = level + daily[i1]! + weekly[i2]!;
    const e = y[t]! - base;
    const oneStep = e - p.phi * previous;
    if (t >= m2 && (!scored || scored[t])) {
      sse += oneStep * oneStep;
      count++;
    }
    level += p.alpha * e;
    daily[i1] = daily[i1]! + dGain * e;
    weekly[i2] = weekly[i2]! + wGain * e;
    previous = e;
  }
  state.level = level;
  state.lastError = previous;
  state.n = y.length;
  return { state, sse, count };
}

export function forecastHoltWinters(state: HwState, phi: number, horizon: number): number[] {
  if (horizon > state.m2) throw new RangeError("the horizon must not exceed one week");
  const out = new Array<number>(horizon);
  let ar = state.lastError;
  for (let k = 1; k <= horizon; k++) {
    const t = state.n - 1 + k;
    ar *= phi;
    out[k - 1] = state.level + state.daily[t % state.m1]! + state.weekly[t % state.m2]! + ar;
  }
  return out;
}

const grid = {
  alpha: [0.01, 0.05, 0.2],
  delta: [0, 0.1, 0.3],
  omega: [0, 0.15, 0.4],
  phi: [0, 0.6, 0.9],
};
const lower = [0, 0, 0, 0];
const upper = [1, 1, 1, 0.99];

/**
 * Fits the parameters. CPU is bounded by `maxSteps` recursion steps in all (grid, then at
 * most 150 Nelder–Mead evaluations), whatever the length of the series. Needs at least two weeks (one to start
 * the seasonal indices, one to score).
 */
export function fitHoltWinters(
  y: ArrayLike<number>,
  m1: number,
  m2: number,
  options: { scored?: ArrayLike<boolean>; maxSteps?: number } = {},
): HwFit {
  if (m2 % m1 !== 0) throw new RangeError("a week must hold whole days");
  if (y.length < 2 * m2) throw new RangeError(`Holt-Winters needs ${2 * m2} points, got ${y.length}`);
  const budget = Math.max(1, Math.floor((options.maxSteps ?? 2_500_000) / y.length));
  let evaluations = 0;
  const cost = (x: number[]) => {
    evaluations++;
    const { sse, count } = runHoltWinters(y, m1, m2, { alpha: x[0]!, delta: x[1]!, omega: x[2]!, phi: x[3]! }, options.scored);
    return count > 0 ? sse / count : Infinity;
  };

  let best = { x: [0.05, 0.15, 0.15, 0.8], value: Infinity };
  const candidates: number[][] = [];
  for (const a of grid.alpha)
    for (const d of grid.delta) for (const w of grid.omega) for (const f of grid.phi) candidates.push([a, d, w, f]);
  // With a tight budget, an evenly thinned grid.
  const stride = Math.max(1, Math.ceil(candidates.length / Math.max(1, Math.floor(budget * 0.8))));
  for (let i = 0; i < candidates.length; i += stride) {
    const value = cost(candidates[i]!);
    if (value < best.value) best = { x: candidates[i]!, value };
  }
  const remaining = budget - evaluations;
  if (remaining >= 10) {
    const refined = nelderMead(cost, best.x, { lower, upper, step: 0.02, maxEvaluations: Math.min(remaining, 150) });
    if (refined.value < best.value) best = refined;
  }
  const params = { alpha: best.x[0]!, delta: best.x[1]!, omega: best.x[2]!, phi: best.x[3]! };
  const run = runHoltWinters(y, m1, m2, params, options.scored);
  return { params, state: run.state, rmse: Math.sqrt(run.count > 0 ? run.sse / run.count : NaN), evaluations: evaluations + 1 };
}
