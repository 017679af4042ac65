import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { equipment, meters, readings, sites } from "@/db/schema";
import { DomainError, notFound } from "@/server/platform/errors";
import { meterColumns, toMeterDto, uuidPattern, type MeterDto, type MeterRow } from "./meter-dto";

/** The site a meter is placed on: it must exist (422 `siteUnknown`) and not be decommissioned (422 `meterSiteDecommissioned`). */
export async function assertSiteUsable(tx: Executor, siteId: string): Promise<void> {
  const [site] = await tx.select({ status: sites.status }).from(sites).where(eq(sites.id, siteId)).limit(1);
  if (!site) throw new DomainError("validation_failed", "siteUnknown", "siteId");
  if (site.status === "decommissioned") throw new DomainError("validation_failed", "meterSiteDecommissioned", "siteId");
}

/** Linked equipment must exist (`meterEquipmentUnknown`) and stand on the meter's site (`meterEquipmentOtherSite`), 422. */
export async function assertEquipmentOnSite(tx: Executor, equipmentId: string, siteId: string): Promise<void> {
  const [row] = await tx.select({ siteId: equipment.siteId }).from(equipment).where(eq(equipment.id, equipmentId)).limit(1);
  if (!row) throw new DomainError("validation_failed", "meterEquipmentUnknown", "equipmentId");
  if (row.siteId !== siteId) throw new DomainError("validation_failed", "meterEquipmentOtherSite", "equipmentId");
}

/** 409 `codeTaken` on `code` when another meter (any case) already has this code. */
export async function assertMeterCodeFree(tx: Executor, code: string, except?: string): Promise<void> {
  const [taken] = await tx
    .select({ id: meters.id })
    .from(meters)
    .where(sql`lower(${meters.code}) = lower(${code})`)
    .limit(1);
  if (taken && taken.id !== except) throw new DomainError("conflict", "codeTaken", "code");
}

export async function hasReadings(tx: Executor, meterId: string): Promise<boolean> {
  const [row] = await tx
    .select({ one: sql<number>`1` })
    .from(readings)
    .where(eq(readings.meterId, meterId))
    .limit(1);
  return !!row;
}

/** The meter row, locked for the rest of the transaction; unknown or malformed id → 404. */
export async function lockMeter(tx: Executor, id: string): Promise<MeterRow> {
  if (!uuidPattern.test(id)) throw notFound();
  const [row] = await tx.select().from(meters).where(eq(meters.id, id)).limit(1).for("update");
  if (!row) throw notFound();
  return row;
}

/** The DTO of one meter; unknown or malformed id → 404. */
export async function loadMeterDto(tx: Executor, id: string): Promise<MeterDto> {
  if (!uuidPattern.test(id)) throw notFound();
  const [row] = await tx
    .select(meterColumns)
    .from(meters)
    .innerJoin(sites, eq(sites.id, meters.siteId))
    .leftJoin(equipment, eq(equipment.id, meters.equipmentId))
    .where(eq(meters.id, id))
    .limit(1);
  if (!row) throw notFound();
  return toMeterDto(row);
}
