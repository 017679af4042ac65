/** The site's wall clock for generated timestamps, fast enough for a year of 15-minute slots. */

export type LocalTime = {
  /** Local hour of the day, fractional (13.5 = 13:30). */
  hour: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** 1 … 366. */
  dayOfYear: number;
  year: number;
  /** Days since 1970-01-01 on the local calendar: a stable key for day-level draws. */
  dayIndex: number;
};

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/** UTC offset (ms) of `timeZone` at `ms`, from Intl. */
function offsetAt(format: Intl.DateTimeFormat, ms: number): number {
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(ms))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * A function from a UTC instant to the local time of `timeZone`. Offsets are read from Intl
 * once per UTC hour (zones of Algeria and Morocco change on whole hours) and cached.
 */
export function localClock(timeZone: string): (ms: number) => LocalTime {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const cache = new Map<number, number>();
  return (ms) => {
    const key = Math.floor(ms / hourMs);
    let offset = cache.get(key);
    if (offset === undefined) {
      offset = offsetAt(format, key * hourMs);
      cache.set(key, offset);
    }
    const local = ms + offset;
    const date = new Date(local);
    const dayIndex = Math.floor(local / dayMs);
    const year = date.getUTCFullYear();
    return {
      hour: (local - dayIndex * dayMs) / hourMs,
      weekday: date.getUTCDay(),
      dayOfYear: Math.floor((local - Date.UTC(year, 0, 1)) / dayMs) + 1,
      year,
      dayIndex,
    };
  };
}
