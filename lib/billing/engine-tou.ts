/**
 * Time-of-use: which period (HP, HC, …) applies at a local instant, as a function and as a
 * table the billing run can join in SQL. Pure (no I/O).
 */
import type { EnergyPricing, EngineLine } from "./types";
import { lineAmountMinor } from "./money";
import { BillingEngineError, labelParams, makeLine, type LineContext } from "./engine-lines";

export type TouPricing = Extract<EnergyPricing, { kind: "tou" }>;

/** "HH:MM" → minutes since midnight ("24:00" → 1440). */
export function parseClock(value: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  if (!m) throw new BillingEngineError("tou_time_invalid", `invalid time "${value}" (expected HH:MM)`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (Number(m[2]) > 59 || minutes > 1440) throw new BillingEngineError("tou_time_invalid", `invalid time "${value}"`);
  return minutes;
}

const allMonths = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** A local instant: ISO weekday (1 = Monday … 7 = Sunday), month (1–12), minutes since midnight (0–1439). */
export type LocalInstant = { isoDow: number; month: number; minuteOfDay: number };

/**
 * The ToU period code at a local instant: the first rule (in order) that matches, else
 * `defaultPeriod`. A rule whose `from` ≥ `to` wraps past midnight: its `days` are the days the
 * window starts (a Friday 22:00–06:00 rule covers Saturday 00:00–06:00); `months` are checked
 * against the month of the instant itself. `from` = `to` means the whole day.
 */
export function touPeriodOf(energy: TouPricing, at: LocalInstant): string {
  for (const row of touRuleTable(energy)) {
    if (row.isoDow === at.isoDow && row.fromMinute <= at.minuteOfDay && at.minuteOfDay < row.toMinute && row.months.includes(at.month)) {
      return row.period;
    }
  }
  return energy.defaultPeriod;
}

/** One SQL-friendly row: on `isoDow`, minutes [fromMinute, toMinute), in `months`; lowest `priority` wins. */
export type TouRuleRow = { period: string; isoDow: number; fromMinute: number; toMinute: number; months: number[]; priority: number };

/**
 * The rules flattened to one row per weekday, with wrap-around windows split at midnight.
 * SQL use: for a reading at local (dow, month, minute), take the matching row of lowest
 * `priority`; no row → `defaultPeriod`. Rows are ordered by priority.
 */
export function touRuleTable(energy: TouPricing): TouRuleRow[] {
  const rows: TouRuleRow[] = [];
  energy.rules.forEach((rule, priority) => {
    const from = parseClock(rule.from);
    const to = parseClock(rule.to);
    const months = rule.months && rule.months.length > 0 ? [...rule.months].sort((a, b) => a - b) : allMonths;
    for (const day of rule.days) {
      if (from === to || (from === 0 && to === 1440)) {
        rows.push({ period: rule.period, isoDow: day, fromMinute: 0, toMinute: 1440, months, priority });
      } else if (from < to) {
        rows.push({ period: rule.period, isoDow: day, fromMinute: from, toMinute: to, months, priority });
      } else {
        if (from < 1440) rows.push({ period: rule.period, isoDow: day, fromMinute: from, toMinute: 1440, months, priority });
        if (to > 0) rows.push({ period: rule.period, isoDow: (day % 7) + 1, fromMinute: 0, toMinute: to, months, priority });
      }
    }
  });
  return rows;
}

/**
 * Energy lines of a ToU segment: one per period with energy, in the definition's order. Energy
 * not split by `touMilli` (or all of it when absent) goes to `defaultPeriod`.
 */
export function touLines(energy: TouPricing, ctx: LineContext, energyMilli: number, touMilli?: Record<string, number>): EngineLine[] {
  const quantities = new Map<string, number>(energy.periods.map((p) => [p.code, 0]));
  let split = 0;
  for (const [code, milli] of Object.entries(touMilli ?? {})) {
    if (!quantities.has(code)) throw new BillingEngineError("tou_period_unknown", `unknown time-of-use period "${code}"`);
    if (!Number.isSafeInteger(milli) || milli < 0)
      throw new BillingEngineError("quantity_invalid", `touMilli.${code} must be a non-negative integer`);
    quantities.set(code, (quantities.get(code) ?? 0) + milli);
    split += milli;
  }
  if (split > energyMilli)
    throw new BillingEngineError("tou_split_mismatch", `time-of-use energy ${split} exceeds the segment energy ${energyMilli}`);
  quantities.set(energy.defaultPeriod, (quantities.get(energy.defaultPeriod) ?? 0) + (energyMilli - split));

  const lines: EngineLine[] = [];
  for (const period of energy.periods) {
    const q = quantities.get(period.code) ?? 0;
    if (q === 0 && !(energyMilli === 0 && period.code === energy.defaultPeriod)) continue;
    lines.push(
      makeLine(ctx, {
        kind: "energy",
        labelKey: "billing.line.tou",
        labelParams: { ...labelParams(period, "period"), code: period.code },
        quantityMilli: q,
        unit: "kWh",
        unitPriceMicro: period.priceMicro,
        amountMinor: lineAmountMinor(q, period.priceMicro),
        vatBp: period.vatBp,
        estimated: ctx.estimated,
        touPeriod: period.code,
      }),
    );
  }
  return lines;
}
