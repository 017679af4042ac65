import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { interventions, sites } from "@/db/schema";
import type { Report, UpdateInterventionInput } from "@/lib/validation/maintenance";
import { can, type Actor } from "@/server/auth/actor";
import { dayIn } from "@/server/energy/equipment/dates";
import { recordService } from "@/server/energy/equipment/plan";
import { diff, recordAudit } from "@/server/platform/audit";
import { DomainError, forbiddenError, notFound } from "@/server/platform/errors";
import { emitEvent } from "@/server/platform/webhooks/emit";
import { assertAssignable } from "./assignee";
import { auditSnapshot, type InterventionDto, type InterventionRow } from "./intervention-dto";
import { notifyAssigned } from "./intervention-notify";
import { loadInterventionDto } from "./interventions-service";
import { canManage, readScope, scopeCondition } from "./scope";
import { safeZone } from "./site-time";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Patch = Partial<typeof interventions.$inferInsert>;

/** Writes a patch, audits `action` with the changed fields, returns the new row. */
async function apply(tx: Executor, actor: Actor, before: InterventionRow, patch: Patch, action: string): Promise<InterventionRow> {
  const [after] = await tx.update(interventions).set(patch).where(eq(interventions.id, before.id)).returning();
  if (!after) throw notFound();
  await recordAudit(tx, {
    actor,
    action,
    entityType: "intervention",
    entityId: before.id,
    changes: diff(auditSnapshot(before), auditSnapshot(after)),
  });
  return after;
}

/** The assignee (a technician acting on their own) or a manager. */
function assertWorker(actor: Actor, row: InterventionRow) {
  const assignee = actor.kind === "user" && row.assignedTo === actor.id && can(actor, "interventions.assigned");
  if (!assignee && !canManage(actor)) throw forbiddenError();
}

function assertManager(actor: Actor) {
  if (!canManage(actor)) throw forbiddenError();
}

async function start(tx: Executor, actor: Actor, row: InterventionRow) {
  assertWorker(actor, row);
  if (row.status !== "planned") throw new DomainError("conflict", "interventionNotPlanned");
  return apply(tx, actor, row, { status: "in_progress", startedAt: new Date() }, "intervention.started");
}

async function finish(tx: Executor, actor: Actor, row: InterventionRow, report: Report) {
  assertWorker(actor, row);
  if (row.status !== "in_progress") throw new DomainError("conflict", "interventionNotInProgress");
  const checklist = row.checklist ?? [];
  if (report.checklist.length !== checklist.length) throw new DomainError("validation_failed", "checklistMismatch", "report.checklist");
  const completedAt = new Date();
  const after = await apply(
    tx,
    actor,
    row,
    {
      status: "done",
      completedAt,
      reportActions: report.actions,
      reportParts: report.parts,
      timeSpentMinutes: report.timeSpentMinutes,
      checklist: checklist.map((item, i) => ({ label: item.label, done: report.checklist[i] ?? false })),
    },
    "intervention.completed",
  );
  if (after.kind === "preventive") {
    const [site] = await tx.select({ timezone: sites.timezone }).from(sites).where(eq(sites.id, after.siteId)).limit(1);
    await recordService(tx, after.equipmentId, dayIn(completedAt, safeZone(site?.timezone)), actor);
  }
  return after;
}

async function cancel(tx: Executor, actor: Actor, row: InterventionRow, reason: string) {
  assertManager(actor);
  if (row.status !== "planned" && row.status !== "in_progress") throw new DomainError("conflict", "interventionClosed");
  return apply(tx, actor, row, { status: "cancelled", cancelReason: reason }, "intervention.cancelled");
}

/** Reschedule and/or reassign a planned intervention; a new schedule may be reported overdue again. */
async function edit(tx: Executor, actor: Actor, row: InterventionRow, input: UpdateInterventionInput) {
  assertManager(actor);
  if (row.status !== "planned") throw new DomainError("conflict", "interventionNotPlanned");
  if (input.assignedTo !== undefined) await assertAssignable(tx, input.assignedTo);
  const patch: Patch = {};
  if (input.plannedStart !== undefined) patch.plannedStart = input.plannedStart;
  if (input.plannedDurationMinutes !== undefined) patch.plannedDurationMinutes = input.plannedDurationMinutes;
  if (input.assignedTo !== undefined) patch.assignedTo = input.assignedTo;
  const rescheduled =
    (patch.plannedStart !== undefined && patch.plannedStart.getTime() !== row.plannedStart.getTime()) ||
    (patch.plannedDurationMinutes !== undefined && patch.plannedDurationMinutes !== row.plannedDurationMinutes);
  const reassigned = patch.assignedTo !== undefined && patch.assignedTo !== row.assignedTo;
  if (rescheduled) patch.overdueNotifiedAt = null;
  const action = rescheduled && reassigned ? "intervention.updated" : reassigned ? "intervention.reassigned" : "intervention.rescheduled";
  const after = await apply(tx, actor, row, patch, action);
  return { after, reassigned };
}

/**
 * PATCH of an intervention: start (assignee or manager; planned only), finish with the
 * report (assignee or manager; in progress only; a preventive one records the service on
 * its equipment), cancel with a reason (manager; not once done or cancelled), reschedule or
 * reassign (manager; planned only). A technician reaches only their own (404 otherwise);
 * a transition from the wrong status → 409 with a message key. Emits
 * `intervention.completed` when done; notifies a new assignee.
 */
export async function updateIntervention(tx: Executor, actor: Actor, id: string, input: UpdateInterventionInput): Promise<InterventionDto> {
  const scope = readScope(actor);
  if (!uuidPattern.test(id)) throw notFound();
  const [row] = await tx
    .select()
    .from(interventions)
    .where(and(eq(interventions.id, id), scopeCondition(scope)))
    .limit(1)
    .for("update");
  if (!row) throw notFound();
  if (input.status === "in_progress") await start(tx, actor, row);
  else if (input.status === "done") {
    if (!input.report) throw new DomainError("validation_failed", "reportActionsRequired", "report");
    await finish(tx, actor, row, input.report);
  } else if (input.status === "cancelled") {
    if (!input.reason) throw new DomainError("validation_failed", "cancelReasonRequired", "reason");
    await cancel(tx, actor, row, input.reason);
  } else {
    const { reassigned } = await edit(tx, actor, row, input);
    const dto = await loadInterventionDto(tx, id);
    if (reassigned) await notifyAssigned(tx, dto);
    return dto;
  }
  const dto = await loadInterventionDto(tx, id);
  if (dto.status === "done") await emitEvent(tx, "intervention.completed", dto);
  return dto;
}
