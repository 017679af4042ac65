import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { equipment, interventions, sites, users } from "@/db/schema";
import type { InterventionFilters } from "@/lib/validation/maintenance";
import type { Actor } from "@/server/auth/actor";
import { plainRows, type KeysetSource } from "@/server/platform/exports/row-source";
import { filterConditions } from "./interventions-query";
import { readScope, scopeCondition } from "./scope";

/** One exported intervention: plain values, times as ISO 8601 text in UTC. */
export type InterventionExportRow = {
  reference: string;
  plannedStart: string;
  plannedDurationMinutes: number;
  kind: string;
  status: string;
  source: string;
  title: string;
  equipmentName: string;
  siteCode: string;
  siteName: string;
  siteTimezone: string;
  assigneeName: string | null;
  planDueOn: string | null;
  startedAt: string | null;
  completedAt: string | null;
  timeSpentMinutes: number | null;
  reportActions: string | null;
  cancelReason: string | null;
  id: string;
};

const iso = (column: typeof interventions.plannedStart | typeof interventions.startedAt) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const isoPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

const columns = {
  reference: interventions.reference,
  plannedStart: iso(interventions.plannedStart),
  plannedDurationMinutes: interventions.plannedDurationMinutes,
  kind: interventions.kind,
  status: interventions.status,
  source: interventions.source,
  title: interventions.title,
  equipmentName: equipment.name,
  siteCode: sites.code,
  siteName: sites.name,
  siteTimezone: sites.timezone,
  assigneeName: users.name,
  planDueOn: sql<string | null>`${interventions.planDueOn}::text`,
  startedAt: sql<string | null>`to_char(${interventions.startedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  completedAt: sql<string | null>`to_char(${interventions.completedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  timeSpentMinutes: interventions.timeSpentMinutes,
  reportActions: interventions.reportActions,
  cancelReason: interventions.cancelReason,
  id: sql<string>`${interventions.id}::text`,
};

/** Rows strictly after the key in the order newest planned start first (then id). */
function before(after: InterventionExportRow | null) {
  if (!after || !isoPattern.test(after.plannedStart)) return undefined;
  return sql`(${interventions.plannedStart}, ${interventions.id}) < (${after.plannedStart}::timestamptz, ${after.id}::uuid)`;
}

/** The export source of the interventions matching the filters, newest planned start first, scoped to the actor. */
export function interventionExportSource(actor: Actor, filters: InterventionFilters): KeysetSource<InterventionExportRow> {
  const scope = readScope(actor);
  return {
    batch: (db, after, limit) => {
      const conditions = filterConditions(filters);
      return plainRows(
        db,
        db
          .select(columns)
          .from(interventions)
          .innerJoin(equipment, eq(interventions.equipmentId, equipment.id))
          .innerJoin(sites, eq(interventions.siteId, sites.id))
          .leftJoin(users, eq(interventions.assignedTo, users.id))
          .where(and(scopeCondition(scope), ...conditions, before(after)))
          .orderBy(desc(interventions.plannedStart), desc(interventions.id))
          .limit(limit),
      ) as Promise<InterventionExportRow[]>;
    },
  };
}
