import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { assertCan, type Actor } from "@/server/auth/actor";
import { exactKey, pageOf, timeCursor, toDate, toNumber, type Page } from "./keyset";
import { fromParam, meterCondition, toParam, type Scope } from "./scope";

type Version = { value: number; indexValue: number | null; originalValue: number | null; originalUnit: string | null; quality: string };

/** One correction: the version replaced (kept in reading_history) and the one that replaced it. */
export type Correction = {
  id: number;
  meter: { id: string; code: string; name: string; unit: string; timezone: string };
  ts: Date;
  version: number;
  before: Version;
  after: Version | null;
  replacedAt: Date;
  replacedBy: string | null;
};

type Row = {
  k: string;
  id: number | string;
  meter_id: string;
  code: string;
  name: string;
  unit: string;
  timezone: string;
  ts: string | Date;
  version: number;
  replaced_at: string | Date;
  replaced_by: string | null;
  b_value: number | string;
  b_index: number | string | null;
  b_original: number | string | null;
  b_unit: string | null;
  b_quality: string;
  a_value: number | string | null;
  a_index: number | string | null;
  a_original: number | string | null;
  a_unit: string | null;
  a_quality: string | null;
};

/**
 * Corrections of readings of the period (by the reading's time), most recent correction
 * first: before = the archived version, after = the next archived version or the current
 * reading. Keyset on (replaced_at, id). Needs `measurements.read`.
 */
export async function listCorrections(
  db: Executor,
  actor: Actor,
  scope: Scope,
  q: { cursor?: string; limit: number },
): Promise<Page<Correction>> {
  assertCan(actor, "measurements.read");
  const after = timeCursor(q.cursor, "serial");
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select ${exactKey("h.replaced_at")} as k, h.id, h.meter_id, m.code, m.name, m.unit, s.timezone, h.ts, h.version, h.replaced_at, h.replaced_by,
             h.value as b_value, h.index_value as b_index, h.original_value as b_original, h.original_unit as b_unit, h.quality as b_quality,
             coalesce(n.value, r.value) as a_value, coalesce(n.index_value, r.index_value) as a_index,
             coalesce(n.original_value, r.original_value) as a_original, coalesce(n.original_unit, r.original_unit) as a_unit,
             coalesce(n.quality, r.quality) as a_quality
      from reading_history h
      join meters m on m.id = h.meter_id join sites s on s.id = m.site_id
      left join reading_history n on n.meter_id = h.meter_id and n.ts = h.ts and n.version = h.version + 1
      left join readings r on r.meter_id = h.meter_id and r.ts = h.ts
      where ${meterCondition(scope)} and h.ts >= ${fromParam(scope)} and h.ts < ${toParam(scope)}
        ${after ? sql`and (h.replaced_at, h.id) < (${after.at}::timestamptz, ${after.id}::bigint)` : sql``}
      order by h.replaced_at desc, h.id desc
      limit ${q.limit + 1}`),
  );
  return pageOf(
    rows,
    q.limit,
    (r) => String(r.id),
    (r) => ({
      id: Number(r.id),
      meter: { id: r.meter_id, code: r.code, name: r.name, unit: r.unit, timezone: r.timezone },
      ts: toDate(r.ts),
      version: Number(r.version),
      before: {
        value: Number(r.b_value),
        indexValue: toNumber(r.b_index),
        originalValue: toNumber(r.b_original),
        originalUnit: r.b_unit,
        quality: r.b_quality,
      },
      after:
        r.a_value === null
          ? null
          : {
              value: Number(r.a_value),
              indexValue: toNumber(r.a_index),
              originalValue: toNumber(r.a_original),
              originalUnit: r.a_unit,
              quality: r.a_quality ?? "corrected",
            },
      replacedAt: toDate(r.replaced_at),
      replacedBy: r.replaced_by,
    }),
  );
}
