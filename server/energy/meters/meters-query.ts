import "server-only";
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { equipment, meters, sites } from "@/db/schema";
import type { ListMetersQuery } from "@/lib/validation/meters";
import { assertCan, type Actor } from "@/server/auth/actor";
import { decodeCursor, encodeCursor } from "@/server/platform/cursor";
import { meterColumns, toMeterDto, uuidPattern, type MeterDto } from "./meter-dto";
import { loadMeterDto } from "./meter-rules";

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
const codeKey = sql<string>`lower(${meters.code})`;

/** WHERE conditions of the list filters (see lib/validation/meters.ts). */
function conditions(f: Partial<ListMetersQuery>): SQL[] {
  const where: SQL[] = [];
  if (f.q) {
    const like = `%${escapeLike(f.q.normalize("NFC").toLowerCase())}%`;
    where.push(sql`(lower(${meters.name}) like ${like} or lower(${meters.code}) like ${like})`);
  }
  if (f.site) where.push(eq(meters.siteId, f.site));
  if (f.kind) where.push(eq(meters.kind, f.kind));
  if (f.quantity) where.push(eq(meters.quantity, f.quantity));
  if (f.active) where.push(eq(meters.active, f.active === "true"));
  return where;
}

/**
 * Meters matching the filters, by code (case-insensitive, unique), with keyset pagination
 * on (lower(code), id). Needs `measurements.read`; every reader sees every meter.
 */
export async function listMeters(
  db: Executor,
  actor: Actor,
  query: ListMetersQuery,
): Promise<{ data: MeterDto[]; next_cursor: string | null }> {
  assertCan(actor, "measurements.read");
  const position = decodeCursor(query.cursor);
  const after =
    position && uuidPattern.test(position[1]) && position[0].length <= 64
      ? sql`(${codeKey}, ${meters.id}) > (${position[0]}, ${position[1]}::uuid)`
      : undefined;
  const rows = await db
    .select(meterColumns)
    .from(meters)
    .innerJoin(sites, eq(sites.id, meters.siteId))
    .leftJoin(equipment, eq(equipment.id, meters.equipmentId))
    .where(and(...conditions(query), after))
    .orderBy(asc(codeKey), asc(meters.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const next_cursor = rows.length > query.limit && last ? encodeCursor([last.row.code.toLowerCase(), last.row.id]) : null;
  return { data: page.map(toMeterDto), next_cursor };
}

/** One meter; unknown or malformed id → 404. Needs `measurements.read`. */
export async function getMeter(db: Executor, actor: Actor, id: string): Promise<MeterDto> {
  assertCan(actor, "measurements.read");
  return loadMeterDto(db, id);
}

/** Every meter of a site (active first, then by code), for the site page. Needs `measurements.read`. */
export async function listSiteMeters(db: Executor, actor: Actor, siteId: string): Promise<MeterDto[]> {
  assertCan(actor, "measurements.read");
  if (!uuidPattern.test(siteId)) return [];
  const rows = await db
    .select(meterColumns)
    .from(meters)
    .innerJoin(sites, eq(sites.id, meters.siteId))
    .leftJoin(equipment, eq(equipment.id, meters.equipmentId))
    .where(eq(meters.siteId, siteId))
    .orderBy(sql`${meters.active} desc`, asc(codeKey))
    .limit(500);
  return rows.map(toMeterDto);
}
