import { passesAshrae } from "./metrics";

/** What the forecast page draws and tabulates, built from stored rows (pure, no DB). */
export type ChartRow = {
  t: number;
  actual?: number;
  naive?: number;
  naiveBand?: [number, number];
  hw?: number;
  hwBand?: [number, number];
};
export type PointRow = { ts: Date; value: number; lower: number | null; upper: number | null };

/** One row per timestamp: the actual readings, then each model's points and band. */
export function chartRows(actual: { ts: Date; value: number }[], naive: PointRow[], hw: PointRow[]): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  const at = (ts: Date) => {
    const t = ts.getTime();
    let row = rows.get(t);
    if (!row) rows.set(t, (row = { t }));
    return row;
  };
  for (const r of actual) at(r.ts).actual = r.value;
  for (const p of naive) {
    const row = at(p.ts);
    row.naive = p.value;
    if (p.lower !== null && p.upper !== null) row.naiveBand = [p.lower, p.upper];
  }
  for (const p of hw) {
    const row = at(p.ts);
    row.hw = p.value;
    if (p.lower !== null && p.upper !== null) row.hwBand = [p.lower, p.upper];
  }
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

/** Total (energy, volume) or mean (power) and peak of a stretch of values; null when empty. */
export function summarize(values: number[], quantity: string): { amount: number; peak: number } | null {
  if (values.length === 0) return null;
  const total = values.reduce((s, v) => s + v, 0);
  return { amount: quantity === "power" ? total / values.length : total, peak: Math.max(...values) };
}

export type RunMetrics = {
  mape: number | null;
  mapeSkipped: number;
  cvRmse: number | null;
  /** CV(RMSE) and NMBE at the resolution of the ASHRAE check (hourly means when the interval is shorter). */
  cvRmseG14: number | null;
  nmbe: number | null;
  hourly: boolean;
  skill: number | null;
  scored: number;
  filled: number;
  passes: { cvRmse: boolean | null; nmbe: boolean | null };
};

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** The backtest figures of a stored run (columns + params jsonb), with the G14 verdicts. */
export function runMetrics(run: {
  mape: number | null;
  cvRmse: number | null;
  nmbe: number | null;
  skill: number | null;
  params: unknown;
}): RunMetrics {
  const p = (run.params && typeof run.params === "object" ? run.params : {}) as Record<string, unknown>;
  const h = (p.hourly && typeof p.hourly === "object" ? p.hourly : null) as Record<string, unknown> | null;
  const cvRmseG14 = h ? num(h.cvRmse) : run.cvRmse;
  const nmbeG14 = h ? num(h.nmbe) : run.nmbe;
  return {
    mape: run.mape,
    mapeSkipped: num(p.mapeSkipped) ?? 0,
    cvRmse: run.cvRmse,
    cvRmseG14,
    nmbe: run.nmbe,
    hourly: h !== null,
    skill: run.skill,
    scored: num(p.scored) ?? 0,
    filled: num(p.filled) ?? 0,
    passes: passesAshrae(cvRmseG14, nmbeG14),
  };
}

/** How the page states Holt-Winters against the naive baseline. */
export function skillVerdict(skill: number | null): "wins" | "loses" | "unknown" {
  if (skill === null) return "unknown";
  return skill > 0 ? "wins" : "loses";
}
