import "server-only";
import { computeSiteMonth } from "@/server/energy/environment/compute";
import { add, dec, mul, round, text, type Decimal } from "@/server/energy/environment/decimal";
import type { FactorCandidate } from "@/server/energy/environment/factor-rule";

const thousand = dec("1000");
const milliToKwh = (milli: number): string => text({ int: BigInt(milli), scale: 3 });

/**
 * Location-based CO₂ of an invoice, in grams: the environment module's own computation
 * (computeSiteMonth: electricity kWh × the grid factor of the site's country for the year of
 * the period, factor rule of factor-rule.ts), per country of the delivery points' meters.
 * null when a country with consumption has no factor (unknown, never silently zero).
 */
export function co2Grams(byCountry: Record<string, number>, periodStart: string, factors: FactorCandidate[]): number | null {
  let kg: Decimal = dec("0");
  for (const [country, milli] of Object.entries(byCountry)) {
    if (milli <= 0) continue;
    const month = computeSiteMonth(
      { id: country, code: country, name: country, country, type: "consumer" },
      {
        siteId: country,
        month: periodStart.slice(0, 7),
        electricityKwh: milliToKwh(milli),
        gasKwh: null,
        gasM3: null,
        dieselM3: null,
        productionKwh: null,
      },
      factors,
    );
    if (month.co2Kg === null) return null;
    kg = add(kg, month.co2Kg);
  }
  return Number(text(round(mul(kg, thousand), 0)));
}
