import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { incidents } from "@/db/schema";
import { isActive, type IncidentStatus } from "@/lib/devops/incident-status";
import type { Severity } from "@/lib/devops/severity";
import type { Actor } from "@/server/auth/actor";
import { applyTransition } from "./apply-transition";
import { createIncident } from "./create-incident";
import { addIncidentEvent } from "./timeline";

/** Who opens and resolves incidents from alerts in the audit trail and the timeline. */
export const alertsIncidentActor: Actor = { kind: "system", id: "devops.alerts" };
const label = (alertName: string) => `alert:${alertName}`;

/**
 * Opens an incident for a firing alert (metric rule or Alertmanager): source `alert` or
 * `alertmanager`, SLA policy from the first server's country, timeline entry with the alert,
 * `devops.incident.opened` to the devops role. The caller links the alert instance to it.
 */
export async function openIncidentFromAlert(
  tx: Executor,
  input: {
    title: string;
    description: string;
    severity: Severity;
    serverIds: string[];
    source: "alert" | "alertmanager";
    alertInstanceId: string;
    alertName: string;
    at?: Date;
  },
): Promise<{ id: string; number: number }> {
  const at = input.at ?? new Date();
  const row = await createIncident(tx, alertsIncidentActor, {
    title: input.title,
    description: input.description,
    severity: input.severity,
    serverIds: input.serverIds,
    source: input.source,
    openedById: null,
    openedByLabel: label(input.alertName),
    at,
    eventData: { alertInstanceId: input.alertInstanceId, alertName: input.alertName },
  });
  await addIncidentEvent(tx, row.id, {
    kind: "alert",
    actorLabel: label(input.alertName),
    data: { alertName: input.alertName, state: "firing", alertInstanceId: input.alertInstanceId },
    at,
  });
  return { id: row.id, number: row.number };
}

/**
 * The alert behind an incident resolved: a still-active incident moves to `resolved` with an
 * "alert resolved" timeline entry. No-op when already resolved, closed or cancelled (or unknown).
 */
export async function resolveIncidentFromAlert(tx: Executor, incidentId: string, input: { alertName: string; at: Date }): Promise<void> {
  const [incident] = await tx.select().from(incidents).where(eq(incidents.id, incidentId)).limit(1).for("update");
  if (!incident || !isActive(incident.status as IncidentStatus)) return;
  await addIncidentEvent(tx, incidentId, {
    kind: "alert",
    actorLabel: label(input.alertName),
    data: { alertName: input.alertName, state: "resolved" },
    at: input.at,
  });
  await applyTransition(tx, alertsIncidentActor, incident, "resolved", {
    at: input.at,
    actorLabel: label(input.alertName),
    eventData: { reason: "alert_resolved", alertName: input.alertName },
  });
}

/** A timeline entry for an alert of the incident firing again or resolving (no status change). */
export async function addAlertEvent(
  tx: Executor,
  incidentId: string,
  input: { alertName: string; state: "firing" | "resolved"; at: Date },
): Promise<void> {
  const [incident] = await tx.select({ id: incidents.id }).from(incidents).where(eq(incidents.id, incidentId)).limit(1);
  if (!incident) return;
  await addIncidentEvent(tx, incidentId, {
    kind: "alert",
    actorLabel: label(input.alertName),
    data: { alertName: input.alertName, state: input.state },
    at: input.at,
  });
}
