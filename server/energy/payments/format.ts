import "server-only";
import { defaultTimeZone } from "@/i18n/config";

/** The Intl locale of a calendar date: Arabic with Latin digits (as on the invoices), others as is. */
function dateLocale(locale: string): string {
  if (locale === "ar") return "ar-DZ-u-nu-latn";
  return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : "fr";
}

/** "2026-03-15" → "15 mars 2026" / "15 Meɣres 2026" / "15 ⵎⴰⵕⵚ 2026" / "15 مارس 2026" (formatted on the server). */
export function formatDay(day: string, locale: string, style: "long" | "medium" = "long"): string {
  return new Intl.DateTimeFormat(dateLocale(locale), { dateStyle: style, timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

/** Today's calendar date ("YYYY-MM-DD") in `zone` (default Africa/Algiers). */
export function todayIn(now: Date = new Date(), zone: string = defaultTimeZone): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** `day` ± n days ("YYYY-MM-DD"). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
