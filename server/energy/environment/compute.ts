/**
 * The computation of one site and one site-local month (pure, exact; see factor-rule.ts for
 * which factor is used):
 *
 *   CO₂ (kg, location-based) = electricity kWh × grid factor of the site's country
 *                             + gas kWh × gas factor (kg/kWh) + gas m³ × gas factor (kg/m³)
 *                             + diesel m³ × 1 000 L/m³ × diesel factor (kg/L)
 *   avoided CO₂ (kg)          = renewable production kWh × the same grid factor
 *   renewable share           = renewable production ÷ total production of the site
 *
 * Consumption counts the consumption meters of quantity energy (kWh) or volume (m³); a power
 * meter (kW) counts as the energy of its intervals (average kW × interval hours). Production
 * counts the electricity production meters the same way; it is renewable when the site is a solar park, a wind park or a hydro plant
 * (a thermal plant's production is not). Avoided emissions are never subtracted from CO₂.
 * Products are exact decimals; numbers are rounded only where they are displayed.
 */
import { add, dec, div, isZero, mul, num, type Decimal } from "./decimal";
import { pickFactor, type FactorCandidate } from "./factor-rule";
import { renewableSiteTypes, type FactorRef } from "./types";

export type SiteInfo = { id: string; code: string; name: string; country: string; type: string };

/** Sums of one site and month as SQL returns them (numeric text, null when no meter). */
export type MonthSums = {
  siteId: string;
  month: string;
  electricityKwh: string | null;
  gasKwh: string | null;
  gasM3: string | null;
  dieselM3: string | null;
  productionKwh: string | null;
};

export type SiteMonth = {
  site: SiteInfo;
  month: string;
  electricityKwh: Decimal;
  gasKwh: Decimal;
  gasM3: Decimal;
  dieselM3: Decimal;
  consumptionKwh: Decimal;
  co2Kg: Decimal | null;
  productionKwh: Decimal;
  renewableProductionKwh: Decimal;
  avoidedCo2Kg: Decimal | null;
  renewableShare: Decimal | null;
  factor: FactorCandidate | null;
  fuelFactors: FactorCandidate[];
};

/** Share ratios keep 6 decimals (0.000001 = one part per million). */
export const shareScale = 6;
const litresPerM3 = dec("1000");

export function isRenewableSite(type: string): boolean {
  return (renewableSiteTypes as readonly string[]).includes(type);
}

/** quantity × factor, or null when there is a quantity and no factor (unknown, not zero). */
function emissions(quantity: Decimal, factor: FactorCandidate | null, multiplier?: Decimal): Decimal | null {
  if (isZero(quantity)) return dec("0");
  if (!factor) return null;
  const q = multiplier ? mul(quantity, multiplier) : quantity;
  return mul(q, dec(factor.value));
}

const addKnown = (a: Decimal | null, b: Decimal | null) => (a === null || b === null ? null : add(a, b));

export function computeSiteMonth(site: SiteInfo, sums: MonthSums, factors: FactorCandidate[]): SiteMonth {
  const year = Number(sums.month.slice(0, 4));
  const electricityKwh = dec(sums.electricityKwh);
  const gasKwh = dec(sums.gasKwh);
  const gasM3 = dec(sums.gasM3);
  const dieselM3 = dec(sums.dieselM3);
  const productionKwh = dec(sums.productionKwh);
  const renewableProductionKwh = isRenewableSite(site.type) ? productionKwh : dec("0");

  const grid = pickFactor(factors, "electricity", site.country, "kWh", year);
  const gasPerKwh = isZero(gasKwh) ? null : pickFactor(factors, "natural_gas", site.country, "kWh", year);
  const gasPerM3 = isZero(gasM3) ? null : pickFactor(factors, "natural_gas", site.country, "m3", year);
  const dieselPerL = isZero(dieselM3) ? null : pickFactor(factors, "diesel", site.country, "L", year);

  const co2Kg = [
    emissions(electricityKwh, grid),
    emissions(gasKwh, gasPerKwh),
    emissions(gasM3, gasPerM3),
    emissions(dieselM3, dieselPerL, litresPerM3),
  ].reduce<Decimal | null>(addKnown, dec("0"));

  return {
    site,
    month: sums.month,
    electricityKwh,
    gasKwh,
    gasM3,
    dieselM3,
    consumptionKwh: add(electricityKwh, gasKwh),
    co2Kg,
    productionKwh,
    renewableProductionKwh,
    avoidedCo2Kg: emissions(renewableProductionKwh, grid),
    renewableShare: div(renewableProductionKwh, productionKwh, shareScale),
    factor: grid,
    fuelFactors: [gasPerKwh, gasPerM3, dieselPerL].filter((f): f is FactorCandidate => f !== null),
  };
}

export function factorRef(f: FactorCandidate): FactorRef {
  return {
    id: f.id,
    key: f.key,
    version: f.version,
    year: f.year,
    value: num(dec(f.value)),
    unit: f.unit,
    perimeter: f.perimeter,
    source: f.source,
  };
}
