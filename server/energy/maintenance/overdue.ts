import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { interventions } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { notifyOverdue } from "./intervention-notify";
import { loadInterventionDto } from "./interventions-service";
import { overdueCondition } from "./interventions-query";

/**
 * Reports each open intervention whose planned end is before `now` once: stamps
 * `overdue_notified_at`, audits `intervention.overdue`, notifies the assignee and the
 * admins. Rows another process is handling are skipped (SKIP LOCKED). At most `batch` per
 * call; returns how many were reported.
 */
export async function reportOverdueInterventions(tx: Executor, actor: Actor, now: Date = new Date(), batch = 500): Promise<number> {
  const due = await tx
    .select({ id: interventions.id })
    .from(interventions)
    .where(and(overdueCondition(now), isNull(interventions.overdueNotifiedAt)))
    .orderBy(asc(interventions.plannedStart), asc(interventions.id))
    .limit(batch)
    .for("update", { skipLocked: true });
  for (const { id } of due) {
    await tx.update(interventions).set({ overdueNotifiedAt: now }).where(eq(interventions.id, id));
    await recordAudit(tx, {
      actor,
      action: "intervention.overdue",
      entityType: "intervention",
      entityId: id,
      changes: { overdueNotifiedAt: { old: null, new: now.toISOString() } },
    });
    await notifyOverdue(tx, await loadInterventionDto(tx, id));
  }
  return due.length;
}
