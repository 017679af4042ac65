import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import type { TouchedRange } from "./types";

/**
 * Merges the touched ranges per meter into disjoint spans (gaps and islands): `src` has
 * columns (meter_id, f, t [, tz]); the result has the same columns with overlapping or
 * adjacent [f, t) joined.
 */
const mergeSpans = (src: string, extra = "") => `
  select meter_id${extra}, min(f) as f, max(t) as t from (
    select *, sum(starts) over (partition by meter_id order by f, t rows unbounded preceding) as g from (
      select *, case when f <= max(t) over (partition by meter_id order by f, t rows between unbounded preceding and 1 preceding)
                     then 0 else 1 end as starts
      from ${src}) as s1) as s2
  group by meter_id${extra}, g`;

const aggregates = `sum(r.value) as sum, count(*)::int as count, min(r.value) as min, max(r.value) as max,
  (count(*) filter (where r.quality = 'estimated'))::int as estimated,
  (count(*) filter (where r.quality = 'corrected'))::int as corrected`;

const upsertSet = `sum = excluded.sum, count = excluded.count, min = excluded.min, max = excluded.max,
  estimated = excluded.estimated, corrected = excluded.corrected`;

/**
 * One statement: hourly buckets (UTC hours) and daily buckets (the site's local calendar
 * days, `(ts at time zone site.timezone)::date`) overlapping the touched ranges are
 * recomputed from the raw readings, upserted, and deleted where no reading is left.
 * Daily spans are read 3 hours wider than the local days (a midnight inside a DST gap)
 * and filtered by local date, so a day is always recomputed whole.
 */
const refreshStatement = `
with touched as (
  select x.m as meter_id, x.f, greatest(x.t, x.f + interval '1 microsecond') as t
  from jsonb_to_recordset($1::text::jsonb) as x(m uuid, f timestamptz, t timestamptz)
),
hour_ranges as (
  select meter_id, date_trunc('hour', f, 'UTC') as f,
         date_trunc('hour', t - interval '1 microsecond', 'UTC') + interval '1 hour' as t
  from touched
),
hour_spans as (${mergeSpans("hour_ranges")}),
hour_agg as (
  select s.meter_id, a.*
  from hour_spans s cross join lateral (
    select date_trunc('hour', r.ts, 'UTC') as bucket, ${aggregates}
    from readings r where r.meter_id = s.meter_id and r.ts >= s.f and r.ts < s.t
    group by 1) as a
),
hour_up as (
  insert into readings_hourly (meter_id, bucket, sum, count, min, max, estimated, corrected)
  select * from hour_agg
  on conflict (meter_id, bucket) do update set ${upsertSet}
  returning 1
),
hour_del as (
  delete from readings_hourly where ctid = any(array(
    select x.ctid from hour_spans s cross join lateral (
      select h.ctid, h.bucket from readings_hourly h
      where h.meter_id = s.meter_id and h.bucket >= s.f and h.bucket < s.t offset 0) as x
    where not exists (select 1 from hour_agg a where a.meter_id = s.meter_id and a.bucket = x.bucket)))
  returning 1
),
day_ranges as (
  select t.meter_id, st.timezone as tz, (t.f at time zone st.timezone)::date as f,
         ((t.t - interval '1 microsecond') at time zone st.timezone)::date + 1 as t
  from touched t join meters m on m.id = t.meter_id join sites st on st.id = m.site_id
),
day_spans as (${mergeSpans("day_ranges", ", tz")}),
day_agg as (
  select s.meter_id, a.*
  from day_spans s cross join lateral (
    select (r.ts at time zone s.tz)::date as day, ${aggregates}
    from readings r
    where r.meter_id = s.meter_id
      and r.ts >= (s.f::timestamp at time zone s.tz) - interval '3 hours'
      and r.ts < (s.t::timestamp at time zone s.tz) + interval '3 hours'
    group by 1
    having (r.ts at time zone s.tz)::date >= s.f and (r.ts at time zone s.tz)::date < s.t) as a
),
day_up as (
  insert into readings_daily (meter_id, day, sum, count, min, max, estimated, corrected)
  select * from day_agg
  on conflict (meter_id, day) do update set ${upsertSet}
  returning 1
),
day_del as (
  delete from readings_daily where ctid = any(array(
    select x.ctid from day_spans s cross join lateral (
      select d.ctid, d.day from readings_daily d
      where d.meter_id = s.meter_id and d.day >= s.f and d.day < s.t offset 0) as x
    where not exists (select 1 from day_agg a where a.meter_id = s.meter_id and a.day = x.day)))
  returning 1
)
select (select count(*) from hour_up) as hours, (select count(*) from hour_del) as hours_deleted,
       (select count(*) from day_up) as days, (select count(*) from day_del) as days_deleted,
       set_config('jit', $2, true) as jit`;

/**
 * Serialises rollup refreshes of the same meters (transaction-scoped advisory locks, taken
 * in a fixed order), and with ingest's additions to their buckets (the meters' row locks,
 * which ingest holds from loadMeters to its commit). Taken in a statement of its own: the
 * refresh that follows then reads a snapshot that includes every reading committed by a
 * concurrent ingest of those meters.
 * It also turns JIT off for the planning of the refresh (on PostgreSQL its estimated cost
 * passes jit_above_cost and compiling took ~50 ms for a 7 ms statement); the refresh puts
 * the previous setting back.
 */
const lockStatement = `
select current_setting('jit') as jit, set_config('jit', 'off', true) as off,
       (select count(*) from (select m.id from meters m
          where m.id in (select x.m from jsonb_to_recordset($1::text::jsonb) as x(m uuid))
          order by m.id for no key update) as rows) as meters,
       (select count(pg_advisory_xact_lock(hashtextextended('dihya.readings:' || m::text, 0)))
        from (select distinct x.m from jsonb_to_recordset($1::text::jsonb) as x(m uuid) order by x.m) as l) as locks`;

/**
 * Recomputes, set-based, the hourly and daily rollups of every bucket overlapping the
 * touched ranges from the raw readings (sum, count, min, max, estimated and corrected
 * counts), upserts them and deletes the buckets that became empty. Runs inside the caller's
 * transaction (each ingest batch, the seed); tens of thousands of ranges are fine: they are
 * sent as one JSON parameter and merged per meter in SQL.
 */
export async function refreshRollups(tx: Executor, touched: TouchedRange[]): Promise<void> {
  if (touched.length === 0) return;
  const payload = JSON.stringify(touched.map((r) => ({ m: r.meterId, f: r.from.toISOString(), t: r.to.toISOString() })));
  const [lock] = rowsOf<{ jit: string }>(await tx.execute(bind(lockStatement, [payload])));
  await tx.execute(bind(refreshStatement, [payload, lock?.jit ?? "on"]));
}

/** The statement with its `$1`, `$2`… placeholders bound to `values` (text parameters). */
function bind(statement: string, values: string[]): SQL {
  const parts = statement.split(/\$(\d)/);
  const chunks: SQL[] = [];
  parts.forEach((part, i) => chunks.push(i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1]!}`));
  return sql.join(chunks);
}
