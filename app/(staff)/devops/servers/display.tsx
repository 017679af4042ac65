import type { getFormatter } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { MonitorState, ServerCriticality, ServerStatus } from "@/lib/devops/server-lifecycle";

type Tone = "neutral" | "success" | "danger" | "warning" | "info";
const statusTones: Record<ServerStatus, Tone> = {
  provisioning: "info",
  running: "success",
  maintenance: "warning",
  stopped: "neutral",
  decommissioned: "neutral",
};
const monitorTones: Record<MonitorState, Tone> = { up: "success", down: "danger", stale: "warning", unknown: "neutral" };
const criticalityTones: Record<ServerCriticality, Tone> = { low: "neutral", medium: "info", high: "warning", critical: "danger" };

export function StatusBadge({ status, label }: { status: ServerStatus; label: string }) {
  return <Badge tone={statusTones[status]}>{label}</Badge>;
}

export function MonitorBadge({ state, label }: { state: MonitorState; label: string }) {
  return <Badge tone={monitorTones[state]}>{label}</Badge>;
}

export function CriticalityBadge({ criticality, label }: { criticality: ServerCriticality; label: string }) {
  return <Badge tone={criticalityTones[criticality]}>{label}</Badge>;
}

type F = Awaited<ReturnType<typeof getFormatter>>;

/** A moment in the reader's language and zone, formatted on the server. */
export function whenText(format: F, iso: string | null, empty = "—"): string {
  return iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }) : empty;
}

/** A country's name in the reader's language (the code itself when the runtime has no name for it). */
export function countryName(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames([locale, "fr"], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}
