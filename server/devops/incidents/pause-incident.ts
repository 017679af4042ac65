import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { incidents } from "@/db/schema";
import { isActive, type IncidentStatus } from "@/lib/devops/incident-status";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { DomainError } from "@/server/platform/errors";
import { resumePatch } from "./clock-shift";
import type { IncidentRow } from "./create-incident";
import { loadManagedIncident, openerLabel } from "./incident-access";
import { loadPolicy } from "./sla-policy";
import { addIncidentEvent } from "./timeline";

/**
 * "Waiting on requester" (`incidents.manage`): the SLA clocks stop. Only an active incident
 * (triggered … mitigated) that is not paused already (409).
 */
export async function pauseIncident(
  tx: Executor,
  actor: Actor,
  id: string,
  options: { reason?: string | null; at?: Date } = {},
): Promise<IncidentRow> {
  const at = options.at ?? new Date();
  const incident = await loadManagedIncident(tx, actor, id);
  if (!isActive(incident.status as IncidentStatus)) throw new DomainError("conflict", "incidentNotActive", "paused");
  if (incident.pausedAt) throw new DomainError("conflict", "incidentAlreadyPaused", "paused");
  const [updated] = await tx.update(incidents).set({ pausedAt: at, updatedAt: at }).where(eq(incidents.id, id)).returning();
  await addIncidentEvent(tx, id, { kind: "pause", actorLabel: openerLabel(actor), body: options.reason ?? null, at });
  await recordAudit(tx, {
    actor,
    action: "incident.paused",
    entityType: "incident",
    entityId: id,
    changes: { pausedAt: { old: null, new: at.toISOString() } },
  });
  return updated!;
}

/**
 * Ends the wait: every open deadline moves by the paused business time, which is added to
 * `paused_seconds` (409 when not paused).
 */
export async function resumeIncident(tx: Executor, actor: Actor, id: string, options: { at?: Date } = {}): Promise<IncidentRow> {
  const at = options.at ?? new Date();
  const incident = await loadManagedIncident(tx, actor, id);
  if (!incident.pausedAt) throw new DomainError("conflict", "incidentNotPaused", "paused");
  const policy = await loadPolicy(tx, incident.slaPolicyId);
  const resumed = resumePatch(incident, at, policy?.calendar ?? null)!;
  const [updated] = await tx
    .update(incidents)
    .set({ ...resumed.patch, updatedAt: at })
    .where(eq(incidents.id, id))
    .returning();
  await addIncidentEvent(tx, id, {
    kind: "resume",
    actorLabel: openerLabel(actor),
    data: { pausedSeconds: resumed.pausedSeconds },
    at,
  });
  await recordAudit(tx, {
    actor,
    action: "incident.resumed",
    entityType: "incident",
    entityId: id,
    changes: {
      pausedAt: { old: incident.pausedAt.toISOString(), new: null },
      pausedSeconds: { old: incident.pausedSeconds, new: resumed.patch.pausedSeconds },
      ackDueAt: { old: incident.ackDueAt?.toISOString() ?? null, new: resumed.patch.ackDueAt?.toISOString() ?? null },
      resolveDueAt: { old: incident.resolveDueAt?.toISOString() ?? null, new: resumed.patch.resolveDueAt?.toISOString() ?? null },
    },
  });
  return updated!;
}
