import { shareScale, type SiteMonth } from "./compute";
import { add, div, num, zero } from "./decimal";
import type { MonthTotal } from "./types";

export type Total = Omit<MonthTotal, "month">;

/**
 * The total of a set of site-months (a network, every site of the filters, one month or a
 * whole period): sums of consumption, CO₂, production, renewable production and avoided
 * CO₂; the renewable share of the set is Σ renewable production ÷ Σ production of all its
 * sites (not an average of the sites' shares), null without production. A site-month whose
 * CO₂ or avoided CO₂ is unknown (no factor) is left out of that sum and `co2Complete` turns
 * false. Exact decimals until the end.
 */
export function aggregate(rows: SiteMonth[]): Total {
  let consumption = zero;
  let co2 = zero;
  let production = zero;
  let renewable = zero;
  let avoided = zero;
  let complete = true;
  for (const r of rows) {
    consumption = add(consumption, r.consumptionKwh);
    production = add(production, r.productionKwh);
    renewable = add(renewable, r.renewableProductionKwh);
    if (r.co2Kg === null || r.avoidedCo2Kg === null) complete = false;
    if (r.co2Kg !== null) co2 = add(co2, r.co2Kg);
    if (r.avoidedCo2Kg !== null) avoided = add(avoided, r.avoidedCo2Kg);
  }
  const share = div(renewable, production, shareScale);
  return {
    consumptionKwh: num(consumption),
    co2Kg: num(co2),
    co2Complete: complete,
    productionKwh: num(production),
    renewableProductionKwh: num(renewable),
    avoidedCo2Kg: num(avoided),
    renewableShare: share === null ? null : num(share),
  };
}

/** One total per month of `months` (months without data total zero). */
export function monthTotals(rows: SiteMonth[], months: string[]): MonthTotal[] {
  const byMonth = new Map<string, SiteMonth[]>(months.map((m) => [m, []]));
  for (const r of rows) byMonth.get(r.month)?.push(r);
  return months.map((month) => ({ month, ...aggregate(byMonth.get(month) ?? []) }));
}
