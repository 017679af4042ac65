import "server-only";
import { numberLocale } from "@/lib/billing/money";
import { billingDay } from "@/server/energy/billing/issue-invoice";

/**
 * Dates, rates and CO₂ on invoices, formatted on the server for one of the five locales (Node's
 * ICU has kab and zgh data; Arabic keeps Latin digits, as on Algerian and Moroccan bills).
 * Dates are calendar dates "YYYY-MM-DD", formatted at UTC midnight so no zone shifts a day.
 */
const dateTags: Record<string, string> = { fr: "fr-DZ", kab: "kab-DZ", zgh: "zgh-MA", ar: "ar-DZ-u-nu-latn", en: "en-GB" };

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
type DayStyle = "long" | "medium" | "short";
const dayStyles: Record<DayStyle, Intl.DateTimeFormatOptions> = {
  long: { day: "numeric", month: "long", year: "numeric" },
  medium: { dateStyle: "medium" },
  short: { day: "2-digit", month: "2-digit", year: "numeric" },
};
function dateFormat(locale: string, style: DayStyle): Intl.DateTimeFormat {
  const key = `d|${locale}|${style}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(dateTags[locale] ?? "fr-DZ", { timeZone: "UTC", ...dayStyles[style] });
    cache.set(key, f);
  }
  return f;
}
function numberFormat(locale: string, options: Intl.NumberFormatOptions, name: string): Intl.NumberFormat {
  const key = `n|${locale}|${name}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(numberLocale(locale), options);
    cache.set(key, f);
  }
  return f;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "2026-01-31" → "31 janvier 2026" (long), "31 janv. 2026" (medium) or "31/01/2026" (short). */
export function formatDay(day: string | null | undefined, locale: string, style: DayStyle = "long"): string {
  if (!day || !DAY.test(day)) return "";
  return dateFormat(locale, style).format(new Date(`${day}T00:00:00Z`));
}

/** An instant (ISO string) as its calendar date in Africa/Algiers. */
export function formatInstantDay(at: string | null | undefined, locale: string, style: "long" | "short" = "long"): string {
  if (!at) return "";
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return "";
  return formatDay(billingDay(d), locale, style);
}

/** The day before an exclusive end: [start, end) is shown "start – last day". */
export function lastIncludedDay(end: string): string {
  const d = new Date(`${end}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** A half-open period [start, end) as "1 janvier 2026 – 31 janvier 2026". */
export function formatPeriod(
  start: string | null | undefined,
  end: string | null | undefined,
  locale: string,
  style: "long" | "short" = "long",
) {
  if (!start || !end) return "";
  return `${formatDay(start, locale, style)} – ${formatDay(lastIncludedDay(end), locale, style)}`;
}

/** Basis points as a percentage: 1900 → "19 %", 950 → "9,5 %". */
export function formatRate(bp: number, locale: string): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: 2 }, "pct").format(bp / 10_000);
}

/** A decimal number with up to `digits` decimals in the locale's conventions. */
export function formatNumber(value: number, locale: string, digits = 1): string {
  return numberFormat(locale, { maximumFractionDigits: digits }, `num${digits}`).format(value);
}

/** Grams of CO₂ as kilograms (below 10 t) or tonnes, with the unit. */
export function formatCo2(grams: number, locale: string): string {
  if (Math.abs(grams) >= 10_000_000) return `${formatNumber(grams / 1_000_000, locale, 2)} t CO₂e`;
  return `${formatNumber(grams / 1000, locale, 1)} kg CO₂e`;
}
