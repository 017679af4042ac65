import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";

/** Series per delete statement: each deletes along the (series_id, ts) primary key, a short transaction. */
const seriesPerChunk = 200;

export function retentionDays(): number {
  const n = Number(process.env.DIHYA_METRICS_RETENTION_DAYS);
  return Number.isInteger(n) && n >= 1 ? n : 30;
}

/**
 * Deletes metric points older than `days` (DIHYA_METRICS_RETENTION_DAYS, default 30), a
 * chunk of series at a time in its own transaction, so a large purge never holds one long
 * lock. Stops between chunks when `signal` aborts. Returns the points deleted.
 */
export async function purgeOldPoints(db: Db, options: { days?: number; now?: Date; signal?: AbortSignal } = {}): Promise<number> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - (options.days ?? retentionDays()) * 86_400_000).toISOString();
  let after = 0;
  let deleted = 0;
  for (;;) {
    if (options.signal?.aborted) break;
    const [row] = rowsOf<{ last: number | null; n: number | string }>(
      await db.execute(sql`with chunk as (
          select id from metric_series where id > ${after} order by id limit ${seriesPerChunk}
        ),
        gone as (
          delete from metric_points p using chunk c where p.series_id = c.id and p.ts < ${cutoff}::timestamptz returning 1
        )
        select (select max(id) from chunk) as last, (select count(*) from gone) as n`),
    );
    if (row?.last === null || row?.last === undefined) break;
    deleted += Number(row.n);
    after = Number(row.last);
  }
  return deleted;
}
