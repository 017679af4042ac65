import "server-only";
import { and, asc, desc, eq, gt, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { interventions, sites } from "@/db/schema";
import type { InterventionFilters, ListInterventionsQuery } from "@/lib/validation/maintenance";
import type { Actor } from "@/server/auth/actor";
import { decodeCursor, encodeCursor } from "@/server/platform/cursor";
import { notFound } from "@/server/platform/errors";
import { openStatuses, selectInterventions, toInterventionDto, type InterventionDto } from "./intervention-dto";
import { readScope, scopeCondition } from "./scope";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const plannedEnd = sql`${interventions.plannedStart} + ${interventions.plannedDurationMinutes} * interval '1 minute'`;

/** Open (planned or in progress) with the planned end before `now`. */
export function overdueCondition(now: Date = new Date()): SQL {
  return and(inArray(interventions.status, [...openStatuses]), sql`${plannedEnd} < ${now.toISOString()}::timestamptz`)!;
}

/** WHERE conditions of the filters; days are calendar days in each site's zone. */
export function filterConditions(f: InterventionFilters, now: Date = new Date()): SQL[] {
  const where: SQL[] = [];
  if (f.site) where.push(eq(interventions.siteId, f.site));
  if (f.equipment) where.push(eq(interventions.equipmentId, f.equipment));
  if (f.technician) where.push(eq(interventions.assignedTo, f.technician));
  if (f.kind) where.push(eq(interventions.kind, f.kind));
  if (f.status) where.push(eq(interventions.status, f.status));
  if (f.from) where.push(sql`${interventions.plannedStart} >= (${f.from}::date)::timestamp at time zone ${sites.timezone}`);
  if (f.to) where.push(sql`${interventions.plannedStart} < (${f.to}::date + 1)::timestamp at time zone ${sites.timezone}`);
  if (f.overdue === true) where.push(overdueCondition(now));
  if (f.overdue === false) where.push(sql`not (${overdueCondition(now)})`);
  return where;
}

/** Keyset position after (asc) or before (desc) the cursor's (planned start, id). */
function keyset(cursor: [string, string] | null, order: "asc" | "desc"): SQL | undefined {
  if (!cursor || Number.isNaN(Date.parse(cursor[0])) || !uuidPattern.test(cursor[1])) return undefined;
  const [at, id] = cursor;
  const cmp = order === "asc" ? gt : lt;
  return or(cmp(interventions.plannedStart, new Date(at)), and(eq(interventions.plannedStart, new Date(at)), cmp(interventions.id, id)));
}

/**
 * Interventions matching the filters, by planned start (`order`, then id); keyset
 * pagination. A technician gets only those assigned to them.
 */
export async function listInterventions(db: Executor, actor: Actor, query: ListInterventionsQuery) {
  const scope = readScope(actor);
  const now = new Date();
  const by = query.order === "asc" ? asc : desc;
  const rows = await selectInterventions(db)
    .where(and(scopeCondition(scope), ...filterConditions(query, now), keyset(decodeCursor(query.cursor), query.order)))
    .orderBy(by(interventions.plannedStart), by(interventions.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > query.limit && last ? encodeCursor([last.row.plannedStart.toISOString(), last.row.id]) : null;
  return { data: page.map((r) => toInterventionDto(r, now)), next_cursor: nextCursor };
}

/** One intervention; unknown, or not the technician's own → not found. */
export async function getIntervention(db: Executor, actor: Actor, id: string): Promise<InterventionDto> {
  const scope = readScope(actor);
  if (!uuidPattern.test(id)) throw notFound();
  const [row] = await selectInterventions(db)
    .where(and(eq(interventions.id, id), scopeCondition(scope)))
    .limit(1);
  if (!row) throw notFound();
  return toInterventionDto(row);
}

/** The calendar's interventions between two days (site zones), planned start ascending; at most `cap`. */
export async function calendarInterventions(
  db: Executor,
  actor: Actor,
  filters: Pick<InterventionFilters, "site" | "technician"> & { from: string; to: string },
  cap = 2000,
): Promise<InterventionDto[]> {
  const scope = readScope(actor);
  const now = new Date();
  const rows = await selectInterventions(db)
    .where(and(scopeCondition(scope), ...filterConditions(filters, now)))
    .orderBy(asc(interventions.plannedStart), asc(interventions.id))
    .limit(cap);
  return rows.map((r) => toInterventionDto(r, now));
}

/**
 * A technician's open work: every planned or in-progress intervention assigned to them
 * (overdue ones included), planned start ascending, at most `cap`.
 */
export async function openInterventionsOf(db: Executor, actor: Actor, cap = 200): Promise<InterventionDto[]> {
  const scope = readScope(actor);
  const mine = scope.kind === "own" ? eq(interventions.assignedTo, scope.userId) : eq(interventions.assignedTo, actor.id);
  const rows = await selectInterventions(db)
    .where(and(mine, inArray(interventions.status, [...openStatuses])))
    .orderBy(asc(interventions.plannedStart), asc(interventions.id))
    .limit(cap);
  const now = new Date();
  return rows.map((r) => toInterventionDto(r, now));
}
