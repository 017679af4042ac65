import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { incidents } from "@/db/schema";
import { assertCan, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { loadReadableIncident, openerLabel } from "./incident-access";
import { notifyIncident } from "./incident-notify";
import { addIncidentEvent } from "./timeline";

/**
 * A comment on the timeline (`incidents.create`): managers on any incident, others only on
 * incidents they opened (someone else's: 404). The opener and the assignee are told
 * (`devops.incident.updated`), never the author.
 */
export async function commentIncident(
  tx: Executor,
  actor: Actor,
  id: string,
  body: string,
  options: { at?: Date } = {},
): Promise<{ incidentId: string; at: Date }> {
  assertCan(actor, "incidents.create");
  const at = options.at ?? new Date();
  const incident = await loadReadableIncident(tx, actor, id, true);
  const text = body.trim().normalize("NFC");
  await addIncidentEvent(tx, id, { kind: "comment", actorLabel: openerLabel(actor), body: text, at });
  await tx.update(incidents).set({ updatedAt: at }).where(eq(incidents.id, id));
  await recordAudit(tx, {
    actor,
    action: "incident.commented",
    entityType: "incident",
    entityId: id,
    changes: { comment: { old: null, new: text.slice(0, 200) } },
  });
  const recipients = new Set([incident.openedById, incident.assigneeId].filter((u): u is string => !!u));
  if (actor.kind === "user") recipients.delete(actor.id);
  for (const userId of recipients) {
    await notifyIncident(tx, incident, {
      to: { userId },
      kind: "devops.incident.updated",
      message: "devops.incident.commented",
      params: { by: openerLabel(actor) },
      at,
    });
  }
  return { incidentId: id, at };
}
