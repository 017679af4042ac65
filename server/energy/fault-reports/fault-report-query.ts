import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog, equipment, faultReports, interventions, sites, users } from "@/db/schema";
import type { FaultReportStatus, ListFaultReportsQuery } from "@/lib/validation/fault-reports";
import { assertCan, type Actor } from "@/server/auth/actor";
import { decodeCursor, encodeCursor } from "@/server/platform/cursor";
import { knownZone } from "@/server/energy/equipment/dates";

export type FaultReportDto = {
  id: string;
  status: FaultReportStatus;
  description: string;
  reporterName: string | null;
  reporterContact: string | null;
  createdAt: string;
  equipment: { id: string; name: string };
  site: { id: string; name: string; timezone: string };
  intervention: { id: string; reference: string } | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  /** The reason given when it was rejected (from the audit trail). */
  rejectReason: string | null;
};

const createdKey = sql<string>`to_char(${faultReports.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const keyPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Fault reports for review (`maintenance.write`), newest first; keyset pagination.
 * `status` absent or `all`: every status. `q` searches the equipment name and the text.
 */
export async function listFaultReports(db: Executor, actor: Actor, query: ListFaultReportsQuery) {
  assertCan(actor, "maintenance.write");
  const where: (SQL | undefined)[] = [];
  if (query.status && query.status !== "all") where.push(eq(faultReports.status, query.status));
  if (query.site) where.push(eq(equipment.siteId, query.site));
  if (query.q) {
    const like = `%${escapeLike(query.q.normalize("NFC").toLowerCase())}%`;
    where.push(sql`(lower(${equipment.name}) like ${like} or lower(${faultReports.description}) like ${like})`);
  }
  const cursor = decodeCursor(query.cursor);
  if (cursor && keyPattern.test(cursor[0]) && uuidPattern.test(cursor[1])) {
    where.push(sql`(${faultReports.createdAt}, ${faultReports.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
  }
  const rows = await db
    .select({
      report: faultReports,
      key: createdKey,
      equipmentName: equipment.name,
      siteId: sites.id,
      siteName: sites.name,
      siteTimezone: sites.timezone,
      interventionReference: interventions.reference,
    })
    .from(faultReports)
    .innerJoin(equipment, eq(equipment.id, faultReports.equipmentId))
    .innerJoin(sites, eq(sites.id, equipment.siteId))
    .leftJoin(interventions, eq(interventions.id, faultReports.interventionId))
    .where(and(...where))
    .orderBy(desc(faultReports.createdAt), desc(faultReports.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const reasons = await rejectReasons(
    db,
    page.filter((r) => r.report.status === "rejected").map((r) => r.report.id),
  );
  const last = page[page.length - 1];
  return {
    data: page.map((r): FaultReportDto => ({
      id: r.report.id,
      status: r.report.status as FaultReportStatus,
      description: r.report.description,
      reporterName: r.report.reporterName,
      reporterContact: r.report.reporterContact,
      createdAt: r.report.createdAt.toISOString(),
      equipment: { id: r.report.equipmentId, name: r.equipmentName },
      site: { id: r.siteId, name: r.siteName, timezone: knownZone(r.siteTimezone) },
      intervention:
        r.report.interventionId && r.interventionReference ? { id: r.report.interventionId, reference: r.interventionReference } : null,
      reviewedBy: r.report.reviewedBy,
      reviewedAt: r.report.reviewedAt?.toISOString() ?? null,
      rejectReason: reasons.get(r.report.id) ?? null,
    })),
    next_cursor: rows.length > query.limit && last ? encodeCursor([last.key, last.report.id]) : null,
  };
}

async function rejectReasons(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: auditLog.entityId, changes: auditLog.changes })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "fault_report"), eq(auditLog.action, "fault_report.rejected"), inArray(auditLog.entityId, ids)));
  const out = new Map<string, string>();
  for (const row of rows) {
    const reason = (row.changes as Record<string, { new?: unknown }> | null)?.reason?.new;
    if (row.id && typeof reason === "string") out.set(row.id, reason);
  }
  return out;
}

/** Enabled technicians, by name: who a corrective intervention can be assigned to. */
export async function technicianOptions(db: Executor, actor: Actor): Promise<{ id: string; name: string }[]> {
  assertCan(actor, "maintenance.write");
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.role, "technician"), eq(users.disabled, false)))
    .orderBy(asc(users.name), asc(users.id));
}

/** Reports waiting for a review (for the page header). */
export async function countNewFaultReports(db: Executor, actor: Actor): Promise<number> {
  assertCan(actor, "maintenance.write");
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(faultReports)
    .where(eq(faultReports.status, "new"));
  return Number(row?.n ?? 0);
}
