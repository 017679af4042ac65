import "server-only";
import type { Executor } from "@/db/client";
import { canTransition, type IncidentStatus } from "@/lib/devops/incident-status";
import type { PatchIncident } from "@/lib/validation/incidents";
import { assertCan, type Actor } from "@/server/auth/actor";
import { ReviewRequiredError, reviewRequiredFields } from "./apply-transition";
import { assignIncident } from "./assign-incident";
import { changeSeverity } from "./change-severity";
import type { IncidentRow } from "./create-incident";
import { loadManagedIncident } from "./incident-access";
import { setIncidentServers } from "./incident-servers";
import { pauseIncident, resumeIncident } from "./pause-incident";
import { updateReview } from "./review-incident";
import { transitionIncident } from "./transition-incident";

/**
 * PATCH of an incident (`incidents.manage`), in this order so that one call can fill the
 * review and close: review → severity → servers → assignee → pause/resume → status. Each
 * step is its own service (timeline + audit); all in the caller's transaction.
 */
export async function updateIncident(
  tx: Executor,
  actor: Actor,
  id: string,
  input: PatchIncident,
  options: { at?: Date } = {},
): Promise<IncidentRow> {
  assertCan(actor, "incidents.manage");
  const at = options.at ?? new Date();
  let row = await loadManagedIncident(tx, actor, id);
  const { summary, rootCause, impact, followUps } = input;
  if (input.status === "closed" && canTransition(row.status as IncidentStatus, "closed")) {
    // Checked before any write, so that a refused close leaves nothing half-applied.
    const merged = { ...row, ...Object.fromEntries(Object.entries({ summary, rootCause }).filter(([, v]) => v !== undefined)) };
    const missing = reviewRequiredFields.filter((f) => !(merged[f] as string | null)?.trim());
    if (missing.length > 0) throw new ReviewRequiredError([...missing]);
  }
  if ([summary, rootCause, impact, followUps].some((v) => v !== undefined)) {
    row = await updateReview(tx, actor, id, { summary, rootCause, impact, followUps }, { at });
  }
  if (input.severity !== undefined) row = await changeSeverity(tx, actor, id, input.severity, { at });
  if (input.serverIds !== undefined) row = await setIncidentServers(tx, actor, id, input.serverIds, { at });
  if (input.assigneeId !== undefined) row = await assignIncident(tx, actor, id, input.assigneeId, { at });
  if (input.paused === true && !row.pausedAt) row = await pauseIncident(tx, actor, id, { at, reason: input.note });
  if (input.paused === false && row.pausedAt) row = await resumeIncident(tx, actor, id, { at });
  if (input.status !== undefined && input.status !== row.status) {
    row = await transitionIncident(tx, actor, id, input.status, { at, note: input.note });
  }
  return row;
}
