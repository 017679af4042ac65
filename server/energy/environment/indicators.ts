import "server-only";
import type { Executor } from "@/db/client";
import type { EnvironmentFilters, EnvironmentQuery } from "@/lib/validation/environment";
import { assertCan, type Actor } from "@/server/auth/actor";
import { decodeCursor, encodeCursor } from "@/server/platform/cursor";
import { compliance, targetRef, yearToDate, type Target } from "./compliance";
import { computeSiteMonth, factorRef, type SiteInfo, type SiteMonth } from "./compute";
import { num } from "./decimal";
import { currentFactors } from "./factors-query";
import { monthlySums, sitesInScope } from "./monthly-sums";
import { monthsBetween, resolveRange } from "./months";
import { aggregate, monthTotals } from "./totals";
import { targetsFor } from "./targets-service";
import type { EnvironmentResult, EnvironmentRow } from "./types";

const nullable = <T, R>(v: T | null, f: (v: T) => R): R | null => (v === null ? null : f(v));

function toRow(m: SiteMonth, target: Target | null, ytd: ReturnType<typeof yearToDate>): EnvironmentRow {
  return {
    site: m.site,
    month: m.month,
    consumptionKwh: num(m.consumptionKwh),
    electricityKwh: num(m.electricityKwh),
    gasKwh: num(m.gasKwh),
    gasM3: num(m.gasM3),
    dieselM3: num(m.dieselM3),
    co2Kg: nullable(m.co2Kg, num),
    productionKwh: num(m.productionKwh),
    renewableProductionKwh: num(m.renewableProductionKwh),
    avoidedCo2Kg: nullable(m.avoidedCo2Kg, num),
    renewableShare: nullable(m.renewableShare, num),
    factor: nullable(m.factor, factorRef),
    fuelFactors: m.fuelFactors.map(factorRef),
    target: nullable(target, targetRef),
    compliance: compliance(m.month, ytd.get(m.month)!, target),
  };
}

/**
 * Every site-month of the scope from January of `from`'s year (for the year-to-date
 * compliance) through `to`, computed with the current factors (compute.ts, factor-rule.ts).
 */
async function computeScope(db: Executor, f: EnvironmentFilters, from: string, to: string) {
  const [sites, sums, factors] = await Promise.all([
    sitesInScope(db, f),
    monthlySums(db, f, `${from.slice(0, 4)}-01`, to),
    currentFactors(db),
  ]);
  // Page order in JS (not SQL collation) so the cursor comparison below agrees with it.
  sites.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byId = new Map(sites.map((s) => [s.id, s]));
  const perSite = new Map<string, SiteMonth[]>();
  for (const s of sums) {
    const site = byId.get(s.siteId);
    if (!site) continue;
    perSite.set(site.id, [...(perSite.get(site.id) ?? []), computeSiteMonth(site, s, factors)]);
  }
  return { sites, perSite };
}

/**
 * The environment indicators per site and site-local month (`environment.read`): CO₂ of
 * consumption (location-based), avoided CO₂ of renewable production, renewable share, the
 * factor used, the year's target and the year-to-date compliance; `totals` per month over
 * every site of the filters. Pages go by site (code order): `limit` sites per page, all
 * their months. Without `limit` (export), every site.
 */
export async function environmentIndicators(
  db: Executor,
  actor: Actor,
  query: EnvironmentFilters & Partial<Pick<EnvironmentQuery, "cursor" | "limit">>,
  now = new Date(),
): Promise<EnvironmentResult> {
  assertCan(actor, "environment.read");
  const { from, to } = resolveRange(query, now);
  const { sites, perSite } = await computeScope(db, query, from, to);
  const inRange = (m: SiteMonth) => m.month >= from && m.month <= to;
  const withData = sites.filter((s) => perSite.get(s.id)?.some(inRange));
  const years = [...new Set(monthsBetween(from, to).map((m) => Number(m.slice(0, 4))))];
  const targets = await targetsFor(db, new Set(withData.map((s) => s.id)), years);

  const position = decodeCursor(query.cursor);
  const after = position ? withData.filter((s) => s.code > position[0] || (s.code === position[0] && s.id > position[1])) : withData;
  const page: SiteInfo[] = query.limit ? after.slice(0, query.limit) : after;
  const last = page[page.length - 1];
  const next_cursor = query.limit && after.length > query.limit && last ? encodeCursor([last.code, last.id]) : null;

  const data: EnvironmentRow[] = [];
  for (const site of page) {
    const months = perSite.get(site.id) ?? [];
    const ytd = yearToDate(months);
    for (const m of months.filter(inRange)) data.push(toRow(m, targets.get(`${site.id}:${m.month.slice(0, 4)}`) ?? null, ytd));
  }
  const all = withData.flatMap((s) => (perSite.get(s.id) ?? []).filter(inRange));
  return { data, totals: monthTotals(all, monthsBetween(from, to)), summary: aggregate(all), from, to, next_cursor };
}
