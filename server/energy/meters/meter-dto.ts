import "server-only";
import { equipment, meters, sites } from "@/db/schema";
import type { CanonicalUnit, MeterCarrier, MeterKind, MeterQuantity, MeterRegister } from "@/lib/validation/meters";

export type MeterRow = typeof meters.$inferSelect;

/** A meter as the API and the pages see it, with its site (and equipment, when linked). */
export type MeterDto = {
  id: string;
  siteId: string;
  site: { id: string; code: string; name: string; timezone: string };
  equipmentId: string | null;
  equipment: { id: string; name: string } | null;
  code: string;
  name: string;
  kind: MeterKind;
  quantity: MeterQuantity;
  unit: CanonicalUnit;
  carrier: MeterCarrier;
  intervalMinutes: number;
  register: MeterRegister;
  rolloverAt: number | null;
  jitterTolerance: number;
  active: boolean;
  lastIndex: number | null;
  lastIndexAt: string | null;
  lastReadingAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** Columns selected with every meter: the row, its site, its equipment (left join). */
export const meterColumns = {
  row: meters,
  site: { id: sites.id, code: sites.code, name: sites.name, timezone: sites.timezone },
  equipment: { id: equipment.id, name: equipment.name },
};
export type MeterWithRefs = {
  row: MeterRow;
  site: { id: string; code: string; name: string; timezone: string };
  equipment: { id: string | null; name: string | null } | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toMeterDto({ row, site, equipment: eq }: MeterWithRefs): MeterDto {
  return {
    id: row.id,
    siteId: row.siteId,
    site,
    equipmentId: row.equipmentId,
    equipment: eq?.id && eq.name !== null ? { id: eq.id, name: eq.name } : null,
    code: row.code,
    name: row.name,
    kind: row.kind as MeterKind,
    quantity: row.quantity as MeterQuantity,
    unit: row.unit as CanonicalUnit,
    carrier: row.carrier as MeterCarrier,
    intervalMinutes: row.intervalMinutes,
    register: row.register as MeterRegister,
    rolloverAt: row.rolloverAt,
    jitterTolerance: row.jitterTolerance,
    active: row.active,
    lastIndex: row.lastIndex,
    lastIndexAt: iso(row.lastIndexAt),
    lastReadingAt: iso(row.lastReadingAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The fields an audit row compares (bookkeeping columns left out). */
export function meterSnapshot(row: MeterRow): Record<string, unknown> {
  return {
    siteId: row.siteId,
    equipmentId: row.equipmentId,
    code: row.code,
    name: row.name,
    kind: row.kind,
    quantity: row.quantity,
    unit: row.unit,
    carrier: row.carrier,
    intervalMinutes: row.intervalMinutes,
    register: row.register,
    rolloverAt: row.rolloverAt,
    jitterTolerance: row.jitterTolerance,
    active: row.active,
  };
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
