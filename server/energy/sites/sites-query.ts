import "server-only";
import { and, asc, desc, eq, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { networks, sites } from "@/db/schema";
import type { ListSitesQuery, SiteFilters, SiteSort } from "@/lib/validation/sites";
import { assertCan, type Actor } from "@/server/auth/actor";
import { encodeCursor } from "@/server/platform/cursor";
import { toSiteDto, uuidPattern, type SiteDto } from "./site-dto";

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** WHERE conditions of the list filters (see lib/validation/sites.ts). Every reader sees every site. */
export function siteConditions(f: Partial<SiteFilters>): SQL[] {
  const where: SQL[] = [];
  if (f.q) {
    const like = `%${escapeLike(f.q.normalize("NFC").toLowerCase())}%`;
    where.push(sql`(lower(${sites.name}) like ${like} or lower(${sites.code}) like ${like})`);
  }
  if (f.type) where.push(eq(sites.type, f.type));
  if (f.status) where.push(eq(sites.status, f.status));
  if (f.region) where.push(sql`lower(${sites.region}) = lower(${f.region.normalize("NFC")})`);
  if (f.network) where.push(eq(sites.networkId, f.network));
  return where;
}

/** Status order for sorting: operating first, decommissioned last. */
const statusRank = sql<number>`(case ${sites.status} when 'in_service' then 0 when 'maintenance' then 1 when 'out_of_service' then 2 else 3 end)`;

/**
 * Each sort is a key expression, how a cursor value is cast back, and what a cursor value
 * must look like (anything else is ignored: first page). Ties break on lower(name), then id,
 * always ascending, so the order is total and stable.
 */
const sortKeys: Record<SiteSort, { key: SQL; cast: (v: string) => SQL; valid: RegExp }> = {
  name: { key: sql`lower(${sites.name})`, cast: (v) => sql`${v}`, valid: /^[\s\S]{0,240}$/ },
  code: { key: sql`lower(${sites.code})`, cast: (v) => sql`${v}`, valid: /^[\s\S]{0,64}$/ },
  capacity: { key: sql`coalesce(${sites.capacityMw}, -1)`, cast: (v) => sql`${v}::numeric`, valid: /^-?\d{1,12}(\.\d{1,6})?$/ },
  status: { key: statusRank, cast: (v) => sql`${v}::int`, valid: /^[0-3]$/ },
};
const nameKey = sql<string>`lower(${sites.name})`;

/** The key columns a cursor is built from, selected with the rows. */
export function sortColumns(sort: SiteSort) {
  return { sortKey: sql<string>`(${sortKeys[sort].key})::text`, nameKey };
}

export type SortPosition = { sortKey: string; nameKey: string; id: string };

export function orderBy(sort: SiteSort, order: "asc" | "desc"): SQL[] {
  const key = sortKeys[sort].key;
  return [order === "asc" ? asc(key) : desc(key), asc(nameKey), asc(sites.id)];
}

/** Rows strictly after `after` in the order of `sort`/`order`. */
export function after(sort: SiteSort, order: "asc" | "desc", position: SortPosition | null): SQL | undefined {
  if (!position) return undefined;
  const { key, cast, valid } = sortKeys[sort];
  if (!valid.test(position.sortKey) || !uuidPattern.test(position.id) || position.nameKey.length > 240) return undefined;
  const k = cast(position.sortKey);
  const beyond = order === "asc" ? sql`${key} > ${k}` : sql`${key} < ${k}`;
  return or(beyond, and(sql`${key} = ${k}`, sql`(${nameKey}, ${sites.id}) > (${position.nameKey}, ${position.id}::uuid)`));
}

/** Cursor: base64url JSON of [sort, order, sortKey, nameKey, id]; another sort's cursor is ignored. */
function decodeSiteCursor(cursor: string | undefined, sort: SiteSort, order: string): SortPosition | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 5 || !value.every((v) => typeof v === "string")) return null;
    const [s, o, sortKey, nameKey, id] = value as string[];
    return s === sort && o === order ? { sortKey: sortKey!, nameKey: nameKey!, id: id! } : null;
  } catch {
    return null;
  }
}

export type SiteListItem = SiteDto & { network: { id: string; code: string; name: string } | null };

/** Sites matching the filters in the chosen order; keyset pagination. Needs `sites.read`. */
export async function listSites(
  db: Executor,
  actor: Actor,
  query: ListSitesQuery,
): Promise<{ data: SiteListItem[]; next_cursor: string | null }> {
  assertCan(actor, "sites.read");
  const position = decodeSiteCursor(query.cursor, query.sort, query.order);
  const rows = await db
    .select({ site: sites, network: { id: networks.id, code: networks.code, name: networks.name }, ...sortColumns(query.sort) })
    .from(sites)
    .leftJoin(networks, eq(networks.id, sites.networkId))
    .where(and(...siteConditions(query), after(query.sort, query.order, position)))
    .orderBy(...orderBy(query.sort, query.order))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const next_cursor =
    rows.length > query.limit && last ? encodeCursor([query.sort, query.order, last.sortKey, last.nameKey, last.site.id]) : null;
  return { data: page.map((r) => ({ ...toSiteDto(r.site), network: r.network?.id ? r.network : null })), next_cursor };
}

/** Distinct regions in use, for the region filter. Needs `sites.read`. */
export async function listSiteRegions(db: Executor, actor: Actor): Promise<string[]> {
  assertCan(actor, "sites.read");
  const rows = await db
    .selectDistinct({ region: sites.region })
    .from(sites)
    .where(sql`${sites.region} is not null and ${sites.region} <> ''`)
    .orderBy(asc(sites.region));
  return rows.map((r) => r.region!).filter(Boolean);
}
