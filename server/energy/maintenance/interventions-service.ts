import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { equipment, interventions, sites } from "@/db/schema";
import { interventionInputSchema, type InterventionInput, type InterventionFormInput } from "@/lib/validation/maintenance";
import { checklistLines } from "@/lib/validation/maintenance";
import { actorLabel, assertCan, type Actor } from "@/server/auth/actor";
import { wallTimeToDate } from "@/server/energy/equipment/dates";
import { diff, recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import { emitEvent } from "@/server/platform/webhooks/emit";
import { assertAssignable } from "./assignee";
import {
  auditSnapshot,
  selectInterventions,
  toInterventionDto,
  type InterventionDto,
  type InterventionRow,
  type Part,
} from "./intervention-dto";
import { notifyAssigned } from "./intervention-notify";
import { nextReference } from "./reference";
import { safeZone } from "./site-time";

export type { InterventionDto } from "./intervention-dto";

/**
 * A past or current state written by the demo seed with explicit dates, through the same
 * insert as every intervention (see `seedIntervention`).
 */
export type InterventionHistory = {
  createdAt: Date;
  status: "planned" | "in_progress" | "done" | "cancelled";
  startedAt?: Date;
  completedAt?: Date;
  report?: { actions: string; parts: Part[]; timeSpentMinutes: number; checklist: boolean[] };
  cancelReason?: string;
};

/** The joined DTO of one intervention, unscoped (callers have checked access). */
export async function loadInterventionDto(tx: Executor, id: string): Promise<InterventionDto> {
  const [row] = await selectInterventions(tx).where(eq(interventions.id, id)).limit(1);
  if (!row) throw notFound();
  return toInterventionDto(row);
}

function validated(input: InterventionInput) {
  const parsed = interventionInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError("validation_failed", issue.message, issue.path.join(".") || undefined);
  }
  return parsed.data;
}

/**
 * The one insert of an intervention: checks, numbers, inserts (a preventive one at most
 * once per equipment and plan due date: null when it already exists), audits
 * `intervention.created` and emits `maintenance.created`. Notifies the assignee unless
 * `notifyAssignee` is false.
 */
async function insertIntervention(
  tx: Executor,
  actor: Actor,
  input: InterventionInput,
  options: { history?: InterventionHistory; notifyAssignee: boolean },
): Promise<InterventionDto | null> {
  const v = validated(input);
  const [target] = await tx
    .select({ id: equipment.id, siteId: equipment.siteId })
    .from(equipment)
    .where(eq(equipment.id, v.equipmentId))
    .limit(1);
  if (!target) throw new DomainError("validation_failed", "interventionEquipmentNotFound", "equipmentId");
  await assertAssignable(tx, v.assignedTo);
  const h = options.history;
  const createdAt = h?.createdAt ?? new Date();
  const report = h?.status === "done" ? h.report : undefined;
  const [row] = await tx
    .insert(interventions)
    .values({
      reference: await nextReference(tx, createdAt),
      equipmentId: v.equipmentId,
      siteId: target.siteId,
      kind: v.kind,
      source: v.source,
      title: v.title,
      description: v.description || null,
      plannedStart: v.plannedStart,
      plannedDurationMinutes: v.plannedDurationMinutes,
      planDueOn: v.planDueOn ?? null,
      assignedTo: v.assignedTo,
      status: h?.status ?? "planned",
      startedAt: h?.startedAt ?? null,
      completedAt: h?.completedAt ?? null,
      reportActions: report?.actions ?? null,
      reportParts: report ? report.parts : null,
      timeSpentMinutes: report?.timeSpentMinutes ?? null,
      checklist: v.checklist.map((c, i) => ({ label: c.label, done: report?.checklist[i] ?? false })),
      cancelReason: h?.status === "cancelled" ? (h.cancelReason ?? null) : null,
      createdBy: actorLabel(actor),
      createdAt,
      updatedAt: h?.completedAt ?? h?.startedAt ?? createdAt,
    })
    .onConflictDoNothing({
      target: [interventions.equipmentId, interventions.planDueOn],
      where: sql`kind = 'preventive' and plan_due_on is not null`,
    })
    .returning();
  if (!row) return null;
  await recordAudit(tx, {
    actor,
    action: "intervention.created",
    entityType: "intervention",
    entityId: row.id,
    changes: diff({}, auditSnapshot(row)),
  });
  const dto = await loadInterventionDto(tx, row.id);
  await emitEvent(tx, "maintenance.created", dto);
  if (options.notifyAssignee) await notifyAssigned(tx, dto);
  return dto;
}

/**
 * Plans an intervention (`maintenance.write`). `assignedTo` must be an enabled technician
 * (422 on `assignedTo` otherwise); the equipment must exist (422 on `equipmentId`). A
 * preventive intervention with a `planDueOn` that already has one → 409
 * `interventionPlanExists`. The assignee is notified (`intervention.assigned`).
 */
export async function createIntervention(tx: Executor, actor: Actor, input: InterventionInput): Promise<InterventionDto> {
  assertCan(actor, "maintenance.write");
  const dto = await insertIntervention(tx, actor, input, { notifyAssignee: true });
  if (!dto) throw new DomainError("conflict", "interventionPlanExists", "planDueOn");
  return dto;
}

/**
 * The preventive generator's insert: `kind` preventive, `source` plan, one per equipment
 * and due date — null (and nothing written) when that due date already has its intervention.
 */
export async function createPlannedPreventive(
  tx: Executor,
  actor: Actor,
  input: Omit<InterventionInput, "kind" | "source" | "planDueOn"> & { planDueOn: string },
): Promise<InterventionDto | null> {
  assertCan(actor, "maintenance.write");
  return insertIntervention(tx, actor, { ...input, kind: "preventive", source: "plan" }, { notifyAssignee: true });
}

/**
 * Demo seed only: an intervention in a past or current state with explicit dates, through
 * the same checks, numbering, insert and audit as `createIntervention`. Only interventions
 * still planned from `notifyFrom` on notify their assignee (history notifies no one).
 */
export async function seedIntervention(
  tx: Executor,
  actor: Actor,
  input: InterventionInput,
  history: InterventionHistory,
  notifyFrom: Date,
): Promise<InterventionDto | null> {
  assertCan(actor, "maintenance.write");
  const notifyAssignee = history.status === "planned" && input.plannedStart >= notifyFrom;
  return insertIntervention(tx, actor, input, { history, notifyAssignee });
}

/**
 * The planning form's create: the planned start is a wall-clock time in the equipment's
 * site zone, the checklist one item per line.
 */
export async function createInterventionFromForm(
  tx: Executor,
  actor: Actor,
  form: Omit<InterventionFormInput, "plannedDurationMinutes"> & { plannedDurationMinutes: number },
): Promise<InterventionDto> {
  assertCan(actor, "maintenance.write");
  const [site] = await tx
    .select({ timezone: sites.timezone })
    .from(equipment)
    .innerJoin(sites, eq(equipment.siteId, sites.id))
    .where(eq(equipment.id, form.equipmentId))
    .limit(1);
  if (!site) throw new DomainError("validation_failed", "interventionEquipmentNotFound", "equipmentId");
  const plannedStart = wallTimeToDate(form.plannedStartLocal, safeZone(site.timezone));
  if (!plannedStart) throw new DomainError("validation_failed", "plannedStartInvalid", "plannedStartLocal");
  return createIntervention(tx, actor, {
    equipmentId: form.equipmentId,
    kind: form.kind,
    title: form.title,
    description: form.description || null,
    plannedStart,
    plannedDurationMinutes: form.plannedDurationMinutes,
    assignedTo: form.assignedTo || null,
    checklist: checklistLines(form.checklistText).map((label) => ({ label })),
  });
}

export type { InterventionRow };
