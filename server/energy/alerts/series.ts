import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import type { Point } from "./judge";
import type { RuleContext } from "./rule-context";

/** A rule's latest values, newest first, one per `step` minutes. */
export type Series = { step: number; points: Point[] };

/** Intervals read beyond the breach window, to date the start of a long breach. */
const extraIntervals = 96;

type Row = { rule_id: string; ms: number | string; v: number | string; step: number | string };

const uuidArray = (ids: readonly string[]) => `{${ids.join(",")}}`;

function collect(rows: Row[], into: Map<string, Series>) {
  for (const row of rows) {
    let series = into.get(row.rule_id);
    if (!series) into.set(row.rule_id, (series = { step: Number(row.step), points: [] }));
    series.points.push({ ts: new Date(Number(row.ms)), value: Number(row.v) });
  }
}

/**
 * Meter rules: the newest readings of each rule's meter (one indexed scan per rule), as
 * kW for energy meters (kWh × 60 ÷ interval minutes) and as stored otherwise.
 */
async function meterSeries(db: Executor, ruleIds: readonly string[], into: Map<string, Series>) {
  const result = await db.execute(sql`
    select ar.id as rule_id, m.interval_minutes as step, x.ms, x.v
    from alert_rules ar
    join meters m on m.id = ar.meter_id
    cross join lateral (
      select extract(epoch from r.ts) * 1000 as ms,
             (r.value * case when m.quantity = 'energy' then 60.0 / m.interval_minutes else 1 end)::float8 as v
      from readings r
      where r.meter_id = m.id
      order by r.ts desc
      limit greatest(1, ceil(ar.duration_minutes::numeric / m.interval_minutes))::int + ${extraIntervals}
    ) x
    where ar.id = any(${uuidArray(ruleIds)}::uuid[])
    order by ar.id, x.ms desc`);
  collect(rowsOf<Row>(result), into);
}

/**
 * Site rules: the site's active energy and power meters of the rule's kind that have ever
 * reported, each as average kW per bucket of the coarsest meter interval, summed. A bucket
 * counts only when every one of those meters has all its readings in it; an incomplete
 * bucket is left out, so it breaks a run like a missing reading.
 */
async function siteSeries(db: Executor, ruleIds: readonly string[], into: Map<string, Series>) {
  const result = await db.execute(sql`
    with rule as (
      select id, site_id, kind, duration_minutes from alert_rules where id = any(${uuidArray(ruleIds)}::uuid[])
    ),
    sm as (
      select rule.id as rule_id, m.id as meter_id, m.interval_minutes as iv,
             case when m.quantity = 'energy' then 60.0 / m.interval_minutes else 1 end as factor,
             (select max(r.ts) from readings r where r.meter_id = m.id) as last_ts
      from rule
      join meters m on m.site_id = rule.site_id and m.kind = rule.kind and m.active and m.quantity in ('energy', 'power')
    ),
    live as (select * from sm where last_ts is not null),
    step as (
      select live.rule_id, max(live.iv) as step, count(*) as n_meters,
             max(live.last_ts) - make_interval(mins => ((ceil(max(rule.duration_minutes)::numeric / max(live.iv))::int + ${extraIntervals} + 1) * max(live.iv))) as since
      from live join rule on rule.id = live.rule_id
      group by live.rule_id
    ),
    per_meter as (
      select live.rule_id, live.meter_id, step.step,
             floor(extract(epoch from r.ts) / (step.step * 60)) * step.step * 60000 as ms,
             avg(r.value * live.factor) as p, count(*) as c, step.step / live.iv as expected
      from live
      join step on step.rule_id = live.rule_id
      join readings r on r.meter_id = live.meter_id and r.ts > step.since
      group by live.rule_id, live.meter_id, step.step, live.iv, 4
    )
    select pm.rule_id, pm.step, pm.ms, sum(pm.p)::float8 as v
    from per_meter pm
    join step on step.rule_id = pm.rule_id
    group by pm.rule_id, pm.step, pm.ms, step.n_meters
    having count(*) filter (where pm.c >= pm.expected) = step.n_meters
    order by pm.rule_id, pm.ms desc`);
  collect(rowsOf<Row>(result), into);
}

/** The series of every rule given, in two queries (meter rules, site rules). Rules without data are absent. */
export async function loadSeries(db: Executor, rules: readonly RuleContext[]): Promise<Map<string, Series>> {
  const series = new Map<string, Series>();
  const meterRules = rules.filter((r) => r.meterId).map((r) => r.id);
  const siteRules = rules.filter((r) => !r.meterId).map((r) => r.id);
  if (meterRules.length > 0) await meterSeries(db, meterRules, series);
  if (siteRules.length > 0) await siteSeries(db, siteRules, series);
  return series;
}
