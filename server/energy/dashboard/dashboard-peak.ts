import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { dayStart, electricMeter, kwFactor, scopeSql, type DashboardScope } from "./energy-sql";
import type { DayRange } from "./periods";

/** The highest interval power of a group (kW) and the start of that interval. */
export type Peak = { kw: number; at: Date };

type PeakRow = { g: string; at_ms: number; kw: number; next_ub: number | null };

/**
 * One query: per group (each site, or the whole scope), the interval whose summed power
 * over the group's meters of `kind` is the highest in the period (local days of each
 * meter's site). Hourly rollups give, per hour, an upper bound (the sum of each meter's
 * highest interval); only the `k` best hours are read from the raw readings. A group is
 * exact when its best interval is at least the bound of every hour not read (`next_ub`).
 */
async function peakQuery(db: Executor, scope: DashboardScope, kind: string, range: DayRange, bySite: boolean, k: number) {
  const group = bySite ? sql.raw("m.site_id::text") : sql.raw("'all'");
  return rowsOf<PeakRow>(
    await db.execute(sql`
      with pm as (
        select m.id, m.site_id, ${group} as g, ${kwFactor} as f,
               ${dayStart(range.from, "s.timezone")} as t0, ${dayStart(range.to, "s.timezone")} as t1
        from meters m join sites s on s.id = m.site_id
        where m.kind = ${kind} and ${electricMeter} and ${scopeSql(scope)}
      ),
      hourly as (
        select pm.g, h.bucket, sum(h.max * pm.f) as ub
        from readings_hourly h join pm on pm.id = h.meter_id
        where h.bucket > pm.t0 - interval '1 hour' and h.bucket < pm.t1
        group by pm.g, h.bucket
      ),
      ranked as (select g, bucket, ub, row_number() over (partition by g order by ub desc, bucket) as rn from hourly),
      bound as (select g, max(ub) as next_ub from ranked where rn > ${k} group by g),
      exact as (
        select c.g, r.ts, sum(r.value * pm.f) as p
        from ranked c
        join pm on pm.g = c.g
        join readings r on r.meter_id = pm.id and r.ts >= c.bucket and r.ts < c.bucket + interval '1 hour'
        where c.rn <= ${k} and r.ts >= pm.t0 and r.ts < pm.t1
        group by c.g, r.ts
      ),
      best as (select distinct on (g) g, ts, p from exact order by g, p desc, ts)
      select b.g, (extract(epoch from b.ts) * 1000)::float8 as at_ms, b.p::float8 as kw, bound.next_ub::float8 as next_ub
      from best b left join bound on bound.g = b.g`),
  );
}

/**
 * Peaks of `kind` per site (`bySite`) or for the whole scope (key `all`), exact: groups
 * whose bound is not met are searched again over more hours.
 */
export async function peaks(db: Executor, scope: DashboardScope, kind: "production" | "consumption", range: DayRange, bySite: boolean) {
  const out = new Map<string, Peak>();
  let k = 24;
  for (;;) {
    const rows = await peakQuery(db, scope, kind, range, bySite, k);
    let exact = true;
    for (const r of rows) {
      out.set(r.g, { kw: Number(r.kw), at: new Date(Number(r.at_ms)) });
      if (r.next_ub !== null && Number(r.next_ub) > Number(r.kw) + 1e-9) exact = false;
    }
    if (exact || k > 24 * 24 * 400) return out;
    k *= 16;
  }
}
