import "server-only";

/** Calendar days of plans, due dates and overdue checks are days in this zone. */
export const energyTimeZone = "Africa/Algiers";

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar day (`YYYY-MM-DD`) of an instant in a time zone (default Africa/Algiers). */
export function dayIn(at: Date = new Date(), timeZone = energyTimeZone): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** A `YYYY-MM-DD` day, or the Africa/Algiers day of a Date. */
export function toDay(value: string | Date): string {
  if (value instanceof Date) return dayIn(value);
  if (!dayPattern.test(value)) throw new TypeError(`not a calendar day: ${value}`);
  return value;
}

/** `day` plus `n` calendar days (pure calendar arithmetic, no time zone involved). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = toDay(day).split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Offset of a zone from UTC at an instant, in minutes (Africa/Algiers: +60). */
function offsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant of a wall-clock time (`YYYY-MM-DDTHH:mm`) in a zone; null when malformed. */
export function wallTimeToDate(local: string, timeZone = energyTimeZone): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(guess) || new Date(guess).getUTCDate() !== d) return null;
  const first = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess - offsetMinutes(new Date(first), timeZone) * 60_000);
}

/** `timeZone` when the runtime knows it, else Africa/Algiers (a bad stored zone never breaks a page). */
export function knownZone(timeZone: string | null | undefined): string {
  if (!timeZone) return energyTimeZone;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return energyTimeZone;
  }
}
