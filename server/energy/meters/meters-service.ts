import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { meters } from "@/db/schema";
import { canonicalUnits, type CreateMeter, type UpdateMeter } from "@/lib/validation/meters";
import { assertCan, type Actor } from "@/server/auth/actor";
import { uniqueViolation } from "@/server/energy/sites/unique-violation";
import { diff, recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import { meterSnapshot, type MeterDto, type MeterRow } from "./meter-dto";
import { assertEquipmentOnSite, assertMeterCodeFree, assertSiteUsable, hasReadings, loadMeterDto, lockMeter } from "./meter-rules";

const codeTaken = (e: unknown) => (uniqueViolation(e, "meters_code_key") ? new DomainError("conflict", "codeTaken", "code") : e);

/**
 * Creates a meter on a usable site (`meters.write`, admins). Its unit follows from the
 * quantity; linked equipment must stand on the same site. A code already used (any case)
 * → 409 `codeTaken`. Audited as `meter.created`.
 */
export async function createMeter(tx: Executor, actor: Actor, input: CreateMeter): Promise<MeterDto> {
  assertCan(actor, "meters.write");
  await assertSiteUsable(tx, input.siteId);
  if (input.equipmentId) await assertEquipmentOnSite(tx, input.equipmentId, input.siteId);
  await assertMeterCodeFree(tx, input.code);
  const cumulative = input.register === "cumulative";
  const [row] = await tx
    .insert(meters)
    .values({
      siteId: input.siteId,
      equipmentId: input.equipmentId ?? null,
      code: input.code,
      name: input.name.normalize("NFC"),
      kind: input.kind,
      quantity: input.quantity,
      unit: canonicalUnits[input.quantity],
      carrier: input.carrier,
      intervalMinutes: input.intervalMinutes,
      register: input.register,
      rolloverAt: cumulative ? (input.rolloverAt ?? null) : null,
      jitterTolerance: cumulative ? input.jitterTolerance : 0,
    })
    .returning()
    .catch((e: unknown) => {
      throw codeTaken(e);
    });
  if (!row) throw new Error("insert returned nothing");
  await recordAudit(tx, { actor, action: "meter.created", entityType: "meter", entityId: row.id, changes: diff({}, meterSnapshot(row)) });
  return loadMeterDto(tx, row.id);
}

/** Fields that give meaning to stored readings: fixed once the meter has any. */
const structural = ["siteId", "quantity", "register", "intervalMinutes"] as const;

function merge(before: MeterRow, input: UpdateMeter): Partial<typeof meters.$inferInsert> {
  const quantity = input.quantity ?? (before.quantity as CreateMeter["quantity"]);
  const register = input.register ?? before.register;
  const cumulative = register === "cumulative";
  return {
    siteId: input.siteId ?? before.siteId,
    equipmentId: input.equipmentId !== undefined ? input.equipmentId : before.equipmentId,
    code: input.code ?? before.code,
    name: input.name?.normalize("NFC") ?? before.name,
    kind: input.kind ?? before.kind,
    quantity,
    unit: canonicalUnits[quantity],
    carrier: input.carrier ?? before.carrier,
    intervalMinutes: input.intervalMinutes ?? before.intervalMinutes,
    register,
    rolloverAt: cumulative ? (input.rolloverAt !== undefined ? input.rolloverAt : before.rolloverAt) : null,
    jitterTolerance: cumulative ? (input.jitterTolerance ?? before.jitterTolerance) : 0,
    active: input.active ?? before.active,
  };
}

/**
 * A partial edit (`meters.write`), audited as `meter.updated` with the changed fields.
 * Site, quantity, register and interval are fixed once readings exist (409
 * `meterHasReadings`); a power meter cannot be cumulative (422 on `register`).
 */
export async function updateMeter(tx: Executor, actor: Actor, id: string, input: UpdateMeter): Promise<MeterDto> {
  assertCan(actor, "meters.write");
  const before = await lockMeter(tx, id);
  const patch = merge(before, input);
  if (patch.quantity === "power" && patch.register === "cumulative") {
    throw new DomainError("validation_failed", "meterRegisterPower", "register");
  }
  const moved = structural.filter((k) => patch[k] !== before[k]);
  if (moved.length > 0 && (await hasReadings(tx, id))) throw new DomainError("conflict", "meterHasReadings", moved[0]);
  if (patch.siteId !== before.siteId) await assertSiteUsable(tx, patch.siteId!);
  if (patch.equipmentId && (patch.equipmentId !== before.equipmentId || patch.siteId !== before.siteId)) {
    await assertEquipmentOnSite(tx, patch.equipmentId, patch.siteId!);
  }
  if (patch.code !== before.code) await assertMeterCodeFree(tx, patch.code!, id);
  const changes = diff(meterSnapshot(before), { ...meterSnapshot(before), ...patch });
  if (Object.keys(changes).length === 0) return loadMeterDto(tx, id);
  const [after] = await tx
    .update(meters)
    .set(patch)
    .where(eq(meters.id, id))
    .returning()
    .catch((e: unknown) => {
      throw codeTaken(e);
    });
  if (!after) throw notFound();
  await recordAudit(tx, { actor, action: "meter.updated", entityType: "meter", entityId: id, changes });
  return loadMeterDto(tx, id);
}

/**
 * Deactivates a meter (`meters.write`): its readings stay, new ones are refused
 * (`inactive_meter`). Audited as `meter.deactivated`; an inactive meter is left as is.
 */
export async function deactivateMeter(tx: Executor, actor: Actor, id: string): Promise<MeterDto> {
  assertCan(actor, "meters.write");
  const before = await lockMeter(tx, id);
  if (before.active) {
    await tx.update(meters).set({ active: false }).where(eq(meters.id, id));
    await recordAudit(tx, {
      actor,
      action: "meter.deactivated",
      entityType: "meter",
      entityId: id,
      changes: { active: { old: true, new: false } },
    });
  }
  return loadMeterDto(tx, id);
}
