import type { Tx } from "@/db/client";
import { emissionFactors } from "@/db/schema";
import { factorKey } from "@/server/energy/environment/factor-rule";

/**
 * Emission factors cited in shared/reference/energy-domain.md §3.7, as data: value in
 * kg CO₂e per `unit`, with the source each figure comes from. The key is
 * `<carrier>:<zone>:<unit>:<year>:<source>`; which of them a computation uses is decided by
 * server/energy/environment/factor-rule.ts: per carrier one REFERENCE source — `ember` for
 * grid electricity (one method for DZ, MA, TN and FR), `ipcc` for natural gas, `ademe` for
 * liquid fuels — and, for a month, the latest factor year ≤ that month's year (else the
 * earliest). The other figures (Electricity Maps, the French regulatory factor, IPCC
 * lifecycle medians per technology) are kept for comparison and shown on the factors page.
 */
type Seed = { carrier: string; zone: string; unit: string; year: number; slug: string; value: string; perimeter: string; source: string };

const co2js = "co2.js datasets";
const ember = (zone: string, year: number, grams: number, country: string): Seed => ({
  carrier: "electricity",
  zone,
  unit: "kWh",
  year,
  slug: "ember",
  value: (grams / 1000).toFixed(3),
  perimeter: "lifecycle",
  source: `Ember, yearly electricity data — ${country} ${year}: ${grams} gCO2e/kWh, lifecycle (${co2js})`,
});
const electricityMaps = (zone: string, year: number, grams: number, country: string, note = ""): Seed => ({
  carrier: "electricity",
  zone,
  unit: "kWh",
  year,
  slug: "electricity-maps",
  value: (grams / 1000).toFixed(3),
  perimeter: "lifecycle",
  source: `Electricity Maps, yearly — ${country} ${year}: ${grams} gCO2e/kWh, lifecycle${note} (${co2js})`,
});
const ipccAr5 = (carrier: string, grams: number, label: string): Seed => ({
  carrier,
  zone: "*",
  unit: "kWh",
  year: 2014,
  slug: "ipcc-ar5",
  value: (grams / 1000).toFixed(3),
  perimeter: "lifecycle",
  source: `IPCC AR5 (2014), Annex III, Table A.III.2 — ${label}: median ${grams} gCO2e/kWh of electricity produced, lifecycle`,
});

export const emissionFactorSeeds: Seed[] = [
  ember("DZ", 2023, 634, "Algeria"),
  electricityMaps("DZ", 2025, 487, "Algeria", "; flat 2021–2025, a model estimate"),
  ember("MA", 2024, 578, "Morocco"),
  electricityMaps("MA", 2021, 609, "Morocco"),
  electricityMaps("MA", 2022, 620, "Morocco"),
  electricityMaps("MA", 2023, 573, "Morocco"),
  electricityMaps("MA", 2024, 527, "Morocco"),
  electricityMaps("MA", 2025, 516, "Morocco"),
  ember("TN", 2024, 560, "Tunisia"),
  ember("FR", 2024, 44, "France"),
  electricityMaps("FR", 2021, 60, "France"),
  electricityMaps("FR", 2022, 91, "France", "; nuclear availability crisis"),
  electricityMaps("FR", 2023, 49, "France"),
  electricityMaps("FR", 2024, 33, "France"),
  electricityMaps("FR", 2025, 31, "France"),
  {
    carrier: "electricity",
    zone: "FR",
    unit: "kWh",
    year: 2012,
    slug: "ademe-regulatory",
    value: "0.053",
    perimeter: "lifecycle",
    source:
      "France, regulatory factor for CO2 information of transport services: 0.053 kgCO2/kWh (arrêté du 10 avril 2012, Annex I; ADEME electricite_reglementaire)",
  },
  {
    carrier: "natural_gas",
    zone: "*",
    unit: "kWh",
    year: 2006,
    slug: "ipcc",
    value: "0.202",
    perimeter: "combustion",
    source: "IPCC 2006 Guidelines, default 56.1 tCO2/TJ ≈ 0.202 kgCO2/kWh (LHV), combustion",
  },
  {
    carrier: "natural_gas",
    zone: "*",
    unit: "m3",
    year: 2006,
    slug: "ipcc",
    value: "2.02",
    perimeter: "combustion",
    source:
      "Derived: IPCC 2006 default 0.202 kgCO2/kWh (LHV) × 10 kWh/m³ (conventional calorific value of a cubic metre of natural gas); replace with the supplier's calorific value",
  },
  {
    carrier: "diesel",
    zone: "*",
    unit: "L",
    year: 2023,
    slug: "ademe",
    value: "3.16",
    perimeter: "lifecycle",
    source:
      "ADEME Base Carbone — diesel (gazole): 3.16 kgCO2e/L = 2.49 combustion + 0.61 upstream (Base Carbone CSV extract, xinjiee19/Eco-Dashboard-Evry)",
  },
  {
    carrier: "petrol",
    zone: "*",
    unit: "L",
    year: 2023,
    slug: "ademe",
    value: "2.79",
    perimeter: "lifecycle",
    source:
      "ADEME Base Carbone — petrol (essence): 2.79 kgCO2e/L = 2.26 combustion + 0.53 upstream (Base Carbone CSV extract, xinjiee19/Eco-Dashboard-Evry)",
  },
  ipccAr5("solar_pv", 48, "solar PV, utility scale"),
  ipccAr5("wind", 11, "wind, onshore"),
  ipccAr5("hydro", 24, "hydropower"),
  ipccAr5("gas_combined_cycle", 490, "natural gas, combined cycle"),
];

/**
 * Inserts the cited factors as version 1. Idempotent: a factor whose key already has a
 * version 1 is left alone, so re-running never undoes an admin's edit (version 2+).
 */
export async function seedEmissionFactors(tx: Tx): Promise<number> {
  const rows = emissionFactorSeeds.map((s) => ({
    key: factorKey({ ...s, sourceSlug: s.slug }),
    carrier: s.carrier,
    zone: s.zone,
    year: s.year,
    value: s.value,
    unit: s.unit,
    perimeter: s.perimeter,
    source: s.source,
    version: 1,
    createdBy: "seed",
  }));
  const inserted = await tx
    .insert(emissionFactors)
    .values(rows)
    .onConflictDoNothing({ target: [emissionFactors.key, emissionFactors.version] })
    .returning({ id: emissionFactors.id });
  return inserted.length;
}
