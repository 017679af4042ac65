import "server-only";
import type { Executor } from "@/db/client";
import { incidentServers, incidents } from "@/db/schema";
import { addBusinessSeconds } from "@/lib/devops/business-time";
import type { Severity } from "@/lib/devops/severity";
import type { AuditActor } from "@/server/platform/audit";
import { recordAudit } from "@/server/platform/audit";
import { notifyIncident } from "./incident-notify";
import { pickPolicy, targetSeconds } from "./sla-policy";
import { addIncidentEvent } from "./timeline";

export type IncidentRow = typeof incidents.$inferSelect;

export type NewIncident = {
  title: string;
  description: string;
  severity: Severity;
  /** Existing server ids (checked by the caller). */
  serverIds: string[];
  source: "ui" | "api" | "alert" | "alertmanager";
  openedById: string | null;
  openedByLabel: string;
  at: Date;
  /** Extra data of the opening timeline entry (e.g. the alert). */
  eventData?: Record<string, unknown>;
};

/**
 * Inserts a triggered incident with its SLA deadlines snapshotted in business time on the
 * picked policy's calendar, its servers, the opening timeline entry, the audit row
 * `incident.opened` and the `devops.incident.opened` notification to the devops role.
 * No permission check: callers (openIncident, openIncidentFromAlert) do it.
 */
export async function createIncident(tx: Executor, actor: AuditActor, input: NewIncident): Promise<IncidentRow> {
  const policy = await pickPolicy(tx, input.serverIds);
  const targets = policy ? targetSeconds(policy, input.severity) : null;
  const [row] = await tx
    .insert(incidents)
    .values({
      title: input.title,
      description: input.description,
      severity: input.severity,
      status: "triggered",
      source: input.source,
      openedById: input.openedById,
      openedByLabel: input.openedByLabel,
      slaPolicyId: policy?.id ?? null,
      ackDueAt: policy && targets?.ack ? addBusinessSeconds(input.at, targets.ack, policy.calendar) : null,
      resolveDueAt: policy && targets?.resolve ? addBusinessSeconds(input.at, targets.resolve, policy.calendar) : null,
      createdAt: input.at,
      updatedAt: input.at,
    })
    .returning();
  if (!row) throw new Error("incident insert returned nothing");
  const serverIds = [...new Set(input.serverIds)];
  if (serverIds.length > 0) {
    await tx.insert(incidentServers).values(serverIds.map((serverId) => ({ incidentId: row.id, serverId })));
  }
  await addIncidentEvent(tx, row.id, {
    kind: "status",
    actorLabel: input.openedByLabel,
    data: { from: null, to: "triggered", source: input.source, policy: policy?.name ?? null, ...input.eventData },
    at: input.at,
  });
  await recordAudit(tx, {
    actor,
    action: "incident.opened",
    entityType: "incident",
    entityId: row.id,
    changes: {
      title: { old: null, new: row.title },
      severity: { old: null, new: row.severity },
      source: { old: null, new: row.source },
      serverIds: { old: null, new: serverIds },
      ackDueAt: { old: null, new: row.ackDueAt?.toISOString() ?? null },
      resolveDueAt: { old: null, new: row.resolveDueAt?.toISOString() ?? null },
    },
  });
  await notifyIncident(tx, row, {
    to: { role: "devops" },
    kind: "devops.incident.opened",
    message: "devops.incident.opened",
    params: { by: input.openedByLabel },
    at: input.at,
  });
  return row;
}
