import "server-only";
import { and, arrayContains, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { servers } from "@/db/schema";
import { environmentRank, monitorRank, statusRank } from "@/lib/devops/server-lifecycle";
import type { ListServersQuery, ServerFilters } from "@/lib/validation/servers";
import { assertCan, type Actor } from "@/server/auth/actor";
import { decodeCursor, encodeCursor } from "@/server/platform/cursor";
import { isUuid } from "@/server/platform/ids";
import { toServerDto, type ServerDto } from "./server-dto";
import { loadServer } from "./server-rules";

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The WHERE conditions of the filters (see lib/validation/servers.ts for their meaning). */
export function serverConditions(f: ServerFilters): SQL[] {
  const where: SQL[] = [];
  if (f.q) {
    const like = `%${escapeLike(f.q.normalize("NFC").toLowerCase())}%`;
    where.push(
      sql`(lower(${servers.hostname}) like ${like} or array_to_string(${servers.addresses}, ' ') like ${like} or lower(${servers.role}) like ${like} or lower(${servers.team}) like ${like})`,
    );
  }
  if (f.status) where.push(eq(servers.status, f.status));
  if (f.environment) where.push(eq(servers.environment, f.environment));
  if (f.kind) where.push(eq(servers.kind, f.kind));
  if (f.location) where.push(eq(servers.location, f.location));
  if (f.tag) where.push(arrayContains(servers.tags, [f.tag]));
  if (f.monitor_state) where.push(eq(servers.monitorState, f.monitor_state));
  if (f.criticality) where.push(eq(servers.criticality, f.criticality));
  return where;
}

/** `case <column> when 'a' then '0' …`: the rank of a constant vocabulary, as text (values are our constants, never input). */
function rankOf(column: AnyPgColumn, ranks: Record<string, number>): SQL<string> {
  const whens = Object.entries(ranks)
    .map(([value, rank]) => `when '${value.replace(/'/g, "")}' then '${rank}'`)
    .join(" ");
  return sql<string>`(case ${column} ${sql.raw(whens)} else '9' end)`;
}

/**
 * The text sort key of an order: a rank then the host name for status, environment and
 * monitor state (so equal ranks read alphabetically), the UTC time for created_at.
 */
export function sortKey(filters: Pick<ServerFilters, "sort" | "order">): { key: SQL<string>; descending: boolean } {
  const descending = filters.order === "desc";
  const name = sql`lower(${servers.hostname})`;
  switch (filters.sort) {
    case "status":
      return { key: sql<string>`${rankOf(servers.status, statusRank)} || ':' || ${name}`, descending };
    case "environment":
      return { key: sql<string>`${rankOf(servers.environment, environmentRank)} || ':' || ${name}`, descending };
    case "monitor_state":
      return { key: sql<string>`${rankOf(servers.monitorState, monitorRank)} || ':' || ${name}`, descending };
    case "created_at":
      return { key: sql<string>`to_char(${servers.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`, descending };
    default:
      return { key: sql<string>`${name}`, descending };
  }
}

/** Keyset position: rows strictly after the cursor in the chosen order (ties broken by id). */
export function after(key: SQL<string>, descending: boolean, cursor: [string, string] | null): SQL | undefined {
  if (!cursor || !isUuid(cursor[1])) return undefined;
  return descending
    ? sql`(${key}, ${servers.id}) < (${cursor[0]}, ${cursor[1]}::uuid)`
    : sql`(${key}, ${servers.id}) > (${cursor[0]}, ${cursor[1]}::uuid)`;
}

/**
 * Servers matching the filters, in the chosen order (default: host name); keyset pagination.
 * Needs `servers.read` (admin, devops; partner scope servers:read): they see the whole inventory.
 */
export async function listServers(
  db: Executor,
  actor: Actor,
  query: ListServersQuery,
): Promise<{ data: ServerDto[]; next_cursor: string | null }> {
  assertCan(actor, "servers.read");
  const { key, descending } = sortKey(query);
  const where = [...serverConditions(query), after(key, descending, decodeCursor(query.cursor))];
  const rows = await db
    .select({ row: servers, sortKey: key })
    .from(servers)
    .where(and(...where))
    .orderBy(descending ? desc(key) : asc(key), descending ? desc(servers.id) : asc(servers.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const next = rows.length > query.limit && last ? encodeCursor([last.sortKey, last.row.id]) : null;
  return { data: page.map((r) => toServerDto(r.row)), next_cursor: next };
}

/** One server, or 404 (unknown or malformed id). Needs `servers.read`. */
export async function getServer(db: Executor, actor: Actor, id: string): Promise<ServerDto> {
  assertCan(actor, "servers.read");
  return toServerDto(await loadServer(db, id));
}

/** Locations and tags in use, for the list's filters (sorted). Needs `servers.read`. */
export async function serverFilterOptions(db: Executor, actor: Actor): Promise<{ locations: string[]; tags: string[] }> {
  assertCan(actor, "servers.read");
  const [locations, tags] = await Promise.all([
    db.selectDistinct({ value: servers.location }).from(servers).orderBy(asc(servers.location)),
    db
      .selectDistinct({ value: sql<string>`unnest(${servers.tags})` })
      .from(servers)
      .orderBy(asc(sql`1`)),
  ]);
  return { locations: locations.map((r) => r.value), tags: tags.map((r) => r.value) };
}
