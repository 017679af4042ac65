import type { getFormatter } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { Criticality, EquipmentState } from "@/lib/validation/equipment";

type Tone = "neutral" | "success" | "danger" | "warning" | "info";
const stateTones: Record<EquipmentState, Tone> = {
  operational: "success",
  degraded: "warning",
  failed: "danger",
  out_of_service: "neutral",
};
const criticalityTones: Record<Criticality, Tone> = { low: "neutral", medium: "info", high: "warning", critical: "danger" };

export function StateBadge({ state, label }: { state: EquipmentState; label: string }) {
  return <Badge tone={stateTones[state]}>{label}</Badge>;
}

export function CriticalityBadge({ criticality, label }: { criticality: Criticality; label: string }) {
  return <Badge tone={criticalityTones[criticality]}>{label}</Badge>;
}

/** A calendar day (`YYYY-MM-DD`) in the reader's language, formatted on the server. */
export function dayText(format: Awaited<ReturnType<typeof getFormatter>>, day: string | null, empty = "—"): string {
  return day ? format.dateTime(new Date(`${day}T12:00:00Z`), { dateStyle: "medium" }) : empty;
}
