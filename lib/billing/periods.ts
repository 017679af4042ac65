/**
 * Date-only helpers for billing periods (pure, client- and server-safe).
 *
 * Dates are "YYYY-MM-DD" strings (calendar dates in the delivery point's zone); periods are
 * half-open [start, end). Arithmetic uses UTC midnights, so no time zone or DST can shift a day.
 */

export type BillingCycle = "monthly" | "bimonthly" | "quarterly";
export const billingCycles = ["monthly", "bimonthly", "quarterly"] as const satisfies readonly BillingCycle[];

export type Period = { start: string; end: string };

const DAY_MS = 86_400_000;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written "YYYY-MM-DD". */
export function isDateString(value: string): boolean {
  const m = datePattern.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function parts(date: string): [number, number, number] {
  const m = datePattern.exec(date);
  if (!m || !isDateString(date)) throw new RangeError(`invalid date "${date}" (expected YYYY-MM-DD)`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function toUtc(date: string): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" from numbers (the caller passes a real date). */
export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in month `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Number of days from `from` to `to` (exclusive): daysBetween("2026-01-01", "2026-02-01") = 31. Negative when to < from. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Adds calendar months, clamping the day to the target month's length (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  return formatDate(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const dow = new Date(toUtc(date)).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/** Month (1–12) of a date. */
export function monthOf(date: string): number {
  return parts(date)[1];
}

/** Months per billing cycle. */
export function cycleMonths(cycle: BillingCycle): number {
  return cycle === "monthly" ? 1 : cycle === "bimonthly" ? 2 : 3;
}

/**
 * The cycle period containing `date`, aligned to calendar months from January:
 * monthly = the month; bimonthly = Jan–Feb, Mar–Apr, …; quarterly = Jan–Mar, Apr–Jun, ….
 */
export function periodFor(cycle: BillingCycle, date: string): Period {
  const [y, m] = parts(date);
  const n = cycleMonths(cycle);
  const firstMonth = Math.floor((m - 1) / n) * n + 1;
  const start = formatDate(y, firstMonth, 1);
  return { start, end: addMonths(start, n) };
}

/** The cycle period right after `period` (or after the period containing a date). */
export function nextPeriod(cycle: BillingCycle, period: Period | string): Period {
  const end = typeof period === "string" ? periodFor(cycle, period).end : period.end;
  return periodFor(cycle, end);
}

/** The cycle period right before `period` (or before the period containing a date). */
export function previousPeriod(cycle: BillingCycle, period: Period | string): Period {
  const start = typeof period === "string" ? periodFor(cycle, period).start : period.start;
  return periodFor(cycle, addDays(start, -1));
}

/** True when [start, end) is exactly one aligned period of the cycle. */
export function isCyclePeriod(cycle: BillingCycle, period: Period): boolean {
  const p = periodFor(cycle, period.start);
  return p.start === period.start && p.end === period.end;
}

/** The calendar quarter containing a date. */
export function quarterOf(date: string): Period {
  return periodFor("quarterly", date);
}

/** The calendar month containing a date. */
export function monthPeriodOf(date: string): Period {
  return periodFor("monthly", date);
}

/** One piece of [from, to) inside one calendar month or quarter. */
export type PeriodPart = {
  from: string;
  to: string;
  /** Days of [from, to) inside this month/quarter. */
  days: number;
  /** Days of the whole month/quarter. */
  referenceDays: number;
  reference: Period;
};

/**
 * Splits [from, to) by calendar month ("month") or calendar quarter ("quarter"): the proration
 * basis of subscriptions and tier limits. Empty when to ≤ from.
 */
export function splitByReference(from: string, to: string, per: "month" | "quarter"): PeriodPart[] {
  const out: PeriodPart[] = [];
  let cursor = from;
  while (cursor < to) {
    const reference = per === "month" ? monthPeriodOf(cursor) : quarterOf(cursor);
    const end = minDate(reference.end, to);
    out.push({
      from: cursor,
      to: end,
      days: daysBetween(cursor, end),
      referenceDays: daysBetween(reference.start, reference.end),
      reference,
    });
    cursor = end;
  }
  return out;
}

/** Splits [from, to) by calendar month. */
export function splitByMonth(from: string, to: string): PeriodPart[] {
  return splitByReference(from, to, "month");
}

/**
 * Σ days/referenceDays over the months (or quarters) of [from, to), as an exact fraction
 * { num, den } of BigInts: 1 for a whole calendar month (quarter), 3 for a whole quarter with
 * per = "month", 31/90 for January within Q1 2026 with per = "quarter".
 */
export function referenceFraction(from: string, to: string, per: "month" | "quarter"): { num: bigint; den: bigint } {
  let num = 0n;
  let den = 1n;
  for (const part of splitByReference(from, to, per)) {
    const d = BigInt(part.referenceDays);
    num = num * d + BigInt(part.days) * den;
    den = den * d;
  }
  const g = gcd(num < 0n ? -num : num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a || 1n;
}

/** The overlap of two half-open periods, or null. */
export function overlap(a: Period, b: Period): Period | null {
  const start = maxDate(a.start, b.start);
  const end = minDate(a.end, b.end);
  return start < end ? { start, end } : null;
}
