import "server-only";
import type { Executor } from "@/db/client";
import { incidentEvents } from "@/db/schema";

/** Timeline entry kinds (incident_events.kind). */
export type IncidentEventKind =
  | "status"
  | "comment"
  | "alert"
  | "notification"
  | "assignment"
  | "pause"
  | "resume"
  | "sla_warning"
  | "sla_breach"
  | "review"
  | "severity"
  | "servers";

export async function addIncidentEvent(
  tx: Executor,
  incidentId: string,
  event: { kind: IncidentEventKind; actorLabel: string; body?: string | null; data?: Record<string, unknown>; at: Date },
): Promise<void> {
  await tx.insert(incidentEvents).values({
    incidentId,
    kind: event.kind,
    actorLabel: event.actorLabel,
    body: event.body ?? null,
    data: event.data ?? {},
    at: event.at,
  });
}
