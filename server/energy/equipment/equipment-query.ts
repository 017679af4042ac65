import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { equipment, sites } from "@/db/schema";
import type { EquipmentFilters, EquipmentSort, ListEquipmentQuery } from "@/lib/validation/equipment";
import { assertCan, type Actor } from "@/server/auth/actor";
import { decodeCursor, encodeCursor } from "@/server/platform/cursor";
import { notFound } from "@/server/platform/errors";
import { dayIn } from "./dates";
import { equipmentWithSite, toEquipmentDto, type EquipmentDto } from "./dto";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The WHERE conditions of the filters (see lib/validation/equipment.ts for their meaning). */
export function equipmentConditions(f: EquipmentFilters, today = dayIn()): SQL[] {
  const where: SQL[] = [];
  if (f.q) {
    const like = `%${escapeLike(f.q.normalize("NFC").toLowerCase())}%`;
    where.push(
      sql`(lower(${equipment.name}) like ${like} or lower(coalesce(${equipment.serialNumber}, '')) like ${like} or lower(coalesce(${equipment.manufacturer}, '')) like ${like})`,
    );
  }
  if (f.site) where.push(eq(equipment.siteId, f.site));
  if (f.type) where.push(eq(equipment.type, f.type));
  if (f.state) where.push(eq(equipment.state, f.state));
  if (f.criticality) where.push(eq(equipment.criticality, f.criticality));
  if (f.due_before) where.push(sql`${equipment.nextDueOn} <= ${f.due_before}::date`);
  if (f.overdue === "true") where.push(sql`${equipment.nextDueOn} < ${today}::date`);
  if (f.overdue === "false") where.push(sql`(${equipment.nextDueOn} is null or ${equipment.nextDueOn} >= ${today}::date)`);
  return where;
}

const criticalityRank = sql<string>`(case ${equipment.criticality} when 'critical' then '3' when 'high' then '2' when 'medium' then '1' else '0' end)`;

/** The text sort key of an order; missing dates get a sentinel that sorts them last. */
export function sortKey(sort: EquipmentSort): { key: SQL<string>; descending: boolean } {
  const descending = sort.startsWith("-");
  const field = sort.replace(/^-/, "");
  const missing = descending ? "0000-01-01" : "9999-12-31";
  switch (field) {
    case "next_due":
      return { key: sql<string>`coalesce(${equipment.nextDueOn}::text, ${missing})`, descending };
    case "commissioned":
      return { key: sql<string>`coalesce(${equipment.commissionedOn}::text, ${missing})`, descending };
    case "criticality":
      return { key: criticalityRank, descending };
    default:
      return { key: sql<string>`lower(${equipment.name})`, descending };
  }
}

/** Keyset position: rows strictly after the cursor in the chosen order (ties broken by id). */
export function after(key: SQL<string>, descending: boolean, cursor: [string, string] | null): SQL | undefined {
  if (!cursor || !uuidPattern.test(cursor[1])) return undefined;
  return descending
    ? sql`(${key}, ${equipment.id}) < (${cursor[0]}, ${cursor[1]}::uuid)`
    : sql`(${key}, ${equipment.id}) > (${cursor[0]}, ${cursor[1]}::uuid)`;
}

/**
 * Equipment matching the filters, in the chosen order (default: name); keyset pagination.
 * Needs `equipment.read`. Every staff role with it sees every site's equipment.
 */
export async function listEquipment(
  db: Executor,
  actor: Actor,
  query: ListEquipmentQuery,
): Promise<{ data: EquipmentDto[]; next_cursor: string | null }> {
  assertCan(actor, "equipment.read");
  const today = dayIn();
  const { key, descending } = sortKey(query.sort || "name");
  const where = [...equipmentConditions(query, today), after(key, descending, decodeCursor(query.cursor))];
  const rows = await db
    .select({ ...equipmentWithSite, sortKey: key })
    .from(equipment)
    .innerJoin(sites, eq(sites.id, equipment.siteId))
    .where(and(...where))
    .orderBy(descending ? desc(key) : asc(key), descending ? desc(equipment.id) : asc(equipment.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const next = rows.length > query.limit && last ? encodeCursor([last.sortKey, last.row.id]) : null;
  return { data: page.map((r) => toEquipmentDto(r, today)), next_cursor: next };
}

/** One equipment row with its site, or 404. Needs `equipment.read`. */
export async function getEquipment(db: Executor, actor: Actor, id: string): Promise<EquipmentDto> {
  assertCan(actor, "equipment.read");
  if (!uuidPattern.test(id)) throw notFound();
  const [row] = await db
    .select(equipmentWithSite)
    .from(equipment)
    .innerJoin(sites, eq(sites.id, equipment.siteId))
    .where(eq(equipment.id, id))
    .limit(1);
  if (!row) throw notFound();
  return toEquipmentDto(row);
}

export type SiteOption = { id: string; code: string; name: string; type: string; status: string };

/** Sites to pick from (filters and forms), by name; decommissioned ones only when asked. */
export async function siteOptions(
  db: Executor,
  actor: Actor,
  options: { includeDecommissioned?: boolean; ids?: string[] } = {},
): Promise<SiteOption[]> {
  assertCan(actor, "equipment.read");
  const where: SQL[] = [];
  if (!options.includeDecommissioned) where.push(sql`${sites.status} <> 'decommissioned'`);
  if (options.ids) where.push(inArray(sites.id, options.ids));
  return db
    .select({ id: sites.id, code: sites.code, name: sites.name, type: sites.type, status: sites.status })
    .from(sites)
    .where(and(...where))
    .orderBy(asc(sql`lower(${sites.name})`), asc(sites.id));
}
