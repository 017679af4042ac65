import "server-only";
import type { Executor } from "@/db/client";
import type { IncidentStatus } from "@/lib/devops/incident-status";
import type { Actor } from "@/server/auth/actor";
import { applyTransition } from "./apply-transition";
import type { IncidentRow } from "./create-incident";
import { loadManagedIncident, openerLabel } from "./incident-access";

/**
 * A manager (`incidents.manage`) moves an incident along its lifecycle: invalid moves 409,
 * closing without the review 422 (see applyTransition).
 */
export async function transitionIncident(
  tx: Executor,
  actor: Actor,
  id: string,
  to: IncidentStatus,
  options: { note?: string | null; at?: Date } = {},
): Promise<IncidentRow> {
  const incident = await loadManagedIncident(tx, actor, id);
  return applyTransition(tx, actor, incident, to, {
    at: options.at ?? new Date(),
    actorLabel: openerLabel(actor),
    actorUserId: actor.kind === "user" ? actor.id : null,
    note: options.note ?? null,
  });
}
