import { Badge } from "@/components/ui/card";

type Tone = "neutral" | "success" | "danger" | "warning" | "info";

const severityTones: Record<string, Tone> = { sev1: "danger", sev2: "warning", sev3: "info", sev4: "neutral" };
const statusTones: Record<string, Tone> = {
  triggered: "danger",
  acknowledged: "warning",
  investigating: "warning",
  mitigated: "info",
  resolved: "success",
  closed: "neutral",
  cancelled: "neutral",
};
const clockTones: Record<string, Tone> = {
  running: "info",
  warning: "warning",
  paused: "neutral",
  met: "success",
  breached: "danger",
  cancelled: "neutral",
};

export function SeverityBadge({ severity, label }: { severity: string; label: string }) {
  return <Badge tone={severityTones[severity] ?? "neutral"}>{label}</Badge>;
}

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <Badge tone={statusTones[status] ?? "neutral"}>{label}</Badge>;
}

export function ClockBadge({ state, label }: { state: string; label: string }) {
  return <Badge tone={clockTones[state] ?? "neutral"}>{label}</Badge>;
}

/** Whole hours and minutes of a (business) duration, for the `duration` message. */
export function hoursMinutes(seconds: number): { h: number; m: number } {
  const abs = Math.abs(Math.round(seconds / 60));
  return { h: Math.floor(abs / 60), m: abs % 60 };
}
