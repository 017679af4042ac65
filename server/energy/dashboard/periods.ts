import "server-only";
import { addDays, dayIn } from "@/server/energy/equipment/dates";

/** Calendar periods of the dashboard, in local days. */
export const periodPresets = ["this_month", "last_month", "last_7_days", "last_30_days", "this_year", "last_year"] as const;
export type PeriodPreset = (typeof periodPresets)[number];

export function isPeriodPreset(value: unknown): value is PeriodPreset {
  return typeof value === "string" && (periodPresets as readonly string[]).includes(value);
}

/** Local calendar days, `from` inclusive, `to` exclusive (`YYYY-MM-DD`). */
export type DayRange = { from: string; to: string };
export type Period = { preset: PeriodPreset; current: DayRange; previous: DayRange };

const monthStart = (day: string, monthsBack = 0) => {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - monthsBack, 1)).toISOString().slice(0, 10);
};
const yearStart = (day: string, yearsBack = 0) => `${Number(day.slice(0, 4)) - yearsBack}-01-01`;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
const min = (a: string, b: string) => (a < b ? a : b);

/**
 * The current and previous ranges of a preset on `today` (a local day). "This month" and
 * "this year" run to today included and are compared with the same span of the previous
 * month or year (the first N days; never past its end); rolling presets with the N days
 * before; full months and years with the month or year before.
 */
export function periodOf(preset: PeriodPreset, today: string): Period {
  const tomorrow = addDays(today, 1);
  switch (preset) {
    case "this_month": {
      const from = monthStart(today);
      const prevFrom = monthStart(today, 1);
      return {
        preset,
        current: { from, to: tomorrow },
        previous: { from: prevFrom, to: min(addDays(prevFrom, daysBetween(from, tomorrow)), from) },
      };
    }
    case "last_month": {
      const from = monthStart(today, 1);
      return { preset, current: { from, to: monthStart(today) }, previous: { from: monthStart(today, 2), to: from } };
    }
    case "last_7_days":
    case "last_30_days": {
      const n = preset === "last_7_days" ? 7 : 30;
      const from = addDays(tomorrow, -n);
      return { preset, current: { from, to: tomorrow }, previous: { from: addDays(from, -n), to: from } };
    }
    case "this_year": {
      const from = yearStart(today);
      const prevFrom = yearStart(today, 1);
      // The same day of last year (29 February → 28 February), included.
      const [m, d] = today.slice(5).split("-").map(Number) as [number, number];
      const sameDay = new Date(Date.UTC(Number(prevFrom.slice(0, 4)), m - 1, Math.min(d, m === 2 ? 28 : d))).toISOString().slice(0, 10);
      const prevTo = addDays(sameDay, 1);
      return { preset, current: { from, to: tomorrow }, previous: { from: prevFrom, to: min(prevTo, from) } };
    }
    case "last_year":
      return {
        preset,
        current: { from: yearStart(today, 1), to: yearStart(today) },
        previous: { from: yearStart(today, 2), to: yearStart(today, 1) },
      };
  }
}

/** Today in a zone, as a local day. */
export function todayIn(timeZone: string, now = new Date()): string {
  return dayIn(now, timeZone);
}

/** Every day of a range, in order. */
export function daysOf(range: DayRange): string[] {
  const out: string[] = [];
  for (let d = range.from; d < range.to; d = addDays(d, 1)) out.push(d);
  return out;
}
