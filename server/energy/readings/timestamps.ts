/**
 * ISO 8601 date-times with an explicit offset (`Z`, `+01:00`, `+0100`, `+01`), seconds and
 * fractions optional: `2026-03-29T02:15:00+02:00`. A local time without offset is ambiguous
 * (which zone? which side of a daylight-saving change?) and refused.
 */
const pattern = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

export type ParsedTimestamp = { ok: true; date: Date } | { ok: false; detail: string };

export function parseOffsetTimestamp(text: unknown): ParsedTimestamp {
  if (typeof text !== "string") return { ok: false, detail: "`ts` must be an ISO 8601 string with an offset." };
  const m = pattern.exec(text.trim());
  if (!m) {
    const local = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?$/.test(text.trim());
    return {
      ok: false,
      detail: local
        ? `"${text.slice(0, 40)}" has no offset: add Z or ±HH:MM.`
        : `"${text.slice(0, 40)}" is not an ISO 8601 date-time with an offset (e.g. 2026-03-29T02:15:00+02:00).`,
    };
  }
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number) as number[];
  const ms = Math.floor(Number(`0.${m[7] ?? "0"}`) * 1000);
  const offsetHours = m[8] ? 0 : Number(m[10]);
  const offsetMinutes = m[8] ? 0 : Number(m[11] ?? "0");
  const utc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!, ms);
  const check = new Date(Date.UTC(year!, month! - 1, day!));
  const valid =
    year! >= 1970 &&
    check.getUTCMonth() === month! - 1 &&
    check.getUTCDate() === day &&
    hour! <= 23 &&
    minute! <= 59 &&
    second! <= 59 &&
    offsetHours <= 14 &&
    offsetMinutes <= 59;
  if (!valid) return { ok: false, detail: `"${text.slice(0, 40)}" is not a valid date-time.` };
  const sign = m[9] === "-" ? -1 : 1;
  return { ok: true, date: new Date(utc - sign * (offsetHours * 60 + offsetMinutes) * 60_000) };
}

/** The start (UTC) of the `intervalMinutes` interval holding `date`; intervals divide the day, from UTC midnight. */
export function alignToInterval(date: Date, intervalMinutes: number): Date {
  const step = intervalMinutes * 60_000;
  return new Date(Math.floor(date.getTime() / step) * step);
}
