import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { incidents, users } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { DomainError } from "@/server/platform/errors";
import { isUuid } from "@/server/platform/ids";
import type { IncidentRow } from "./create-incident";
import { loadManagedIncident, openerLabel } from "./incident-access";
import { notifyIncident } from "./incident-notify";
import { addIncidentEvent } from "./timeline";

/** Roles an incident can be assigned to. */
export const assigneeRoles = ["admin", "devops"] as const;

/**
 * Assigns (or unassigns with null) an incident (`incidents.manage`). The assignee must be an
 * enabled admin or devops account (422 `incidentAssigneeInvalid`); they are notified
 * (`devops.incident.assigned`) unless they assigned themselves.
 */
export async function assignIncident(
  tx: Executor,
  actor: Actor,
  id: string,
  assigneeId: string | null,
  options: { at?: Date } = {},
): Promise<IncidentRow> {
  const at = options.at ?? new Date();
  const incident = await loadManagedIncident(tx, actor, id);
  if (incident.assigneeId === assigneeId) return incident;
  let assignee: { id: string; name: string; email: string } | null = null;
  if (assigneeId) {
    if (!isUuid(assigneeId)) throw new DomainError("validation_failed", "incidentAssigneeInvalid", "assigneeId");
    const [row] = await tx
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(and(eq(users.id, assigneeId), inArray(users.role, [...assigneeRoles]), eq(users.disabled, false)))
      .limit(1);
    if (!row) throw new DomainError("validation_failed", "incidentAssigneeInvalid", "assigneeId");
    assignee = row;
  }
  const [updated] = await tx.update(incidents).set({ assigneeId, updatedAt: at }).where(eq(incidents.id, id)).returning();
  if (!updated) throw new Error("incident vanished");
  await addIncidentEvent(tx, id, {
    kind: "assignment",
    actorLabel: openerLabel(actor),
    data: { from: incident.assigneeId, to: assigneeId, assignee: assignee ? assignee.name || assignee.email : null },
    at,
  });
  await recordAudit(tx, {
    actor,
    action: "incident.assigned",
    entityType: "incident",
    entityId: id,
    changes: { assigneeId: { old: incident.assigneeId, new: assigneeId } },
  });
  if (assignee && !(actor.kind === "user" && actor.id === assignee.id)) {
    await notifyIncident(tx, updated, {
      to: { userId: assignee.id },
      kind: "devops.incident.assigned",
      message: "devops.incident.assigned",
      params: { by: openerLabel(actor) },
      at,
    });
  }
  return updated;
}
