import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { assertCan, type Actor } from "@/server/auth/actor";
import { exactKey, pageOf, timeCursor, toDate, type Page } from "./keyset";
import { fromParam, meterCondition, toParam, type Scope } from "./scope";

/** A refused item: its code and detail as the API answered, and what was sent (ts, value, unit). */
export type RejectedReading = {
  id: number;
  at: Date;
  meter: { id: string; code: string } | null;
  meterCode: string | null;
  itemIndex: number;
  code: string;
  detail: string;
  sent: { ts: string | null; value: string | null; unit: string | null };
  batch: { id: string; source: string; actor: string | null; fileName: string | null };
};

type Row = {
  k: string;
  id: number | string;
  created_at: string | Date;
  meter_id: string | null;
  meter_code: string | null;
  current_code: string | null;
  item_index: number;
  code: string;
  detail: string;
  p_ts: string | null;
  p_value: string | null;
  p_unit: string | null;
  batch_id: string;
  source: string;
  actor: string | null;
  file_name: string | null;
};

/**
 * Items refused at ingest in the period (by reception time), latest first; keyset on
 * (created_at, id). With a site or meter filter, only items attributed to its meters;
 * without, also items naming unknown meters. Needs `measurements.read`.
 */
export async function listRejections(
  db: Executor,
  actor: Actor,
  scope: Scope,
  q: { cursor?: string; limit: number },
): Promise<Page<RejectedReading>> {
  assertCan(actor, "measurements.read");
  const after = timeCursor(q.cursor, "serial");
  const scoped = scope.siteId || scope.meterId;
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select ${exactKey("j.created_at")} as k, j.id, j.created_at, j.meter_id, j.meter_code, m.code as current_code, j.item_index, j.code, j.detail,
             left(j.payload ->> 'ts', 60) as p_ts, left(j.payload ->> 'value', 60) as p_value, left(j.payload ->> 'unit', 20) as p_unit,
             b.id as batch_id, b.source, b.actor, b.file_name
      from ingest_rejections j
      join ingest_batches b on b.id = j.batch_id
      left join meters m on m.id = j.meter_id
      where j.created_at >= ${fromParam(scope)} and j.created_at < ${toParam(scope)}
        ${scoped ? sql`and m.id is not null and ${meterCondition(scope)}` : sql``}
        ${after ? sql`and (j.created_at, j.id) < (${after.at}::timestamptz, ${after.id}::bigint)` : sql``}
      order by j.created_at desc, j.id desc
      limit ${q.limit + 1}`),
  );
  return pageOf(
    rows,
    q.limit,
    (r) => String(r.id),
    (r) => ({
      id: Number(r.id),
      at: toDate(r.created_at),
      meter: r.meter_id && r.current_code ? { id: r.meter_id, code: r.current_code } : null,
      meterCode: r.meter_code,
      itemIndex: Number(r.item_index),
      code: r.code,
      detail: r.detail,
      sent: { ts: r.p_ts, value: r.p_value, unit: r.p_unit },
      batch: { id: r.batch_id, source: r.source, actor: r.actor, fileName: r.file_name },
    }),
  );
}

/** How many rejections the list holds for the scope and period. Needs `measurements.read`. */
export async function countRejections(db: Executor, actor: Actor, scope: Scope): Promise<number> {
  assertCan(actor, "measurements.read");
  const scoped = scope.siteId || scope.meterId;
  const [row] = rowsOf<{ n: number | string }>(
    await db.execute(sql`
      select count(*)::int as n from ingest_rejections j left join meters m on m.id = j.meter_id
      where j.created_at >= ${fromParam(scope)} and j.created_at < ${toParam(scope)}
        ${scoped ? sql`and m.id is not null and ${meterCondition(scope)}` : sql``}`),
  );
  return Number(row?.n ?? 0);
}
