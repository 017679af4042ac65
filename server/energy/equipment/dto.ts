import "server-only";
import { equipment, sites } from "@/db/schema";
import type { Criticality, EquipmentState, EquipmentType, PlanKind } from "@/lib/validation/equipment";
import { dayIn } from "./dates";
import { isOverdue } from "./plan";

export type EquipmentRow = typeof equipment.$inferSelect;

/** Equipment as the API and the pages show it (the QR token is left out: see qr.ts). */
export type EquipmentDto = {
  id: string;
  siteId: string;
  site: { id: string; code: string; name: string };
  name: string;
  type: EquipmentType;
  serialNumber: string | null;
  manufacturer: string | null;
  model: string | null;
  commissionedOn: string | null;
  state: EquipmentState;
  criticality: Criticality;
  planKind: PlanKind | null;
  planInterval: number | null;
  operatingHours: number;
  hoursAtLastService: number | null;
  lastServiceOn: string | null;
  nextDueOn: string | null;
  /** The next due date is past (Africa/Algiers calendar day). */
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
};

/** Columns selected with every equipment row: the row and its site's code and name. */
export const equipmentWithSite = {
  row: equipment,
  siteCode: sites.code,
  siteName: sites.name,
};
export type EquipmentWithSite = { row: EquipmentRow; siteCode: string; siteName: string };

export function toEquipmentDto({ row, siteCode, siteName }: EquipmentWithSite, today = dayIn()): EquipmentDto {
  return {
    id: row.id,
    siteId: row.siteId,
    site: { id: row.siteId, code: siteCode, name: siteName },
    name: row.name,
    type: row.type as EquipmentType,
    serialNumber: row.serialNumber,
    manufacturer: row.manufacturer,
    model: row.model,
    commissionedOn: row.commissionedOn,
    state: row.state as EquipmentState,
    criticality: row.criticality as Criticality,
    planKind: (row.planKind as PlanKind | null) ?? null,
    planInterval: row.planInterval,
    operatingHours: Number(row.operatingHours),
    hoursAtLastService: row.hoursAtLastService === null ? null : Number(row.hoursAtLastService),
    lastServiceOn: row.lastServiceOn,
    nextDueOn: row.nextDueOn,
    overdue: isOverdue(row.nextDueOn, today),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The audited snapshot of an equipment row (what `diff` compares). */
export function auditSnapshot(row: EquipmentRow): Record<string, unknown> {
  return {
    siteId: row.siteId,
    name: row.name,
    type: row.type,
    serialNumber: row.serialNumber,
    manufacturer: row.manufacturer,
    model: row.model,
    commissionedOn: row.commissionedOn,
    criticality: row.criticality,
    planKind: row.planKind,
    planInterval: row.planInterval,
    operatingHours: Number(row.operatingHours),
    hoursAtLastService: row.hoursAtLastService === null ? null : Number(row.hoursAtLastService),
    lastServiceOn: row.lastServiceOn,
    nextDueOn: row.nextDueOn,
  };
}
