import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { incidents } from "@/db/schema";
import { canTransition, isActive, stampsFor, type IncidentStatus } from "@/lib/devops/incident-status";
import { recordAudit, type AuditActor } from "@/server/platform/audit";
import { DomainError } from "@/server/platform/errors";
import { reopenedResolveDue, resumePatch } from "./clock-shift";
import type { IncidentRow } from "./create-incident";
import { notifyIncident } from "./incident-notify";
import { loadPolicy } from "./sla-policy";
import { addIncidentEvent } from "./timeline";

/** Closing needs the post-incident review: these fields, non-empty. */
export const reviewRequiredFields = ["summary", "rootCause"] as const;

/** 422 listing every missing review field (the API answers one error per field). */
export class ReviewRequiredError extends DomainError {
  constructor(readonly fields: string[]) {
    super("validation_failed", "incidentReviewRequired", fields[0]);
  }
}

export type TransitionOptions = {
  at: Date;
  actorLabel: string;
  /** A user id not to notify (the one acting). */
  actorUserId?: string | null;
  note?: string | null;
  /** Extra data of the timeline entry (e.g. the alert that resolved it). */
  eventData?: Record<string, unknown>;
};

/**
 * Moves an incident to `to`: validated (409 `incidentInvalidTransition`), closing requires the
 * review (422), lifecycle stamps set (acknowledge stops TTA, resolve stops TTR, reopen clears
 * resolvedAt and moves the resolve deadline by the time spent resolved), a paused incident
 * leaving the active statuses is resumed first. Timeline, audit `incident.status_changed`,
 * `devops.incident.updated` to the opener and the assignee. No permission check (callers do).
 */
export async function applyTransition(
  tx: Executor,
  actor: AuditActor,
  incident: IncidentRow,
  to: IncidentStatus,
  options: TransitionOptions,
): Promise<IncidentRow> {
  const from = incident.status as IncidentStatus;
  if (!canTransition(from, to)) throw new DomainError("conflict", "incidentInvalidTransition", "status");
  if (to === "closed") {
    const missing = reviewRequiredFields.filter((f) => !incident[f]?.trim());
    if (missing.length > 0) throw new ReviewRequiredError([...missing]);
  }
  const needsPolicy = incident.pausedAt || (from === "resolved" && to === "investigating");
  const policy = needsPolicy ? await loadPolicy(tx, incident.slaPolicyId) : null;
  const calendar = policy?.calendar ?? null;
  let current = incident;
  const resumed = incident.pausedAt && !isActive(to) ? resumePatch(incident, options.at, calendar) : null;
  if (resumed) current = { ...current, ...resumed.patch };
  const stamps = stampsFor(current, from, to, options.at);
  const resolveDueAt =
    from === "resolved" && to === "investigating" ? reopenedResolveDue(current, options.at, calendar) : current.resolveDueAt;

  const [updated] = await tx
    .update(incidents)
    .set({ ...resumed?.patch, ...stamps, resolveDueAt, status: to, updatedAt: options.at })
    .where(and(eq(incidents.id, incident.id), eq(incidents.status, from)))
    .returning();
  if (!updated) throw new DomainError("conflict", "incidentChanged", "status");

  if (resumed) {
    await addIncidentEvent(tx, incident.id, {
      kind: "resume",
      actorLabel: options.actorLabel,
      data: { pausedSeconds: resumed.pausedSeconds, automatic: true },
      at: options.at,
    });
  }
  await addIncidentEvent(tx, incident.id, {
    kind: "status",
    actorLabel: options.actorLabel,
    body: options.note ?? null,
    data: { from, to, ...options.eventData },
    at: options.at,
  });
  await recordAudit(tx, {
    actor,
    action: "incident.status_changed",
    entityType: "incident",
    entityId: incident.id,
    changes: {
      status: { old: from, new: to },
      ...Object.fromEntries(
        Object.entries(stamps).map(([k, v]) => [
          k,
          { old: (incident as Record<string, unknown>)[k] ?? null, new: v?.toISOString() ?? null },
        ]),
      ),
    },
  });
  const recipients = new Set([incident.openedById, incident.assigneeId].filter((id): id is string => !!id));
  if (options.actorUserId) recipients.delete(options.actorUserId);
  for (const userId of recipients) {
    await notifyIncident(tx, updated, {
      to: { userId },
      kind: "devops.incident.updated",
      message: "devops.incident.updated",
      params: { from, to, by: options.actorLabel },
      at: options.at,
    });
  }
  return updated;
}
