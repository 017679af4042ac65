import type { getFormatter } from "next-intl/server";
import type { AlertInstanceState } from "@/lib/devops/alert-states";
import type { Severity } from "@/lib/devops/severity";

/** Shared wording of the alert pages (server components). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;
export type Format = Awaited<ReturnType<typeof getFormatter>>;
export type Tone = "neutral" | "success" | "danger" | "warning" | "info";

export const severityTone: Record<Severity, Tone> = { sev1: "danger", sev2: "danger", sev3: "warning", sev4: "info" };
export const stateTone: Record<AlertInstanceState, Tone> = { firing: "danger", pending: "warning", resolved: "success" };

/** A date and time in the reader's language and zone. */
export function when(format: Format, iso: string): string {
  return format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short" });
}

/** `cpu > 90` (and `pendant 300 s` when there is a pending period). */
export function conditionText(
  t: Translate,
  format: Format,
  r: { metric: string | null; comparator: string | null; threshold: number | null; forSeconds?: number },
): string {
  if (!r.metric || !r.comparator || r.threshold === null) return "";
  return t("condition", {
    metric: r.metric,
    comparator: r.comparator,
    threshold: format.number(r.threshold, { maximumFractionDigits: 2 }),
    forSeconds: r.forSeconds ?? 0,
  });
}

export function valueText(format: Format, value: number | null): string {
  return value === null ? "—" : format.number(value, { maximumFractionDigits: 2 });
}

/** INC-000123, as the incidents pages show it. */
export const incidentRef = (n: number) => `INC-${String(n).padStart(6, "0")}`;
