import "server-only";
import { and, eq, lt, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { decodeCursor, encodeCursor } from "@/server/platform/cursor";

/**
 * Newest-first keyset pagination on (timestamptz, id). The timestamp travels in the cursor
 * with its full microsecond precision (a JS Date would round it and skip rows).
 */
export function exactTime(column: AnyColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** The condition "after the cursor" in (time desc, id desc) order, or undefined on the first page. */
export function olderThan(cursor: string | undefined, time: AnyColumn, id: AnyColumn): SQL | undefined {
  const values = decodeCursor(cursor);
  if (!values || Number.isNaN(Date.parse(values[0])) || !/^[0-9a-f-]{36}$/i.test(values[1])) return undefined;
  const [at, last] = values;
  return or(lt(time, sql`${at}::timestamptz`), and(eq(time, sql`${at}::timestamptz`), lt(id, last)));
}

/** Splits a `limit + 1` fetch into the page and the next cursor. */
export function pageOf<T extends { cursorAt: string; id: string }>(rows: T[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { page, nextCursor: rows.length > limit && last ? encodeCursor([last.cursorAt, last.id]) : null };
}
