import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { contractDeliveryPoints, contracts, deliveryPointMeters, deliveryPoints, meters, sites } from "@/db/schema";
import type { CreateDeliveryPoint, UpdateDeliveryPoint } from "@/lib/validation/clients";
import { assertCan, type Actor } from "@/server/auth/actor";
import { uniqueViolation } from "@/server/energy/sites/unique-violation";
import { diff, recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import { uuidPattern } from "./client-dto";
import { lockClient } from "./clients-service";

type DeliveryPointRow = typeof deliveryPoints.$inferSelect;

const codeTaken = (e: unknown) =>
  uniqueViolation(e, "delivery_points_code_key") ? new DomainError("conflict", "deliveryPointCodeTaken", "code") : e;

function snapshot(row: DeliveryPointRow): Record<string, unknown> {
  return { clientId: row.clientId, code: row.code, siteId: row.siteId, addressLine: row.addressLine, city: row.city, active: row.active };
}

async function assertCodeFree(tx: Executor, code: string, except?: string) {
  const [taken] = await tx
    .select({ id: deliveryPoints.id })
    .from(deliveryPoints)
    .where(sql`lower(${deliveryPoints.code}) = lower(${code})`)
    .limit(1);
  if (taken && taken.id !== except) throw new DomainError("conflict", "deliveryPointCodeTaken", "code");
}

async function assertSiteExists(tx: Executor, siteId: string) {
  const [site] = await tx.select({ id: sites.id }).from(sites).where(eq(sites.id, siteId)).limit(1);
  if (!site) throw new DomainError("validation_failed", "siteUnknown", "siteId");
}

/** The delivery point row, locked; unknown or malformed id → 404. */
export async function lockDeliveryPoint(tx: Executor, id: string): Promise<DeliveryPointRow> {
  if (!uuidPattern.test(id)) throw notFound();
  const [row] = await tx.select().from(deliveryPoints).where(eq(deliveryPoints.id, id)).limit(1).for("update");
  if (!row) throw notFound();
  return row;
}

/** 409 `meterAlreadyLinked` when one of these meters is linked to another active delivery point. */
async function assertMetersFree(tx: Executor, meterIds: string[], deliveryPointId: string) {
  if (meterIds.length === 0) return;
  const [other] = await tx
    .select({ code: deliveryPoints.code })
    .from(deliveryPointMeters)
    .innerJoin(deliveryPoints, eq(deliveryPoints.id, deliveryPointMeters.deliveryPointId))
    .where(
      and(
        inArray(deliveryPointMeters.meterId, meterIds),
        eq(deliveryPoints.active, true),
        ne(deliveryPointMeters.deliveryPointId, deliveryPointId),
      ),
    )
    .limit(1);
  if (other) throw new DomainError("conflict", "meterAlreadyLinked", "meter");
}

/** Creates a delivery point for a client (`clients.write`); its code is unique (any case). Audited. */
export async function createDeliveryPoint(tx: Executor, actor: Actor, input: CreateDeliveryPoint): Promise<DeliveryPointRow> {
  assertCan(actor, "clients.write");
  const client = await lockClient(tx, input.clientId);
  if (client.status === "anonymised" || client.status === "closed") throw new DomainError("conflict", "clientNotOpen");
  if (input.siteId) await assertSiteExists(tx, input.siteId);
  await assertCodeFree(tx, input.code);
  const [row] = await tx
    .insert(deliveryPoints)
    .values({
      clientId: client.id,
      code: input.code,
      siteId: input.siteId ?? null,
      addressLine: input.addressLine ?? null,
      city: input.city ?? null,
    })
    .returning()
    .catch((e: unknown) => {
      throw codeTaken(e);
    });
  if (!row) throw new Error("insert returned nothing");
  await recordAudit(tx, {
    actor,
    action: "delivery_point.created",
    entityType: "delivery_point",
    entityId: row.id,
    changes: diff({}, snapshot(row)),
  });
  return row;
}

/**
 * Edits a delivery point (`clients.write`). Deactivating one still in an active or suspended
 * contract → 409 `deliveryPointInContract`; reactivating one whose meters are now linked
 * elsewhere → 409 `meterAlreadyLinked`. Audited as `delivery_point.updated`.
 */
export async function updateDeliveryPoint(tx: Executor, actor: Actor, id: string, input: UpdateDeliveryPoint): Promise<DeliveryPointRow> {
  assertCan(actor, "clients.write");
  const before = await lockDeliveryPoint(tx, id);
  const patch: Partial<typeof deliveryPoints.$inferInsert> = {};
  if (input.code !== undefined) patch.code = input.code;
  if (input.siteId !== undefined) patch.siteId = input.siteId;
  if (input.addressLine !== undefined) patch.addressLine = input.addressLine;
  if (input.city !== undefined) patch.city = input.city;
  if (input.active !== undefined) patch.active = input.active;
  if (patch.code && patch.code !== before.code) await assertCodeFree(tx, patch.code, id);
  if (patch.siteId && patch.siteId !== before.siteId) await assertSiteExists(tx, patch.siteId);
  if (patch.active === false && before.active) {
    const [inUse] = await tx
      .select({ id: contracts.id })
      .from(contractDeliveryPoints)
      .innerJoin(contracts, eq(contracts.id, contractDeliveryPoints.contractId))
      .where(and(eq(contractDeliveryPoints.deliveryPointId, id), inArray(contracts.status, ["active", "suspended"])))
      .limit(1);
    if (inUse) throw new DomainError("conflict", "deliveryPointInContract");
  }
  if (patch.active === true && !before.active) {
    const linked = await tx
      .select({ meterId: deliveryPointMeters.meterId })
      .from(deliveryPointMeters)
      .where(eq(deliveryPointMeters.deliveryPointId, id));
    await assertMetersFree(
      tx,
      linked.map((l) => l.meterId),
      id,
    );
  }
  const changes = diff(snapshot(before), { ...snapshot(before), ...patch });
  if (Object.keys(changes).length === 0) return before;
  const [after] = await tx
    .update(deliveryPoints)
    .set(patch)
    .where(eq(deliveryPoints.id, id))
    .returning()
    .catch((e: unknown) => {
      throw codeTaken(e);
    });
  if (!after) throw notFound();
  const action = patch.active === false && before.active ? "delivery_point.deactivated" : "delivery_point.updated";
  await recordAudit(tx, { actor, action, entityType: "delivery_point", entityId: id, changes });
  return after;
}

/** Deactivates a delivery point (see updateDeliveryPoint). */
export function deactivateDeliveryPoint(tx: Executor, actor: Actor, id: string): Promise<DeliveryPointRow> {
  return updateDeliveryPoint(tx, actor, id, { active: false });
}

/**
 * Links a meter, named by its id or its code (any case), to an active delivery point
 * (`clients.write`). Unknown meter → 422 `meterUnknown`; a meter already linked to another
 * active delivery point → 409 `meterAlreadyLinked`. Linking twice changes nothing. Audited.
 */
export async function linkMeter(tx: Executor, actor: Actor, deliveryPointId: string, meterRef: string): Promise<{ meterId: string }> {
  assertCan(actor, "clients.write");
  const point = await lockDeliveryPoint(tx, deliveryPointId);
  if (!point.active) throw new DomainError("conflict", "deliveryPointInactive");
  const ref = meterRef.trim();
  const [meter] = await tx
    .select({ id: meters.id, code: meters.code })
    .from(meters)
    .where(uuidPattern.test(ref) ? eq(meters.id, ref) : sql`lower(${meters.code}) = lower(${ref})`)
    .limit(1)
    .for("update");
  if (!meter) throw new DomainError("validation_failed", "meterUnknown", "meter");
  await assertMetersFree(tx, [meter.id], point.id);
  const inserted = await tx
    .insert(deliveryPointMeters)
    .values({ deliveryPointId: point.id, meterId: meter.id })
    .onConflictDoNothing()
    .returning();
  if (inserted.length > 0) {
    await recordAudit(tx, {
      actor,
      action: "delivery_point.meter_linked",
      entityType: "delivery_point",
      entityId: point.id,
      changes: { meter: { old: null, new: meter.code } },
    });
  }
  return { meterId: meter.id };
}

/** Unlinks a meter from a delivery point (`clients.write`); not linked → 404. Audited. */
export async function unlinkMeter(tx: Executor, actor: Actor, deliveryPointId: string, meterId: string): Promise<void> {
  assertCan(actor, "clients.write");
  const point = await lockDeliveryPoint(tx, deliveryPointId);
  if (!uuidPattern.test(meterId)) throw notFound();
  const removed = await tx
    .delete(deliveryPointMeters)
    .where(and(eq(deliveryPointMeters.deliveryPointId, point.id), eq(deliveryPointMeters.meterId, meterId)))
    .returning();
  if (removed.length === 0) throw notFound();
  const [meter] = await tx.select({ code: meters.code }).from(meters).where(eq(meters.id, meterId)).limit(1);
  await recordAudit(tx, {
    actor,
    action: "delivery_point.meter_unlinked",
    entityType: "delivery_point",
    entityId: point.id,
    changes: { meter: { old: meter?.code ?? meterId, new: null } },
  });
}
