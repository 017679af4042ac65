import "server-only";
import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { equipment, faultReports, interventions } from "@/db/schema";
import { planIntervalMax, type CreateEquipment, type PlanKind, type UpdateEquipment } from "@/lib/validation/equipment";
import { assertCan, type Actor } from "@/server/auth/actor";
import { diff, recordAudit } from "@/server/platform/audit";
import { DomainError, forbiddenError, notFound } from "@/server/platform/errors";
import { dayIn } from "./dates";
import { auditSnapshot, type EquipmentDto } from "./dto";
import { raiseFailureAlarm } from "./equipment-alarm";
import { assertSerialFree, assertSiteUsable, loadEquipmentDto } from "./equipment-rules";
import { changeEquipmentState } from "./equipment-state";
import { computeNextDue } from "./plan";

/** A fresh label token: 24 random bytes, base64url (32 characters). */
export function newQrToken(): string {
  return randomBytes(24).toString("base64url");
}

const hoursText = (value: number | null | undefined) => (value === null || value === undefined ? null : value.toFixed(1));

/**
 * Registers equipment on a usable site (`equipment.write`): serial unique on the site, a
 * new QR token, the next due date from the plan. Audited as `equipment.created`; created
 * already `failed`, it raises the alarm.
 */
export async function createEquipment(tx: Executor, actor: Actor, input: CreateEquipment): Promise<EquipmentDto> {
  assertCan(actor, "equipment.write");
  await assertSiteUsable(tx, input.siteId);
  const serialNumber = input.serialNumber ?? null;
  await assertSerialFree(tx, input.siteId, serialNumber);
  const values = {
    siteId: input.siteId,
    name: input.name.normalize("NFC"),
    type: input.type,
    serialNumber,
    manufacturer: input.manufacturer ?? null,
    model: input.model ?? null,
    commissionedOn: input.commissionedOn ?? null,
    state: input.state,
    criticality: input.criticality,
    planKind: input.planKind ?? null,
    planInterval: input.planKind ? (input.planInterval ?? null) : null,
    operatingHours: hoursText(input.operatingHours ?? 0) ?? "0",
    hoursAtLastService: hoursText(input.hoursAtLastService),
    lastServiceOn: input.lastServiceOn ?? null,
    nextDueOn: null as string | null,
    qrToken: newQrToken(),
  };
  values.nextDueOn = computeNextDue(values, dayIn());
  const [row] = await tx.insert(equipment).values(values).returning();
  if (!row) throw new Error("insert returned nothing");
  await recordAudit(tx, {
    actor,
    action: "equipment.created",
    entityType: "equipment",
    entityId: row.id,
    changes: diff({}, { ...auditSnapshot(row), state: row.state }),
  });
  const dto = await loadEquipmentDto(tx, row.id);
  if (row.state === "failed") await raiseFailureAlarm(tx, dto, null, null);
  return dto;
}

const planFields = ["planKind", "planInterval", "operatingHours", "hoursAtLastService", "lastServiceOn", "commissionedOn"] as const;

/**
 * A partial change (`equipment.write`), audited as `equipment.updated` with the fields that
 * changed. The next due date is recomputed when a plan input changes (kind, interval,
 * counter, last service, commissioning). A `state` in the input goes through
 * changeEquipmentState (its own audit row; failed raises the alarm).
 */
export async function updateEquipment(tx: Executor, actor: Actor, id: string, input: UpdateEquipment): Promise<EquipmentDto> {
  assertCan(actor, "equipment.write");
  const [before] = await tx.select().from(equipment).where(eq(equipment.id, id)).limit(1).for("update");
  if (!before) throw notFound();
  const siteId = input.siteId ?? before.siteId;
  if (input.siteId !== undefined && input.siteId !== before.siteId) await assertSiteUsable(tx, input.siteId);
  const serialNumber = input.serialNumber !== undefined ? input.serialNumber : before.serialNumber;
  if (siteId !== before.siteId || serialNumber !== before.serialNumber) await assertSerialFree(tx, siteId, serialNumber, id);

  const planKind = (input.planKind !== undefined ? input.planKind : before.planKind) as PlanKind | null;
  const planInterval = planKind ? (input.planInterval !== undefined ? input.planInterval : before.planInterval) : null;
  if (planKind && !planInterval) throw new DomainError("validation_failed", "planIntervalRequired", "planInterval");
  if (planKind && planInterval && planInterval > planIntervalMax[planKind]) {
    throw new DomainError("validation_failed", "planIntervalTooLarge", "planInterval");
  }
  const merged = {
    siteId,
    name: input.name?.normalize("NFC") ?? before.name,
    type: input.type ?? before.type,
    serialNumber,
    manufacturer: input.manufacturer !== undefined ? input.manufacturer : before.manufacturer,
    model: input.model !== undefined ? input.model : before.model,
    commissionedOn: input.commissionedOn !== undefined ? input.commissionedOn : before.commissionedOn,
    criticality: input.criticality ?? before.criticality,
    planKind,
    planInterval,
    operatingHours: input.operatingHours !== undefined ? hoursText(input.operatingHours)! : before.operatingHours,
    hoursAtLastService: input.hoursAtLastService !== undefined ? hoursText(input.hoursAtLastService) : before.hoursAtLastService,
    lastServiceOn: input.lastServiceOn !== undefined ? input.lastServiceOn : before.lastServiceOn,
    nextDueOn: before.nextDueOn,
  };
  const planChanged = merged.planKind !== before.planKind || merged.planInterval !== before.planInterval;
  const inputsChanged = planFields.some((k) => String(merged[k]) !== String(before[k]));
  if (inputsChanged) merged.nextDueOn = computeNextDue({ ...merged, nextDueOn: planChanged ? null : before.nextDueOn }, dayIn());

  const [after] = await tx.update(equipment).set(merged).where(eq(equipment.id, id)).returning();
  if (!after) throw notFound();
  const changes = diff(auditSnapshot(before), auditSnapshot(after));
  if (Object.keys(changes).length > 0) {
    await recordAudit(tx, { actor, action: "equipment.updated", entityType: "equipment", entityId: id, changes });
  }
  if (input.state !== undefined) return changeEquipmentState(tx, actor, id, input.state, input.stateReason);
  return loadEquipmentDto(tx, id);
}

/**
 * Deletes equipment that has no history (admins: a user with `equipment.write`; partner
 * keys may not). With interventions or fault reports it answers 409
 * `equipmentHasHistory`: set it out of service instead. Audited as `equipment.deleted`.
 */
export async function deleteEquipment(tx: Executor, actor: Actor, id: string): Promise<void> {
  assertCan(actor, "equipment.write");
  if (actor.kind === "partner") throw forbiddenError();
  const [before] = await tx.select().from(equipment).where(eq(equipment.id, id)).limit(1).for("update");
  if (!before) throw notFound();
  const [works] = await tx.select({ n: count() }).from(interventions).where(eq(interventions.equipmentId, id));
  const [reports] = await tx.select({ n: count() }).from(faultReports).where(eq(faultReports.equipmentId, id));
  if ((works?.n ?? 0) > 0 || (reports?.n ?? 0) > 0) throw new DomainError("conflict", "equipmentHasHistory");
  await tx.delete(equipment).where(eq(equipment.id, id));
  const snapshot = { ...auditSnapshot(before), state: before.state };
  await recordAudit(tx, {
    actor,
    action: "equipment.deleted",
    entityType: "equipment",
    entityId: id,
    changes: Object.fromEntries(Object.entries(snapshot).map(([k, v]) => [k, { old: v, new: null }])),
  });
}
