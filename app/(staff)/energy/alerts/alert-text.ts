import type { getFormatter } from "next-intl/server";
import type { AlertComparator, AlertMeterKind, AlertSeverity, AlertState } from "@/lib/validation/alert-rules";
import { safeZone } from "@/server/energy/maintenance/site-time";

/** Shared wording of the alert pages (server components). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;
export type Format = Awaited<ReturnType<typeof getFormatter>>;

export const severityTone: Record<AlertSeverity, "info" | "warning" | "danger"> = { info: "info", warning: "warning", critical: "danger" };
export const stateTone: Record<AlertState, "danger" | "warning" | "success"> = {
  firing: "danger",
  acknowledged: "warning",
  resolved: "success",
};

/** `520 kW`, `12.5 m³`, or a dash. */
export function valueText(t: Translate, format: Format, value: number | null, unit: string): string {
  if (value === null) return "—";
  return t("alerts.value", { value: format.number(value, { maximumFractionDigits: 1 }), unit: t(`alerts.units.${unit}`) });
}

/** `above 500 kW for 15 min`. */
export function conditionText(
  t: Translate,
  format: Format,
  r: { comparator: AlertComparator; threshold: number; unit: string; durationMinutes: number },
): string {
  return t("alerts.condition", {
    comparator: r.comparator,
    threshold: valueText(t, format, r.threshold, r.unit),
    duration: format.number(r.durationMinutes),
  });
}

/** The meter (`CODE — name`) or the site's summed kind. */
export function targetText(t: Translate, r: { meterCode: string | null; meterName: string | null; kind: AlertMeterKind | null }): string {
  return r.meterCode ? `${r.meterCode} — ${r.meterName ?? ""}` : t(`alerts.siteKinds.${r.kind ?? "consumption"}`);
}

/** A date and time on the site's clock. */
export function siteTime(format: Format, iso: string, timeZone: string): string {
  return format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short", timeZone: safeZone(timeZone) });
}
