/**
 * Set-based insert of generated readings: one `INSERT … SELECT … unnest(array)` per chunk of
 * slots, the arrays sent as single text parameters. Missing slots are NaN in the input and
 * NULL in the array (skipped).
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";

const chunkSlots = 12_000;

const arrayLiteral = (values: Float64Array, from: number, to: number) => {
  const parts: string[] = new Array<string>(to - from);
  for (let i = from; i < to; i++) parts[i - from] = Number.isNaN(values[i]!) ? "NULL" : String(values[i]);
  return `{${parts.join(",")}}`;
};

export type SeriesInsert = {
  meterId: string;
  /** UTC ms of the first slot. */
  start: number;
  intervalMinutes: number;
  /** Canonical values (NaN: missing). */
  values: Float64Array;
  /** Counter indexes of a cumulative meter, aligned with `values`. */
  indexes?: Float64Array;
  originalUnit: string;
  /** original = canonical × factor (exact decimal arithmetic when ≠ 1). */
  originalFactor: number;
};

/** Inserts the series; returns how many readings were written. */
export async function insertSeries(tx: Executor, s: SeriesInsert): Promise<number> {
  let written = 0;
  const original = s.originalFactor === 1 ? sql`t.v` : sql`(t.v::numeric * ${String(s.originalFactor)}::numeric)::float8`;
  for (let from = 0; from < s.values.length; from += chunkSlots) {
    const to = Math.min(s.values.length, from + chunkSlots);
    const first = new Date(s.start + from * s.intervalMinutes * 60_000).toISOString();
    const indexes = s.indexes ? arrayLiteral(s.indexes, from, to) : null;
    const rows = await tx.execute(sql`
      with inserted as (
      insert into readings (meter_id, ts, value, index_value, original_value, original_unit, quality, source, version, received_at)
      select ${s.meterId}::uuid, x.ts, x.v, x.x, x.o, ${s.originalUnit}, 'measured', 'seed', 1,
             x.ts + make_interval(mins => ${s.intervalMinutes}::int, secs => 40)
      from (
        select ${first}::timestamptz + make_interval(mins => ((t.i - 1) * ${s.intervalMinutes})::int) as ts,
               t.v, t.x, ${original} as o
        from unnest(${arrayLiteral(s.values, from, to)}::float8[], ${indexes}::float8[]) with ordinality as t(v, x, i)
        where t.v is not null
      ) as x
      returning 1)
      select count(*)::int as n from inserted`);
    written += rowsOf<{ n: number }>(rows)[0]?.n ?? 0;
  }
  return written;
}
