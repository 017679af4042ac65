/**
 * An instant written as the site's wall-clock time with its offset: `local` is the time as
 * PostgreSQL printed it in the site's zone (`YYYY-MM-DDTHH:MM:SS.mmm`), `ms` the instant
 * (epoch milliseconds). Milliseconds are kept only when not zero.
 */
export function localIso(local: string, ms: number): string {
  const instant = Math.round(ms);
  const offset = Math.round((Date.parse(`${local}Z`) - instant) / 60_000);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${local.endsWith(".000") ? local.slice(0, -4) : local}${sign}${hh}:${mm}`;
}
