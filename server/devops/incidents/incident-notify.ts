import "server-only";
import type { Executor } from "@/db/client";
import { notify } from "@/server/platform/notifications/notify";
import { addIncidentEvent } from "./timeline";

export const incidentLink = (id: string) => `/devops/incidents/${id}`;
export const incidentRef = (number: number) => `INC-${String(number).padStart(6, "0")}`;

type IncidentRef = { id: string; number: number; title: string; severity: string; status: string };
type Recipient = { role: "devops" } | { userId: string };

/**
 * Sends one incident notification (`devops.incident.*` or `devops.sla.*`) and records it on
 * the timeline (kind `notification`, with the kind and the audience), in the caller's transaction.
 */
export async function notifyIncident(
  tx: Executor,
  incident: IncidentRef,
  input: { to: Recipient; kind: string; message: string; params?: Record<string, string | number>; at: Date },
): Promise<void> {
  await notify(tx, {
    to: input.to,
    kind: input.kind,
    titleKey: `notifications.messages.${input.message}.title`,
    bodyKey: `notifications.messages.${input.message}.body`,
    params: {
      ref: incidentRef(incident.number),
      title: incident.title,
      severity: incident.severity,
      status: incident.status,
      ...input.params,
    },
    link: incidentLink(incident.id),
  });
  await addIncidentEvent(tx, incident.id, {
    kind: "notification",
    actorLabel: "system",
    data: { kind: input.kind, to: "role" in input.to ? { role: input.to.role } : { userId: input.to.userId } },
    at: input.at,
  });
}
