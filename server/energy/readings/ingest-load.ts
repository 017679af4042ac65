import "server-only";
import { asc, sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { meters } from "@/db/schema";
import type { MeterQuantity, MeterRegister } from "@/lib/validation/meters";
import type { MeterInfo } from "./ingest-item";

/** A stored reading as ingest compares and recomputes it; `ts` in epoch milliseconds. */
export type ExistingRow = {
  meterId: string;
  ts: number;
  value: number;
  indexValue: number | null;
  quality: string;
  flags: string[];
  version: number;
};

/** Rows passed to SQL as one JSON parameter (json_to_recordset), whatever the batch size. */
export const jsonParam = (rows: unknown) => sql`${JSON.stringify(rows)}::json`;

/**
 * The meters named by a batch (case-insensitive codes), locked `for no key update` in id
 * order: concurrent batches of the same meter run one after the other, so cumulative deltas
 * and duplicate checks see each other's rows. Keyed by lower-case code.
 */
export async function loadMeters(tx: Executor, codes: string[]): Promise<Map<string, MeterInfo>> {
  const out = new Map<string, MeterInfo>();
  const wanted = [...new Set(codes.map((c) => c.toLowerCase()))];
  if (wanted.length === 0) return out;
  const rows = await tx
    .select()
    .from(meters)
    .where(sql`lower(${meters.code}) in (select json_array_elements_text(${jsonParam(wanted)}))`)
    .orderBy(asc(meters.id))
    .for("no key update");
  for (const r of rows) {
    out.set(r.code.toLowerCase(), {
      id: r.id,
      siteId: r.siteId,
      code: r.code,
      quantity: r.quantity as MeterQuantity,
      register: r.register as MeterRegister,
      intervalMinutes: r.intervalMinutes,
      rolloverAt: r.rolloverAt,
      jitterTolerance: r.jitterTolerance,
      active: r.active,
      lastIndexAt: r.lastIndexAt,
    });
  }
  return out;
}

export type RawRow = {
  meter_id: string;
  ts_ms: number | string;
  value: number | string;
  index_value: number | string | null;
  quality: string;
  flags: string | null;
  version: number | string;
};

export const existingColumns = sql`r.meter_id, (extract(epoch from r.ts) * 1000)::float8 as ts_ms, r.value, r.index_value, r.quality,
  array_to_string(r.flags, ',') as flags, r.version`;

export function toExisting(r: RawRow): ExistingRow {
  return {
    meterId: r.meter_id,
    ts: Number(r.ts_ms),
    value: Number(r.value),
    indexValue: r.index_value === null ? null : Number(r.index_value),
    quality: r.quality,
    flags: r.flags ? r.flags.split(",") : [],
    version: Number(r.version),
  };
}

/**
 * What a cumulative meter's deltas depend on, per meter and range [lo, hi] of row times:
 * every row in the range, the last row before it that is not jitter (its index is the
 * effective previous index; `anchor`), the jitter rows in between, and the rows after it up
 * to the first one that is not jitter (their deltas follow from the range's last index).
 * `anchorTs` is null when the meter has no earlier row.
 */
export async function loadCumulativeContext(
  tx: Executor,
  ranges: { m: string; lo: string; hi: string }[],
): Promise<Map<string, { anchorTs: number | null; rows: ExistingRow[] }>> {
  const out = new Map<string, { anchorTs: number | null; rows: ExistingRow[] }>();
  if (ranges.length === 0) return out;
  const noJitter = (alias: string) => sql.raw(`not (coalesce(${alias}.flags, '{}') @> array['jitter'])`);
  const result = await tx.execute(sql`
    with b as (select * from json_to_recordset(${jsonParam(ranges)}) as b(m uuid, lo timestamptz, hi timestamptz)),
    bounds as (
      select b.m,
        (select max(p.ts) from readings p where p.meter_id = b.m and p.ts < b.lo and ${noJitter("p")}) as anchor,
        (select min(n.ts) from readings n where n.meter_id = b.m and n.ts > b.hi and ${noJitter("n")}) as stop,
        b.lo, b.hi
      from b
    )
    select ${existingColumns}, (extract(epoch from bounds.anchor) * 1000)::float8 as anchor_ms
    from bounds join readings r on r.meter_id = bounds.m
      and r.ts >= coalesce(bounds.anchor, '-infinity'::timestamptz)
      and r.ts <= coalesce(bounds.stop, 'infinity'::timestamptz)
    order by r.meter_id, r.ts`);
  for (const m of ranges) out.set(m.m, { anchorTs: null, rows: [] });
  for (const r of rowsOf<RawRow & { anchor_ms: number | string | null }>(result)) {
    const entry = out.get(r.meter_id)!;
    entry.anchorTs = r.anchor_ms === null ? null : Number(r.anchor_ms);
    entry.rows.push(toExisting(r));
  }
  return out;
}
