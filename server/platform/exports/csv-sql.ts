import "server-only";
import { sql, type SQL } from "drizzle-orm";

/**
 * CSV records built by the database (migration 0005), for exports too large to format in
 * Node at COPY speed: one text column per row instead of one per cell. The rules are those
 * of csv.ts (tests/integration/csv-sql.test.ts checks both give the same bytes).
 */

/** A text cell: formula-neutralised, quoted when needed, NULL as empty. Cast non-text to text first. */
export const csvText = (expr: SQL | SQL.Aliased | unknown): SQL => sql`dihya_csv_text((${expr})::text)`;

/** A number or boolean cell, written raw (never neutralised: `-12` stays a number). */
export const csvRaw = (expr: SQL | unknown): SQL => sql`coalesce((${expr})::text, '')`;

/** A timestamptz cell in ISO 8601 UTC with microseconds (`2026-11-21T08:00:00.000000Z`). */
export const csvTime = (expr: SQL | unknown): SQL =>
  sql`coalesce(to_char((${expr}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), '')`;

/** The record (without its line break) from its cells, in column order. */
export function csvLine(cells: SQL[]): SQL<string> {
  return sql<string>`concat_ws(',', ${sql.join(cells, sql`, `)})`;
}
