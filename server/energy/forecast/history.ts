import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import type { SeriesInput } from "@/lib/forecast/backtest";
import { fillGaps } from "@/lib/forecast/gaps";

export type ForecastMeter = { id: string; code: string; quantity: string; intervalMinutes: number };

export type History = SeriesInput & {
  /** Time of point 0 and the interval, in ms (UTC). */
  startMs: number;
  stepMs: number;
  /** Slots filled in (gaps of at most `maxGapHours`), and whether a longer gap cut the window. */
  filled: number;
  cut: boolean;
};

export const historyDays = 35;
export const maxGapHours = 24;

/**
 * The meter's last `historyDays` days at its interval, ending with its latest reading: one
 * value per slot (the sum of the readings in the slot for energy and volume, their mean for
 * power), gaps handled by `fillGaps`. Null when the meter has no reading, or an interval that
 * does not divide the day.
 */
export async function loadHistory(db: Executor, meter: ForecastMeter): Promise<History | null> {
  const minutes = meter.intervalMinutes;
  if (!Number.isInteger(minutes) || minutes < 1 || 1440 % minutes !== 0) return null;
  const step = minutes * 60;
  const [last] = rowsOf<{ slot: string | number | null }>(
    await db.execute(sql`select floor(extract(epoch from max(ts)) / ${step})::bigint as slot from readings where meter_id = ${meter.id}`),
  );
  if (last?.slot === null || last?.slot === undefined) return null;
  const m1 = 1440 / minutes;
  const end = Number(last.slot) + 1;
  const begin = end - historyDays * m1;
  const rows = rowsOf<{ s: number; value: number }>(
    await db.execute(sql`
      select extract(epoch from ts)::float8 as s, value from readings
      where meter_id = ${meter.id} and ts >= to_timestamp(${begin * step}::float8) and ts < to_timestamp(${end * step}::float8)`),
  );
  const sums = new Float64Array(end - begin);
  const counts = new Uint16Array(end - begin);
  for (const row of rows) {
    const i = Math.floor(Number(row.s) / step) - begin;
    if (i < 0 || i >= sums.length) continue;
    sums[i] = sums[i]! + Number(row.value);
    counts[i] = counts[i]! + 1;
  }
  const power = meter.quantity === "power";
  const raw = Array.from(sums, (sum, i) => (counts[i] === 0 ? null : power ? sum / counts[i]! : sum));
  const series = fillGaps(raw, m1, Math.round((maxGapHours * 60) / minutes));
  const first = begin + series.start;
  const slotsPerHour = 60 % minutes === 0 ? 60 / minutes : null;
  return {
    values: series.values,
    scored: series.scored,
    slotsPerDay: m1,
    firstPhase: first % m1,
    slotsPerHour,
    firstSlotInHour: slotsPerHour ? first % slotsPerHour : 0,
    nonNegative: series.values.every((v) => v >= 0),
    startMs: first * step * 1000,
    stepMs: step * 1000,
    filled: series.filled,
    cut: series.start > raw.findIndex((v) => v !== null),
  };
}
