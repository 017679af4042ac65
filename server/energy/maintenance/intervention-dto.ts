import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { equipment, interventions, sites, users } from "@/db/schema";
import type { InterventionKind, InterventionSource, InterventionStatus } from "@/lib/validation/maintenance";

export type InterventionRow = typeof interventions.$inferSelect;
export type Part = { name: string; quantity: number };
export type ChecklistItem = { label: string; done: boolean };

/** An intervention as the API, the pages and the webhooks show it. Times are ISO 8601 in UTC. */
export type InterventionDto = {
  id: string;
  /** `INT-<year>-<5 digits>`, unique. */
  reference: string;
  kind: InterventionKind;
  source: InterventionSource;
  status: InterventionStatus;
  title: string;
  description: string | null;
  equipmentId: string;
  equipmentName: string;
  equipmentType: string;
  siteId: string;
  siteCode: string;
  siteName: string;
  /** IANA zone the planned times are read in (the site's). */
  siteTimezone: string;
  siteAddress: string | null;
  plannedStart: string;
  plannedEnd: string;
  plannedDurationMinutes: number;
  /** Due date of the preventive plan this intervention serves (`YYYY-MM-DD`), or null. */
  planDueOn: string | null;
  assignedTo: string | null;
  assigneeName: string | null;
  startedAt: string | null;
  completedAt: string | null;
  report: { actions: string; parts: Part[]; timeSpentMinutes: number } | null;
  checklist: ChecklistItem[];
  cancelReason: string | null;
  /** Planned or in progress, and the planned end is past. */
  overdue: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
};

/** Columns selected with every intervention: the row, its equipment, site and assignee names. */
export const interventionColumns = {
  row: interventions,
  equipmentName: equipment.name,
  equipmentType: equipment.type,
  siteCode: sites.code,
  siteName: sites.name,
  siteTimezone: sites.timezone,
  siteAddress: sites.address,
  assigneeName: users.name,
};
export type InterventionJoined = {
  row: InterventionRow;
  equipmentName: string;
  equipmentType: string;
  siteCode: string;
  siteName: string;
  siteTimezone: string;
  siteAddress: string | null;
  assigneeName: string | null;
};

/** The joined select every read starts from (add where/order/limit). */
export function selectInterventions(db: Executor) {
  return db
    .select(interventionColumns)
    .from(interventions)
    .innerJoin(equipment, eq(interventions.equipmentId, equipment.id))
    .innerJoin(sites, eq(interventions.siteId, sites.id))
    .leftJoin(users, eq(interventions.assignedTo, users.id));
}

export const openStatuses: readonly InterventionStatus[] = ["planned", "in_progress"];

export function plannedEndOf(row: Pick<InterventionRow, "plannedStart" | "plannedDurationMinutes">): Date {
  return new Date(row.plannedStart.getTime() + row.plannedDurationMinutes * 60_000);
}

export function isOverdueRow(row: InterventionRow, now = new Date()): boolean {
  return openStatuses.includes(row.status as InterventionStatus) && plannedEndOf(row) < now;
}

export function toInterventionDto(j: InterventionJoined, now = new Date()): InterventionDto {
  const { row } = j;
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind as InterventionKind,
    source: row.source as InterventionSource,
    status: row.status as InterventionStatus,
    title: row.title,
    description: row.description,
    equipmentId: row.equipmentId,
    equipmentName: j.equipmentName,
    equipmentType: j.equipmentType,
    siteId: row.siteId,
    siteCode: j.siteCode,
    siteName: j.siteName,
    siteTimezone: j.siteTimezone,
    siteAddress: j.siteAddress,
    plannedStart: row.plannedStart.toISOString(),
    plannedEnd: plannedEndOf(row).toISOString(),
    plannedDurationMinutes: row.plannedDurationMinutes,
    planDueOn: row.planDueOn,
    assignedTo: row.assignedTo,
    assigneeName: j.assigneeName,
    startedAt: row.startedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    report:
      row.reportActions !== null
        ? { actions: row.reportActions, parts: row.reportParts ?? [], timeSpentMinutes: row.timeSpentMinutes ?? 0 }
        : null,
    checklist: row.checklist ?? [],
    cancelReason: row.cancelReason,
    overdue: isOverdueRow(row, now),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The audited snapshot of an intervention (what `diff` compares). */
export function auditSnapshot(row: InterventionRow): Record<string, unknown> {
  return {
    reference: row.reference,
    equipmentId: row.equipmentId,
    kind: row.kind,
    source: row.source,
    title: row.title,
    description: row.description,
    plannedStart: row.plannedStart.toISOString(),
    plannedDurationMinutes: row.plannedDurationMinutes,
    planDueOn: row.planDueOn,
    assignedTo: row.assignedTo,
    status: row.status,
    reportActions: row.reportActions,
    reportParts: row.reportParts,
    timeSpentMinutes: row.timeSpentMinutes,
    checklist: row.checklist,
    cancelReason: row.cancelReason,
  };
}
