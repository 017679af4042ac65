/**
 * Which meters each demo site gets and how their values are generated. Producing sites
 * (solar, wind, hydro, thermal) get `-P1` (production injected) and `-C1` (auxiliaries);
 * substations and smart-grid nodes get `-C1` (load). One load meter reports average power
 * (kW), one is a cumulative index, the big thermal plant reports in MWh.
 */
import { auxiliaryPower, hydroPower, loadPower, solarPower, thermalPower, windPower, type ShapeSite, type SlotRange } from "./shapes";
import type { AuxiliaryRates } from "./consumption-shapes";

export type DemoMeterPlan = {
  code: string;
  name: string;
  kind: "production" | "consumption";
  quantity: "energy" | "power";
  register: "interval" | "cumulative";
  jitterTolerance: number;
  /** The unit the device reports in and canonical × factor = original. */
  originalUnit: string;
  originalFactor: number;
  /** Average power (kW) per slot. */
  power: (range: SlotRange) => Float64Array;
};

/** Peak load (MW) of sites without a capacity: what their feeders draw on a hot evening. */
const peakLoadMw: Record<string, number> = { "DZ-ALG-SS01": 320, "DZ-ORN-SS01": 140, "MA-CAS-SS01": 210 };

/** The cumulative-index meter and the power meter of the demo. */
export const cumulativeMeterCode = "DZ-BJA-SG01-C1";
export const powerMeterCode = "DZ-ALG-SS01-C1";

const producers: Record<string, { generate: (site: ShapeSite, range: SlotRange) => Float64Array; rates: AuxiliaryRates }> = {
  solar_park: { generate: solarPower, rates: { base: 0.0012, share: 0.006 } },
  wind_park: { generate: windPower, rates: { base: 0.001, share: 0.012 } },
  hydro_plant: { generate: hydroPower, rates: { base: 0.0015, share: 0.008 } },
  thermal_plant: { generate: thermalPower, rates: { base: 0.004, share: 0.045 } },
};

export type PlanSite = { code: string; type: string; capacityMw: number | null } & Omit<ShapeSite, "capacityKw">;

export function metersOf(site: PlanSite): DemoMeterPlan[] {
  const energy = { quantity: "energy" as const, register: "interval" as const, jitterTolerance: 0, originalUnit: "kWh", originalFactor: 1 };
  const producer = producers[site.type];
  if (producer) {
    const shape: ShapeSite = { ...site, capacityKw: (site.capacityMw ?? 10) * 1000 };
    let cache: { start: number; values: Float64Array } | null = null;
    const production = (range: SlotRange) => {
      if (cache?.start !== range.start) cache = { start: range.start, values: producer.generate(shape, range) };
      return cache.values;
    };
    const megawattHours = site.type === "thermal_plant" && (site.capacityMw ?? 0) >= 100;
    return [
      {
        ...energy,
        ...(megawattHours ? { originalUnit: "MWh", originalFactor: 0.001 } : {}),
        code: `${site.code}-P1`,
        name: "Production injectée au réseau",
        kind: "production",
        power: production,
      },
      {
        ...energy,
        code: `${site.code}-C1`,
        name: "Auxiliaires de la centrale",
        kind: "consumption",
        power: (range) => auxiliaryPower(shape, range, production(range), producer.rates),
      },
    ];
  }
  const peakMw = site.capacityMw ?? peakLoadMw[site.code] ?? (site.type === "substation" ? 100 : 5);
  const shape: ShapeSite = { ...site, capacityKw: peakMw * 1000 };
  const code = `${site.code}-C1`;
  const load = (range: SlotRange) => loadPower(shape, range);
  if (code === powerMeterCode) {
    return [
      { ...energy, quantity: "power", originalUnit: "kW", code, name: "Puissance appelée des départs", kind: "consumption", power: load },
    ];
  }
  if (code === cumulativeMeterCode) {
    return [
      {
        ...energy,
        register: "cumulative",
        jitterTolerance: 1,
        code,
        name: "Index de consommation du nœud",
        kind: "consumption",
        power: load,
      },
    ];
  }
  const name = site.type === "substation" ? "Énergie soutirée par les départs" : "Consommation du nœud";
  return [{ ...energy, code, name, kind: "consumption", power: load }];
}

/** Communication losses of the demo: whole slots missing on some meters, `daysAgo` before the end. */
export const demoGaps: { code: string; daysAgo: number; slots: number }[] = [
  { code: "DZ-ADR-WP01-P1", daysAgo: 9.4, slots: 24 },
  { code: "MA-OZT-PV01-C1", daysAgo: 4.6, slots: 12 },
  { code: "DZ-BOU-SG03-C1", daysAgo: 2.2, slots: 5 },
  { code: "MA-BML-HY01-P1", daysAgo: 150.3, slots: 32 },
];
