import type { ServerFormValues } from "@/lib/validation/server-form";
import type { ServerDto } from "@/server/devops/servers/server-dto";

/** The form's text values for a new server or an existing one. */
export function serverFormValues(s?: ServerDto): ServerFormValues {
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));
  return {
    hostname: text(s?.hostname),
    addresses: s?.addresses.join(" ") ?? "",
    kind: s?.kind ?? "vm",
    location: text(s?.location),
    country: s?.country ?? "DZ",
    os: text(s?.os),
    cpuCores: text(s?.cpuCores),
    memoryMb: text(s?.memoryMb),
    diskGb: text(s?.diskGb),
    environment: s?.environment ?? "production",
    role: text(s?.role),
    tags: s?.tags.join(" ") ?? "",
    team: text(s?.team),
    criticality: s?.criticality ?? "medium",
    notes: text(s?.notes),
    heartbeatSeconds: text(s?.heartbeatSeconds ?? 60),
    missedHeartbeats: text(s?.missedHeartbeats ?? 3),
  };
}
