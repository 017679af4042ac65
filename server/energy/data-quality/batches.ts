import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { assertCan, type Actor } from "@/server/auth/actor";
import { exactKey, pageOf, timeCursor, toDate, type Page } from "./keyset";
import { fromParam, toParam, type Scope } from "./scope";

/**
 * Ingest batches (API calls, MQTT messages, CSV imports, the seed). A batch is not tied to
 * one meter in the schema, so these counts cover every meter whatever the site/meter filter.
 */
export type BatchCounts = { batches: number; received: number; accepted: number; duplicates: number; corrected: number; rejected: number };
export type Batch = BatchCounts & { id: string; at: Date; source: string; actor: string | null; fileName: string | null };

type Row = {
  k: string;
  id: string;
  created_at: string | Date;
  source: string;
  actor: string | null;
  file_name: string | null;
  received: number;
  accepted: number;
  duplicates: number;
  corrected: number;
  rejected: number;
};

/** Totals over the batches received in the period. Needs `measurements.read`. */
export async function batchTotals(db: Executor, actor: Actor, scope: Scope): Promise<BatchCounts> {
  assertCan(actor, "measurements.read");
  const [row] = rowsOf<Record<keyof BatchCounts, number | string>>(
    await db.execute(sql`
      select count(*)::int as batches, coalesce(sum(received), 0)::int as received, coalesce(sum(accepted), 0)::int as accepted,
             coalesce(sum(duplicates), 0)::int as duplicates, coalesce(sum(corrected), 0)::int as corrected,
             coalesce(sum(rejected), 0)::int as rejected
      from ingest_batches where created_at >= ${fromParam(scope)} and created_at < ${toParam(scope)}`),
  );
  const n = (k: keyof BatchCounts) => Number(row?.[k] ?? 0);
  return {
    batches: n("batches"),
    received: n("received"),
    accepted: n("accepted"),
    duplicates: n("duplicates"),
    corrected: n("corrected"),
    rejected: n("rejected"),
  };
}

/** Batches of the period that had duplicates, corrections or rejections, latest first. Needs `measurements.read`. */
export async function listBatches(db: Executor, actor: Actor, scope: Scope, q: { cursor?: string; limit: number }): Promise<Page<Batch>> {
  assertCan(actor, "measurements.read");
  const after = timeCursor(q.cursor, "uuid");
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select ${exactKey("created_at")} as k, id, created_at, source, actor, file_name, received, accepted, duplicates, corrected, rejected
      from ingest_batches
      where created_at >= ${fromParam(scope)} and created_at < ${toParam(scope)}
        and (duplicates > 0 or corrected > 0 or rejected > 0)
        ${after ? sql`and (created_at, id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
      order by created_at desc, id desc
      limit ${q.limit + 1}`),
  );
  return pageOf(
    rows,
    q.limit,
    (r) => r.id,
    (r) => ({
      id: r.id,
      at: toDate(r.created_at),
      source: r.source,
      actor: r.actor,
      fileName: r.file_name,
      batches: 1,
      received: Number(r.received),
      accepted: Number(r.accepted),
      duplicates: Number(r.duplicates),
      corrected: Number(r.corrected),
      rejected: Number(r.rejected),
    }),
  );
}
