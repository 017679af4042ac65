import "server-only";
import { and, asc, eq, exists, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { meters, readingsDaily, sites } from "@/db/schema";
import type { MonthSums, SiteInfo } from "./compute";
import { addMonths, firstDay } from "./months";

export type SiteScope = { site?: string; network?: string };

function scopeConditions(f: SiteScope): SQL[] {
  const where: SQL[] = [];
  if (f.site) where.push(eq(sites.id, f.site));
  if (f.network) where.push(eq(sites.networkId, f.network));
  return where;
}

/** Sites in scope that have at least one meter, by code then id (the order of the pages). */
export async function sitesInScope(db: Executor, f: SiteScope): Promise<SiteInfo[]> {
  const withMeter = exists(
    db
      .select({ one: sql`1` })
      .from(meters)
      .where(eq(meters.siteId, sites.id)),
  );
  return db
    .select({ id: sites.id, code: sites.code, name: sites.name, country: sites.country, type: sites.type })
    .from(sites)
    .where(and(withMeter, ...scopeConditions(f)))
    .orderBy(asc(sites.code), asc(sites.id));
}

/**
 * Per site and site-local month (`readings_daily.day` is already the site's calendar day),
 * the exact sums of the meters that count (see compute.ts): each daily double is cast to
 * numeric before it is added, so the sum is exact on what was stored. Months without any
 * daily rollup have no row.
 */
export async function monthlySums(db: Executor, f: SiteScope, from: string, to: string): Promise<MonthSums[]> {
  const total = (condition: SQL) => sql<string | null>`(sum(${readingsDaily.sum}::numeric) filter (where ${condition}))::text`;
  // Electricity in kWh: energy meters as they are; power meters (kW, the interval averages
  // summed in the rollup) × the interval in hours, which is the energy of those intervals.
  const electricity = (kind: "consumption" | "production") =>
    sql<string | null>`(sum(case when ${meters.unit} = 'kW' then ${readingsDaily.sum}::numeric * ${meters.intervalMinutes} / 60
        else ${readingsDaily.sum}::numeric end)
      filter (where ${meters.kind} = ${kind} and ${meters.carrier} = 'electricity' and ${meters.unit} in ('kWh', 'kW')))::text`;
  const consumption = (carrier: string, unit: string) =>
    total(sql`${meters.kind} = 'consumption' and ${meters.carrier} = ${carrier} and ${meters.unit} = ${unit}`);
  const month = sql<string>`to_char(${readingsDaily.day}, 'YYYY-MM')`;
  return db
    .select({
      siteId: meters.siteId,
      month,
      electricityKwh: electricity("consumption"),
      gasKwh: consumption("natural_gas", "kWh"),
      gasM3: consumption("natural_gas", "m3"),
      dieselM3: consumption("diesel", "m3"),
      productionKwh: electricity("production"),
    })
    .from(readingsDaily)
    .innerJoin(meters, eq(meters.id, readingsDaily.meterId))
    .innerJoin(sites, eq(sites.id, meters.siteId))
    .where(
      and(
        sql`${readingsDaily.day} >= ${firstDay(from)}::date`,
        sql`${readingsDaily.day} < ${firstDay(addMonths(to, 1))}::date`,
        ...scopeConditions(f),
      ),
    )
    .groupBy(meters.siteId, month)
    .orderBy(meters.siteId, month);
}
