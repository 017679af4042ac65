import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { fromParam, meterCondition, toParam, type Scope } from "./scope";

/**
 * CTEs `sel` (the scope's meters with the window where readings are expected) and `gaps`
 * (missing intervals of each window, set-based with lag() over the readings).
 *
 * A meter's window is the period clipped to its history: from its first reading ever (a
 * meter is not late before it started), to one interval before now for an active meter
 * (the newest interval may still be in transit) or to its last reading for a deactivated
 * one. A meter with no reading at all has no window. Windows are aligned to the meter's
 * interval (UTC-aligned, like ingest). Two sentinels (just before the window, at its end)
 * make leading and trailing holes count as gaps; a trailing one is `ongoing`.
 */
export function windowCtes(scope: Scope): SQL {
  const origin = sql`'2000-01-01T00:00:00Z'::timestamptz`;
  return sql`
  base as (
    select m.id, m.code, m.name, m.unit, m.active, m.site_id, s.code as site_code, s.name as site_name, s.timezone,
           make_interval(mins => m.interval_minutes) as step,
           (select min(r.ts) from readings r where r.meter_id = m.id) as first_ts,
           (select max(r.ts) from readings r where r.meter_id = m.id) as last_ts
    from meters m join sites s on s.id = m.site_id
    where ${meterCondition(scope)}
  ),
  sel as (
    select b.*,
      case when b.first_ts is null then null
        else date_bin(b.step, greatest(${fromParam(scope)}, b.first_ts) - interval '1 microsecond', ${origin}) + b.step end as lo,
      case when b.first_ts is null then null
        else least(${toParam(scope)},
          case when b.active then date_bin(b.step, now() - b.step, ${origin}) else b.last_ts + b.step end) end as hi
    from base b
  ),
  pts as (
    select sel.id, r.ts from sel join readings r on r.meter_id = sel.id and r.ts >= sel.lo and r.ts < sel.hi
    union all select id, lo - step from sel where lo < hi
    union all select id, hi from sel where lo < hi
  ),
  gaps as (
    select x.id, x.prev + sel.step as gap_start, x.ts as gap_end,
           floor(extract(epoch from x.ts - x.prev) / extract(epoch from sel.step))::int - 1 as missing,
           (x.ts = sel.hi and sel.active and sel.hi >= date_bin(sel.step, now() - sel.step, ${origin})) as ongoing
    from (select p.id, p.ts, lag(p.ts) over (partition by p.id order by p.ts) as prev from pts p) x
    join sel on sel.id = x.id
    where x.ts - x.prev > sel.step
  )`;
}
