import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { AuditFilters, ListAuditQuery } from "@/lib/validation/audit";
import { assertCan, type Actor } from "@/server/auth/actor";
import { decodeCursor, encodeCursor } from "@/server/platform/cursor";
import { notFound } from "@/server/platform/errors";
import type { CopySource } from "@/server/platform/exports/copy-csv";
import { plainRows, type KeysetSource } from "@/server/platform/exports/row-source";

/** Days of the period filter are calendar days in this zone. */
export const auditTimeZone = "Africa/Algiers";

export type AuditEntryDto = {
  id: string;
  /** ISO 8601 in UTC with the database's microseconds. */
  at: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

/** One exported row: `changes` stays JSON text, as stored (no parse/serialise round trip). */
export type AuditExportRow = Omit<AuditEntryDto, "changes"> & { changes: string | null };

/** Exact, round-trippable key of a row's time: microseconds, UTC, ISO 8601. */
const atIso = sql<string>`to_char(${auditLog.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const isoPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const columns = {
  id: auditLog.id,
  at: atIso,
  actorType: auditLog.actorType,
  actorId: auditLog.actorId,
  actorLabel: auditLog.actorLabel,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  ip: auditLog.ip,
  userAgent: auditLog.userAgent,
  requestId: auditLog.requestId,
};

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The WHERE conditions of the filters (see lib/validation/audit.ts for their meaning). */
export function auditConditions(f: AuditFilters): SQL[] {
  const where: SQL[] = [];
  if (f.actor_type) where.push(eq(auditLog.actorType, f.actor_type));
  if (f.actor) {
    const like = `%${escapeLike(f.actor.normalize("NFC").toLowerCase())}%`;
    where.push(sql`(lower(coalesce(${auditLog.actorLabel}, '')) like ${like} or lower(coalesce(${auditLog.actorId}, '')) like ${like})`);
  }
  if (f.entity_type) where.push(eq(auditLog.entityType, f.entity_type));
  if (f.entity_id) where.push(eq(auditLog.entityId, f.entity_id));
  if (f.action?.endsWith("*")) where.push(sql`${auditLog.action} like ${`${escapeLike(f.action.slice(0, -1))}%`}`);
  else if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.from) where.push(sql`${auditLog.at} >= (${f.from}::date)::timestamp at time zone ${auditTimeZone}`);
  if (f.to) where.push(sql`${auditLog.at} < (${f.to}::date + 1)::timestamp at time zone ${auditTimeZone}`);
  return where;
}

/** Rows strictly older than the key, in the order newest first (time, then id). */
function before(key: { at: string; id: string } | null): SQL | undefined {
  if (!key || !isoPattern.test(key.at) || !uuidPattern.test(key.id)) return undefined;
  return sql`(${auditLog.at}, ${auditLog.id}) < (${key.at}::timestamptz, ${key.id}::uuid)`;
}

const newestFirst = [desc(auditLog.at), desc(auditLog.id)];

/** Audit rows matching the filters, newest first; keyset pagination. Needs `audit.read`. */
export async function listAudit(db: Executor, actor: Actor, query: ListAuditQuery) {
  assertCan(actor, "audit.read");
  const cursor = decodeCursor(query.cursor);
  const rows = await db
    .select({ ...columns, changes: auditLog.changes })
    .from(auditLog)
    .where(and(...auditConditions(query), before(cursor ? { at: cursor[0], id: cursor[1] } : null)))
    .orderBy(...newestFirst)
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit) as AuditEntryDto[];
  const last = page[page.length - 1];
  const nextCursor = rows.length > query.limit && last ? encodeCursor([last.at, last.id]) : null;
  return { data: page, next_cursor: nextCursor };
}

/** One audit row with its full change set. Needs `audit.read`; unknown id → not found. */
export async function getAuditEntry(db: Executor, actor: Actor, id: string): Promise<AuditEntryDto> {
  assertCan(actor, "audit.read");
  if (!uuidPattern.test(id)) throw notFound();
  const [row] = await db
    .select({ ...columns, changes: auditLog.changes })
    .from(auditLog)
    .where(eq(auditLog.id, id))
    .limit(1);
  if (!row) throw notFound();
  return row as AuditEntryDto;
}

/** The export source of the audit trail with these filters, newest first. Needs `audit.read`. */
export function auditExportSource(actor: Actor, filters: AuditFilters): KeysetSource<AuditExportRow> & { copy: CopySource } {
  assertCan(actor, "audit.read");
  const conditions = auditConditions(filters);
  const select = (db: Db, after: AuditExportRow | null) =>
    db
      .select({ ...columns, changes: sql<string | null>`${auditLog.changes}::text` })
      .from(auditLog)
      .where(and(...conditions, before(after)))
      .orderBy(...newestFirst);
  return {
    batch: (db, after, limit) => plainRows(db, select(db, after).limit(limit)),
    // Times, uuids, codes and JSON objects never start with = + - @; these may (they come from requests).
    copy: { query: (db) => select(db, null), text: ["actorId", "actorLabel", "entityId", "ip", "userAgent", "requestId"] },
  };
}
