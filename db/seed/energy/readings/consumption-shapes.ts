/**
 * Consumption shapes of the demo: grid load (substations, smart-grid nodes) and plant
 * auxiliaries. Daily cycle (morning hump, evening peak), weekly cycle on the country's
 * weekend, summer air-conditioning peaks and a little winter heating.
 */
import { localClock, type LocalTime } from "./local-clock";
import { gaussian, hashSeed, mulberry32 } from "./prng";
import { clamp, slotMiddle, type ShapeSite, type SlotRange } from "./shape-types";
import { hourBump, temperatureModel } from "./sun";

/** Weekend days (0 = Sunday): Friday–Saturday in Algeria, Saturday–Sunday in Morocco. */
export function weekendDays(country: string): [number, number] {
  return country === "DZ" ? [5, 6] : [6, 0];
}

/** Weekly factor: the first weekend day is the quietest. */
function weekFactor(country: string, t: LocalTime): number {
  const [first, second] = weekendDays(country);
  return t.weekday === first ? 0.8 : t.weekday === second ? 0.88 : 1;
}

/** Air conditioning above 22 °C, electric heating below 11 °C, as a share of the load. */
const weather = (celsius: number) => Math.min(0.6, 0.035 * Math.max(0, celsius - 22)) + 0.012 * Math.max(0, 11 - celsius);

/**
 * Grid load with its peak near `site.capacityKw` on hot summer evenings: residential and
 * commercial mix, with a 2 % noise that persists from one slot to the next.
 */
export function loadPower(site: ShapeSite, range: SlotRange, seed = 1): Float64Array {
  const clock = localClock(site.timezone);
  const rand = mulberry32(hashSeed(seed, site.code, "load", range.start));
  const temperature = temperatureModel(site.latitude, seed);
  const out = new Float64Array(range.slots);
  let noise = 0;
  for (let i = 0; i < range.slots; i++) {
    const t = clock(slotMiddle(range, i));
    const daily = 0.58 + 0.2 * hourBump(t.hour, 11, 2.8) + 0.08 * hourBump(t.hour, 16, 2) + 0.34 * hourBump(t.hour, 20.8, 1.7);
    noise = 0.9 * noise + 0.02 * Math.sqrt(1 - 0.81) * gaussian(rand);
    const value = (site.capacityKw * daily * weekFactor(site.country, t) * (1 + weather(temperature(t)))) / 1.2;
    out[i] = Math.max(0, value * (1 + noise));
  }
  return out;
}

/** Auxiliary consumption of a plant: a fixed share of capacity, a share of the output, offices on working days. */
export type AuxiliaryRates = { base: number; share: number };

export function auxiliaryPower(site: ShapeSite, range: SlotRange, production: Float64Array, rates: AuxiliaryRates, seed = 1): Float64Array {
  const clock = localClock(site.timezone);
  const rand = mulberry32(hashSeed(seed, site.code, "auxiliary", range.start));
  const temperature = temperatureModel(site.latitude, seed);
  const out = new Float64Array(range.slots);
  for (let i = 0; i < range.slots; i++) {
    const t = clock(slotMiddle(range, i));
    const office = t.hour >= 8 && t.hour < 17 && weekFactor(site.country, t) === 1 ? 1 : 0.3;
    const base = site.capacityKw * (rates.base * (1 + weather(temperature(t))) + 0.0006 * office);
    const value = (base + rates.share * (production[i] ?? 0)) * (1 + 0.03 * gaussian(rand));
    out[i] = clamp(value, 0, site.capacityKw);
  }
  return out;
}
