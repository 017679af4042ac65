import "server-only";
import { forecastSeries } from "@/lib/forecast/backtest";
import type { Executor } from "@/db/client";
import { historyDays, loadHistory, maxGapHours, type ForecastMeter } from "./history";
import { replaceRuns, type StoredRun } from "./store";

export const horizonDays = 7;

export type MeterOutcome =
  | { meterId: string; code: string; status: "forecast"; models: string[]; skill: number | null; ms: number }
  | { meterId: string; code: string; status: "skipped"; reason: string; ms: number };

/**
 * One meter: load its history, backtest both models on the last 7 days, refit on all of it,
 * forecast the next 7 days and store both runs in place of the previous ones.
 */
export async function forecastMeter(db: Executor, meter: ForecastMeter): Promise<MeterOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const history = await loadHistory(db, meter);
  if (!history) return { meterId: meter.id, code: meter.code, status: "skipped", reason: "no_readings_or_interval", ms: elapsed() };
  const outcome = forecastSeries(history, { horizonDays });
  if (outcome.runs.length === 0)
    return { meterId: meter.id, code: meter.code, status: "skipped", reason: "history_too_short", ms: elapsed() };

  const n = history.values.length;
  const at = (slot: number) => new Date(history.startMs + slot * history.stepMs);
  const common = {
    historyFrom: at(0).toISOString(),
    historyTo: at(n).toISOString(),
    historyDays,
    points: n,
    filled: history.filled,
    maxGapHours,
    cutAtLongGap: history.cut,
    coverage: 0.8,
  };
  const runs: StoredRun[] = outcome.runs.map((run) => ({
    ...run,
    horizonFrom: at(n),
    horizonTo: at(n + outcome.horizon),
    backtestFrom: run.backtest ? at(n - outcome.horizon) : null,
    backtestTo: run.backtest ? at(n) : null,
    extra: {
      ...common,
      skipped: outcome.skipped,
      scored: run.backtest?.metrics.n ?? 0,
      rmse: run.backtest?.metrics.rmse ?? null,
      mapeSkipped: run.backtest?.metrics.mapeSkipped ?? 0,
      hourly: run.backtest?.hourly ?? null,
    },
  }));
  await replaceRuns(db, meter.id, meter.intervalMinutes, history.stepMs, runs);
  const hw = outcome.runs.find((r) => r.model === "holt_winters");
  return {
    meterId: meter.id,
    code: meter.code,
    status: "forecast",
    models: outcome.runs.map((r) => r.model),
    skill: hw?.backtest?.skill ?? null,
    ms: elapsed(),
  };
}
