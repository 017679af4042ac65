import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { incidents } from "@/db/schema";
import type { ReviewInput } from "@/lib/validation/incidents";
import type { Actor } from "@/server/auth/actor";
import { diff, recordAudit } from "@/server/platform/audit";
import type { IncidentRow } from "./create-incident";
import { loadManagedIncident, openerLabel } from "./incident-access";
import { addIncidentEvent } from "./timeline";

const fields = ["summary", "rootCause", "impact", "followUps"] as const;

/**
 * The post-incident review (`incidents.manage`): summary, root cause, impact, follow-up
 * actions; absent fields are kept, empty ones cleared. Summary and root cause are required to close.
 */
export async function updateReview(
  tx: Executor,
  actor: Actor,
  id: string,
  input: ReviewInput,
  options: { at?: Date } = {},
): Promise<IncidentRow> {
  const at = options.at ?? new Date();
  const incident = await loadManagedIncident(tx, actor, id);
  const patch: Partial<Record<(typeof fields)[number], string | null>> = {};
  for (const f of fields) {
    const v = input[f];
    if (v !== undefined) patch[f] = v === null || v.trim() === "" ? null : v.trim().normalize("NFC");
  }
  const before = Object.fromEntries(fields.map((f) => [f, incident[f]]));
  const changes = diff(before, { ...before, ...patch });
  if (Object.keys(changes).length === 0) return incident;
  const [updated] = await tx
    .update(incidents)
    .set({ ...patch, updatedAt: at })
    .where(eq(incidents.id, id))
    .returning();
  await addIncidentEvent(tx, id, { kind: "review", actorLabel: openerLabel(actor), data: { fields: Object.keys(changes) }, at });
  await recordAudit(tx, { actor, action: "incident.reviewed", entityType: "incident", entityId: id, changes });
  return updated!;
}
