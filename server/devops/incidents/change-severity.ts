import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { incidents } from "@/db/schema";
import { addBusinessSeconds, businessSecondsBetween, type BusinessCalendar } from "@/lib/devops/business-time";
import type { Severity } from "@/lib/devops/severity";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import type { IncidentRow } from "./create-incident";
import { loadManagedIncident, openerLabel } from "./incident-access";
import { loadPolicy, targetSeconds } from "./sla-policy";
import { addIncidentEvent } from "./timeline";

/**
 * A counting deadline re-planned for a new target: the shift it already received (pauses,
 * reopenings) is kept, the target replaced — from the opening, in business time.
 */
function replan(openedAt: Date, due: Date, oldTarget: number, newTarget: number, cal: BusinessCalendar): Date {
  const shift = businessSecondsBetween(addBusinessSeconds(openedAt, oldTarget, cal), due, cal);
  return addBusinessSeconds(openedAt, newTarget + shift, cal);
}

/**
 * Changes the severity (`incidents.manage`). Clocks still counting (not acknowledged / not
 * resolved) get the new severity's targets, keeping time already paused; their warning and
 * breach marks are cleared so that the SLA job judges them again. Stopped clocks stay as they are.
 */
export async function changeSeverity(
  tx: Executor,
  actor: Actor,
  id: string,
  severity: Severity,
  options: { at?: Date } = {},
): Promise<IncidentRow> {
  const at = options.at ?? new Date();
  const incident = await loadManagedIncident(tx, actor, id);
  if (incident.severity === severity) return incident;
  const policy = await loadPolicy(tx, incident.slaPolicyId);
  const patch: Partial<IncidentRow> = { severity, updatedAt: at };
  if (policy) {
    const before = targetSeconds(policy, incident.severity as Severity);
    const after = targetSeconds(policy, severity);
    if (incident.ackDueAt && !incident.acknowledgedAt && after.ack > 0) {
      patch.ackDueAt = replan(incident.createdAt, incident.ackDueAt, before.ack, after.ack, policy.calendar);
      patch.ackWarnedAt = null;
      patch.ackBreachedAt = null;
    }
    if (incident.resolveDueAt && !incident.resolvedAt && after.resolve > 0) {
      patch.resolveDueAt = replan(incident.createdAt, incident.resolveDueAt, before.resolve, after.resolve, policy.calendar);
      patch.resolveWarnedAt = null;
      patch.resolveBreachedAt = null;
    }
  }
  const [updated] = await tx.update(incidents).set(patch).where(eq(incidents.id, id)).returning();
  await addIncidentEvent(tx, id, {
    kind: "severity",
    actorLabel: openerLabel(actor),
    data: { from: incident.severity, to: severity },
    at,
  });
  await recordAudit(tx, {
    actor,
    action: "incident.severity_changed",
    entityType: "incident",
    entityId: id,
    changes: {
      severity: { old: incident.severity, new: severity },
      ...(patch.ackDueAt ? { ackDueAt: { old: incident.ackDueAt?.toISOString() ?? null, new: patch.ackDueAt.toISOString() } } : {}),
      ...(patch.resolveDueAt
        ? { resolveDueAt: { old: incident.resolveDueAt?.toISOString() ?? null, new: patch.resolveDueAt.toISOString() } }
        : {}),
    },
  });
  return updated!;
}
