import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { equipment, sites } from "@/db/schema";
import { DomainError, notFound } from "@/server/platform/errors";
import { equipmentWithSite, toEquipmentDto, type EquipmentDto } from "./dto";

/** The site equipment is placed on: it must exist and not be decommissioned (field `siteId`). */
export async function assertSiteUsable(tx: Executor, siteId: string): Promise<{ id: string; name: string }> {
  const [site] = await tx.select({ id: sites.id, name: sites.name, status: sites.status }).from(sites).where(eq(sites.id, siteId)).limit(1);
  if (!site) throw new DomainError("validation_failed", "siteUnknown", "siteId");
  if (site.status === "decommissioned") throw new DomainError("validation_failed", "equipmentSiteDecommissioned", "siteId");
  return site;
}

/** A serial number is unique on its site, whatever its case (field `serialNumber`, 409). */
export async function assertSerialFree(tx: Executor, siteId: string, serial: string | null, exceptId?: string): Promise<void> {
  if (!serial) return;
  const [taken] = await tx
    .select({ id: equipment.id })
    .from(equipment)
    .where(
      and(
        eq(equipment.siteId, siteId),
        sql`lower(${equipment.serialNumber}) = ${serial.toLowerCase()}`,
        exceptId ? ne(equipment.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (taken) throw new DomainError("conflict", "serialTaken", "serialNumber");
}

/** The DTO of a row just written (in the same transaction). */
export async function loadEquipmentDto(tx: Executor, id: string): Promise<EquipmentDto> {
  const [row] = await tx
    .select(equipmentWithSite)
    .from(equipment)
    .innerJoin(sites, eq(sites.id, equipment.siteId))
    .where(eq(equipment.id, id))
    .limit(1);
  if (!row) throw notFound();
  return toEquipmentDto(row);
}
