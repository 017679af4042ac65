import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Granularity } from "./types";

/**
 * The SQL of the time series. Every bucket is computed in PostgreSQL in the site's time
 * zone: raw and 15-minute points from `readings`, hours from `readings_hourly` (UTC hours,
 * i.e. local hours wherever the offset is whole hours), days from `readings_daily` (local
 * calendar days: 23 or 25 hours on a daylight-saving day) and months from the local days.
 */

/** The requested interval once aligned to whole buckets: instants (ISO, UTC) and local dates. */
export type Window = { from: string; to: string; fromDay: string; toDay: string; tz: string };

const origin = sql`timestamptz '2000-01-01T00:00:00Z'`;
const quarter = sql`interval '15 minutes'`;
const tick = sql`interval '1 microsecond'`;

/** Aligned [from, to) for a granularity; `f`/`t` are timestamptz expressions. */
export function alignSql(g: Granularity, f: SQL, t: SQL, tz: string): { from: SQL; to: SQL } {
  switch (g) {
    case "raw":
      return { from: f, to: t };
    case "15min":
      return { from: sql`date_bin(${quarter}, ${f}, ${origin})`, to: sql`date_bin(${quarter}, ${t} - ${tick}, ${origin}) + ${quarter}` };
    case "hour":
      return {
        from: sql`date_trunc('hour', ${f}, 'UTC')`,
        to: sql`date_trunc('hour', ${t} - ${tick}, 'UTC') + interval '1 hour'`,
      };
    case "day":
      return {
        from: sql`((${f} at time zone ${tz})::date)::timestamp at time zone ${tz}`,
        to: sql`(((${t} - ${tick}) at time zone ${tz})::date + 1)::timestamp at time zone ${tz}`,
      };
    case "month":
      return {
        from: sql`date_trunc('month', ${f} at time zone ${tz}) at time zone ${tz}`,
        to: sql`(date_trunc('month', (${t} - ${tick}) at time zone ${tz}) + interval '1 month') at time zone ${tz}`,
      };
  }
}

/** Per meter and bucket `b` (timestamptz): s = sum, c = count, mx = max, e/k = estimated/corrected counts. */
function perMeter(g: Granularity, ids: string, w: Window): SQL {
  const f = sql`${w.from}::timestamptz`;
  const t = sql`${w.to}::timestamptz`;
  const inMeters = (col: string) => sql`${sql.raw(col)} = any(${ids}::uuid[])`;
  const counts = sql`count(*) filter (where r.quality = 'estimated') as e, count(*) filter (where r.quality = 'corrected') as k`;
  switch (g) {
    case "raw":
      return sql`select r.meter_id, r.ts as b, r.value as s, 1 as c, r.value as mx,
          (r.quality = 'estimated')::int as e, (r.quality = 'corrected')::int as k
        from readings r where ${inMeters("r.meter_id")} and r.ts >= ${f} and r.ts < ${t}`;
    case "15min":
      return sql`select r.meter_id, date_bin(${quarter}, r.ts, ${origin}) as b, sum(r.value) as s, count(*) as c,
          max(r.value) as mx, ${counts}
        from readings r where ${inMeters("r.meter_id")} and r.ts >= ${f} and r.ts < ${t} group by 1, 2`;
    case "hour":
      return sql`select h.meter_id, h.bucket as b, h.sum as s, h.count as c, h.max as mx, h.estimated as e, h.corrected as k
        from readings_hourly h where ${inMeters("h.meter_id")} and h.bucket >= ${f} and h.bucket < ${t}`;
    case "day":
      return sql`select d.meter_id, d.day::timestamp at time zone ${w.tz} as b, d.sum as s, d.count as c, d.max as mx,
          d.estimated as e, d.corrected as k
        from readings_daily d where ${inMeters("d.meter_id")} and d.day >= ${w.fromDay}::date and d.day < ${w.toDay}::date`;
    case "month":
      return sql`select d.meter_id, date_trunc('month', d.day::timestamp) at time zone ${w.tz} as b, sum(d.sum) as s,
          sum(d.count) as c, max(d.max) as mx, sum(d.estimated) as e, sum(d.corrected) as k
        from readings_daily d where ${inMeters("d.meter_id")} and d.day >= ${w.fromDay}::date and d.day < ${w.toDay}::date
        group by 1, 2`;
  }
}

export type BucketRow = { ms: number; local: string; s: number; a: number; c: number; mx: number | null; e: number; k: number };

/**
 * Buckets of the meters combined, oldest first, at most `limit` rows: `s` the sum of the
 * values, `a` the sum of each meter's average (a site's power), `mx` the largest value.
 * `local` is the bucket start as the site's wall-clock time.
 */
export function seriesSql(g: Granularity, meterIds: readonly string[], w: Window, limit: number): SQL {
  const ids = `{${meterIds.join(",")}}`;
  return sql`select (extract(epoch from p.b) * 1000)::float8 as ms,
      to_char(p.b at time zone ${w.tz}, 'YYYY-MM-DD"T"HH24:MI:SS.MS') as local,
      sum(p.s)::float8 as s, sum(p.s / p.c)::float8 as a, sum(p.c)::int as c, max(p.mx)::float8 as mx,
      sum(p.e)::int as e, sum(p.k)::int as k
    from (${perMeter(g, ids, w)}) as p
    group by p.b order by p.b limit ${limit}`;
}
