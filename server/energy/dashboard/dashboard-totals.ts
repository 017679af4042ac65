import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { electricMeter, kwhOf, scopeSql, type DashboardScope } from "./energy-sql";
import type { DayRange } from "./periods";

/** kWh of one kind over the current and previous periods (null: no reading in the period). */
export type PeriodPair = { current: number | null; previous: number | null };

export type SiteTotals = {
  siteId: string;
  code: string;
  name: string;
  type: string;
  timezone: string;
  meters: { production: number; consumption: number };
  production: PeriodPair;
  consumption: PeriodPair;
};

type TotalsRow = { site_id: string; kind: string; cur: number | null; prev: number | null; meters: number };
type SiteRow = { id: string; code: string; name: string; type: string; timezone: string };

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * kWh produced and consumed per site over both periods, from the daily rollups (the site's
 * local days), for every site of the scope that has an electricity meter. Sites without a
 * reading in a period have null there.
 */
export async function siteTotals(db: Executor, scope: DashboardScope, current: DayRange, previous: DayRange): Promise<SiteTotals[]> {
  const lo = current.from < previous.from ? current.from : previous.from;
  const hi = current.to > previous.to ? current.to : previous.to;
  const kwh = kwhOf("d");
  const totals = rowsOf<TotalsRow>(
    await db.execute(sql`
      select m.site_id::text as site_id, m.kind, count(distinct m.id)::int as meters,
        sum(case when d.day >= ${current.from}::date and d.day < ${current.to}::date then ${kwh} end)::float8 as cur,
        sum(case when d.day >= ${previous.from}::date and d.day < ${previous.to}::date then ${kwh} end)::float8 as prev
      from meters m
      join sites s on s.id = m.site_id
      left join readings_daily d on d.meter_id = m.id and d.day >= ${lo}::date and d.day < ${hi}::date
      where ${electricMeter} and ${scopeSql(scope)}
      group by m.site_id, m.kind`),
  );
  if (totals.length === 0) return [];
  const ids = [...new Set(totals.map((t) => t.site_id))];
  const sites = rowsOf<SiteRow>(
    await db.execute(sql`
      select s.id::text as id, s.code, s.name, s.type, s.timezone from sites s
      where s.id = any(${`{${ids.join(",")}}`}::uuid[]) order by lower(s.name), s.id`),
  );
  return sites.map((s) => {
    const of = (kind: string) => totals.find((t) => t.site_id === s.id && t.kind === kind);
    const pair = (kind: string): PeriodPair => ({ current: num(of(kind)?.cur), previous: num(of(kind)?.prev) });
    return {
      siteId: s.id,
      code: s.code,
      name: s.name,
      type: s.type,
      timezone: s.timezone,
      meters: { production: of("production")?.meters ?? 0, consumption: of("consumption")?.meters ?? 0 },
      production: pair("production"),
      consumption: pair("consumption"),
    };
  });
}

export type DailyPoint = { day: string; production: number | null; consumption: number | null };

/** kWh per local day and kind over a range; a day without any reading of a kind is null. */
export async function dailySeries(db: Executor, scope: DashboardScope, range: DayRange): Promise<Map<string, DailyPoint>> {
  const rows = rowsOf<{ day: string; kind: string; kwh: number }>(
    await db.execute(sql`
      select d.day::text as day, m.kind, sum(${kwhOf("d")})::float8 as kwh
      from readings_daily d
      join meters m on m.id = d.meter_id
      join sites s on s.id = m.site_id
      where d.day >= ${range.from}::date and d.day < ${range.to}::date and ${electricMeter} and ${scopeSql(scope)}
      group by d.day, m.kind`),
  );
  const out = new Map<string, DailyPoint>();
  for (const r of rows) {
    const point = out.get(r.day) ?? { day: r.day, production: null, consumption: null };
    if (r.kind === "production" || r.kind === "consumption") point[r.kind] = Number(r.kwh);
    out.set(r.day, point);
  }
  return out;
}
