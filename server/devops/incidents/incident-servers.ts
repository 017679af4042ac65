import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { incidentServers, incidents } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import type { IncidentRow } from "./create-incident";
import { loadManagedIncident, openerLabel } from "./incident-access";
import { assertServersExist } from "./open-incident";
import { addIncidentEvent } from "./timeline";

/**
 * Replaces the servers related to an incident (`incidents.manage`; unknown ids 422). The SLA
 * policy chosen at opening stays: deadlines were snapshotted then.
 */
export async function setIncidentServers(
  tx: Executor,
  actor: Actor,
  id: string,
  serverIds: string[],
  options: { at?: Date } = {},
): Promise<IncidentRow> {
  const at = options.at ?? new Date();
  const incident = await loadManagedIncident(tx, actor, id);
  const ids = await assertServersExist(tx, actor, serverIds);
  const current = (await tx.select({ id: incidentServers.serverId }).from(incidentServers).where(eq(incidentServers.incidentId, id))).map(
    (r) => r.id,
  );
  if (current.length === ids.length && current.every((c) => ids.includes(c))) return incident;
  await tx.delete(incidentServers).where(eq(incidentServers.incidentId, id));
  if (ids.length > 0) await tx.insert(incidentServers).values(ids.map((serverId) => ({ incidentId: id, serverId })));
  const [updated] = await tx.update(incidents).set({ updatedAt: at }).where(eq(incidents.id, id)).returning();
  await addIncidentEvent(tx, id, { kind: "servers", actorLabel: openerLabel(actor), data: { from: current, to: ids }, at });
  await recordAudit(tx, {
    actor,
    action: "incident.servers_changed",
    entityType: "incident",
    entityId: id,
    changes: { serverIds: { old: current, new: ids } },
  });
  return updated!;
}
