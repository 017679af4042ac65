import "server-only";
import { sql } from "drizzle-orm";
import { decodeCursor, encodeCursor } from "@/server/platform/cursor";

export type Page<T> = { data: T[]; next_cursor: string | null };

const idPatterns = { uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, serial: /^\d{1,15}$/ };

/** A cursor `[iso time, id]` of a newest-first list, or null when missing or malformed (first page). */
export function timeCursor(cursor: string | undefined, id: keyof typeof idPatterns): { at: string; id: string } | null {
  const value = decodeCursor(cursor);
  if (!value || !keyPattern.test(value[0]) || Number.isNaN(Date.parse(value[0])) || !idPatterns[id].test(value[1])) return null;
  return { at: value[0], id: value[1] };
}

const keyPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** SQL text of a timestamptz with its microseconds, UTC: the exact key a cursor keeps. */
export const exactKey = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

/** The page of `limit` rows out of `limit + 1` fetched, and the cursor after its last row. */
export function pageOf<R extends { k: string }, T>(rows: R[], limit: number, id: (row: R) => string, map: (row: R) => T): Page<T> {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { data: page.map(map), next_cursor: rows.length > limit && last ? encodeCursor([last.k, id(last)]) : null };
}

export const toDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));
export const toNumber = (v: number | string | null) => (v === null ? null : Number(v));
