import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";

/** One bucket: [ISO start, avg, min, max]. */
export type SeriesPoint = [string, number, number, number];

/**
 * A server's metric between `from` (included) and `to` (excluded), averaged per `step`
 * seconds in SQL (`date_bin` from the Unix epoch), read along the (series_id, ts) primary
 * key: never the raw points. Null when the server has no such series.
 */
export async function localSeries(
  tx: Executor,
  serverId: string,
  metric: string,
  from: Date,
  to: Date,
  step: number,
): Promise<{ unit: string; points: SeriesPoint[] } | null> {
  const [series] = rowsOf<{ id: number; unit: string }>(
    await tx.execute(sql`select id, unit from metric_series where server_id = ${serverId} and name = ${metric}`),
  );
  if (!series) return null;
  const rows = rowsOf<{ bucket: string | Date; avg: number | string; min: number | string; max: number | string }>(
    await tx.execute(sql`select date_bin(make_interval(secs => ${step}), ts, timestamptz '1970-01-01 00:00:00+00') as bucket,
        avg(value) as avg, min(value) as min, max(value) as max
      from metric_points
      where series_id = ${series.id} and ts >= ${from.toISOString()}::timestamptz and ts < ${to.toISOString()}::timestamptz
      group by 1 order by 1`),
  );
  return {
    unit: series.unit,
    points: rows.map((r) => [new Date(r.bucket).toISOString(), Number(r.avg), Number(r.min), Number(r.max)]),
  };
}
