import { defaultTimeZone } from "@/i18n/config";
import { maxMonths, monthIndex } from "@/lib/validation/environment";

/** `YYYY-MM` of a month index (year × 12 + month − 1). */
export function monthOf(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export const addMonths = (month: string, n: number) => monthOf(monthIndex(month) + n);

/** The current month in the operator's time zone (Africa/Algiers). */
export function currentMonth(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: defaultTimeZone, year: "numeric", month: "2-digit" }).format(now).slice(0, 7);
}

/**
 * The period asked for: `to` defaults to the current month (or `from` when that is later),
 * capped at 60 months after `from`; `from` defaults to eleven months before `to`.
 */
export function resolveRange(f: { from?: string; to?: string }, now = new Date()): { from: string; to: string } {
  if (f.from && !f.to) {
    const current = monthIndex(currentMonth(now));
    const start = monthIndex(f.from);
    return { from: f.from, to: monthOf(Math.max(start, Math.min(current, start + maxMonths - 1))) };
  }
  const to = f.to ?? currentMonth(now);
  return { from: f.from ?? addMonths(to, -11), to };
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthOf(i));
  return out;
}

/** First day of the month, as a SQL date literal. */
export const firstDay = (month: string) => `${month}-01`;
