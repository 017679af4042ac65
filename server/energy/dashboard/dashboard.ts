import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { assertCan, type Actor } from "@/server/auth/actor";
import { energyTimeZone, knownZone } from "@/server/energy/equipment/dates";
import { peaks, type Peak } from "./dashboard-peak";
import { dailySeries, siteTotals, type DailyPoint, type PeriodPair, type SiteTotals } from "./dashboard-totals";
import { renewableSiteTypes, type DashboardScope } from "./energy-sql";
import { daysOf, periodOf, todayIn, type Period, type PeriodPreset } from "./periods";

export type { DashboardScope } from "./energy-sql";

export type DashboardSite = SiteTotals & { peakDemand: Peak | null; peakOutput: Peak | null };

export type Dashboard = {
  period: Period;
  /** Zone of the period's days and of the peak times: the site's, or Africa/Algiers for several sites. */
  timeZone: string;
  production: PeriodPair;
  consumption: PeriodPair;
  /** Renewable production ÷ total production, 0..1 (null without production). */
  renewableShare: PeriodPair;
  peakDemand: { current: Peak | null; previous: Peak | null };
  peakOutput: { current: Peak | null; previous: Peak | null };
  daily: DailyPoint[];
  sites: DashboardSite[];
};

/** Relative change in %, or null when there is nothing to compare with. */
export function changePercent(pair: { current: number | null; previous: number | null }): number | null {
  if (pair.current === null || pair.previous === null || pair.previous === 0) return null;
  return ((pair.current - pair.previous) / Math.abs(pair.previous)) * 100;
}

const sum = (values: (number | null)[]) => values.reduce<number | null>((acc, v) => (v === null ? acc : (acc ?? 0) + v), null);

/** The zone a site scope reads in (its own), else Africa/Algiers. */
async function scopeZone(db: Executor, scope: DashboardScope): Promise<string> {
  if (scope.kind !== "site") return energyTimeZone;
  const [row] = rowsOf<{ timezone: string }>(await db.execute(sql`select timezone from sites where id = ${scope.id}::uuid`));
  return knownZone(row?.timezone);
}

/**
 * The energy dashboard (`measurements.read`): production and consumption (kWh, electricity
 * meters), renewable share, peak demand and peak output, each beside the previous period,
 * a daily series and a per-site table, all from the rollups in SQL.
 */
export async function getDashboard(
  db: Executor,
  actor: Actor,
  input: { scope: DashboardScope; preset: PeriodPreset; now?: Date },
): Promise<Dashboard> {
  assertCan(actor, "measurements.read");
  const { scope } = input;
  const timeZone = await scopeZone(db, scope);
  const period = periodOf(input.preset, todayIn(timeZone, input.now));
  const { current, previous } = period;
  const [sites, daily, demand, output, demandBefore, outputBefore, siteDemand, siteOutput] = await Promise.all([
    siteTotals(db, scope, current, previous),
    dailySeries(db, scope, current),
    peaks(db, scope, "consumption", current, false),
    peaks(db, scope, "production", current, false),
    peaks(db, scope, "consumption", previous, false),
    peaks(db, scope, "production", previous, false),
    peaks(db, scope, "consumption", current, true),
    peaks(db, scope, "production", current, true),
  ]);
  const total = (kind: "production" | "consumption", which: "current" | "previous") => sum(sites.map((s) => s[kind][which]));
  const renewable = (which: "current" | "previous") => {
    const all = total("production", which);
    const green = sum(sites.filter((s) => (renewableSiteTypes as readonly string[]).includes(s.type)).map((s) => s.production[which]));
    return all === null || all === 0 ? null : (green ?? 0) / all;
  };
  return {
    period,
    timeZone,
    production: { current: total("production", "current"), previous: total("production", "previous") },
    consumption: { current: total("consumption", "current"), previous: total("consumption", "previous") },
    renewableShare: { current: renewable("current"), previous: renewable("previous") },
    peakDemand: { current: demand.get("all") ?? null, previous: demandBefore.get("all") ?? null },
    peakOutput: { current: output.get("all") ?? null, previous: outputBefore.get("all") ?? null },
    daily: daysOf(current).map((day) => daily.get(day) ?? { day, production: null, consumption: null }),
    sites: sites.map((s) => ({ ...s, peakDemand: siteDemand.get(s.siteId) ?? null, peakOutput: siteOutput.get(s.siteId) ?? null })),
  };
}
