/**
 * Business time on a calendar (GLPI / Zammad / ServiceNow style): working windows per weekday
 * in the calendar's time zone, minus holidays. Wall-clock times are read through
 * Intl.DateTimeFormat, so daylight-saving changes move the windows with the local clock.
 * Without a calendar the clock runs 24/7. The loops go window by window (a few per day),
 * never minute by minute.
 */

export const weekdays = ["0", "1", "2", "3", "4", "5", "6"] as const;
export type Weekday = (typeof weekdays)[number];
/** ["08:00", "12:00"]: local wall-clock start and end, end excluded ("24:00" = midnight after). */
export type WorkWindow = readonly [string, string];

export type BusinessCalendar = {
  timezone: string;
  /** 0 = Sunday … 6 = Saturday; an absent or empty day is off. */
  hours: Partial<Record<Weekday, readonly WorkWindow[]>>;
  /** Local days off, "YYYY-MM-DD". */
  holidays: ReadonlySet<string>;
};

type LocalDay = { y: number; m: number; d: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timezone, f);
  }
  return f;
}

/** The wall-clock parts of an instant in a zone. */
function wallClock(ms: number, timezone: string) {
  const parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatter(timezone).formatToParts(new Date(ms))) {
    if (p.type in parts) parts[p.type as keyof typeof parts] = Number(p.value);
  }
  return { y: parts.year, m: parts.month, d: parts.day, h: parts.hour % 24, mi: parts.minute, s: parts.second };
}

/** Offset of the zone at an instant, in ms (local − UTC). */
function offsetAt(ms: number, timezone: string): number {
  const w = wallClock(ms, timezone);
  const asUtc = Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant of a local wall-clock time (in a DST gap: shifted forward by the gap). */
export function zonedInstant(day: LocalDay, hhmm: string, timezone: string): number {
  const [h = 0, mi = 0] = hhmm.split(":").map(Number);
  const guess = Date.UTC(day.y, day.m - 1, day.d, h, mi);
  const first = guess - offsetAt(guess, timezone);
  const second = guess - offsetAt(first, timezone);
  return second;
}

function localDay(ms: number, timezone: string): LocalDay {
  const w = wallClock(ms, timezone);
  return { y: w.y, m: w.m, d: w.d };
}

function nextDay(day: LocalDay): LocalDay {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + 1));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function isoDay(day: LocalDay): string {
  return `${day.y}-${String(day.m).padStart(2, "0")}-${String(day.d).padStart(2, "0")}`;
}

/** The working windows of one local day, as [start, end) instants, sorted and non-overlapping. */
function windowsOf(day: LocalDay, cal: BusinessCalendar): [number, number][] {
  if (cal.holidays.has(isoDay(day))) return [];
  const weekday = String(new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay()) as Weekday;
  const spans = (cal.hours[weekday] ?? [])
    .map(([from, to]) => [zonedInstant(day, from, cal.timezone), zonedInstant(day, to, cal.timezone)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of spans) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** Days in a row without any working time after which a calendar is considered empty. */
const maxIdleDays = 800;

/** `start` plus `seconds` of business time; a deadline that ends a window stays at its end. */
export function addBusinessSeconds(start: Date, seconds: number, cal?: BusinessCalendar | null): Date {
  if (!cal || seconds <= 0) return new Date(start.getTime() + Math.max(0, seconds) * 1000);
  let remaining = seconds * 1000;
  let cursor = start.getTime();
  let day = localDay(cursor, cal.timezone);
  for (let idle = 0; idle < maxIdleDays; day = nextDay(day)) {
    const windows = windowsOf(day, cal);
    idle = windows.length === 0 ? idle + 1 : 0;
    for (const [ws, we] of windows) {
      const s = Math.max(ws, cursor);
      if (s >= we) continue;
      if (remaining <= we - s) return new Date(s + remaining);
      remaining -= we - s;
      cursor = we;
    }
  }
  throw new Error("business calendar has no working time");
}

/** Business seconds in [a, b) (0 when b ≤ a). */
export function businessSecondsBetween(a: Date, b: Date, cal?: BusinessCalendar | null): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to <= from) return 0;
  if (!cal) return Math.round((to - from) / 1000);
  let total = 0;
  for (let day = localDay(from, cal.timezone); zonedInstant(day, "00:00", cal.timezone) < to; day = nextDay(day)) {
    for (const [ws, we] of windowsOf(day, cal)) {
      const s = Math.max(ws, from);
      const e = Math.min(we, to);
      if (e > s) total += e - s;
    }
  }
  return Math.round(total / 1000);
}

/** When `at` is inside a working window, that window's end; otherwise null (the clock stands still). */
export function currentWindowEnd(at: Date, cal?: BusinessCalendar | null): Date | null {
  if (!cal) return new Date(8.64e15);
  const t = at.getTime();
  for (const [ws, we] of windowsOf(localDay(t, cal.timezone), cal)) {
    if (ws <= t && t < we) return new Date(we);
  }
  return null;
}
