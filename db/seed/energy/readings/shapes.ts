/**
 * Pure, deterministic generators of the demo readings: average power (kW) per slot for each
 * kind of site, from a seeded PRNG (same site, range and seed → same values). Production
 * here; consumption (grid load and plant auxiliaries) in consumption-shapes.ts.
 */
import { localClock } from "./local-clock";
import { gaussian, hashSeed, mulberry32, unitHash } from "./prng";
import { clamp, perDay, slotMiddle, type ShapeSite, type SlotRange } from "./shape-types";
import { clearSkyGhi, hourBump, season, sunHeight, temperatureModel } from "./sun";

export { auxiliaryPower, loadPower, weekendDays } from "./consumption-shapes";
export type { ShapeSite, SlotRange } from "./shape-types";

const hourMs = 3_600_000;
const rng = (seed: number, site: ShapeSite, kind: string, range: SlotRange) => mulberry32(hashSeed(seed, site.code, kind, range.start));

type Sky = { kind: "clear" | "partly" | "overcast" | "dust"; depth: number };

/** The day's sky: overcast and broken-cloud days are likelier in winter, sand haze in spring south of 30° N. */
function skyOf(seed: number, site: ShapeSite, day: number, dayOfYear: number): Sky {
  const u = unitHash(seed, site.code, "sky", day);
  const depth = unitHash(seed, site.code, "depth", day);
  const winter = (1 + season(dayOfYear, 15)) / 2;
  const overcast = 0.03 + 0.07 * winter;
  const partly = overcast + 0.1 + 0.15 * winter;
  const dust = site.latitude < 30 && dayOfYear >= 60 && dayOfYear <= 160 ? 0.06 : 0;
  if (u < overcast) return { kind: "overcast", depth: 0.15 + 0.2 * depth };
  if (u < partly) return { kind: "partly", depth: 0.5 + 0.35 * depth };
  if (u < partly + dust) return { kind: "dust", depth: 0.55 + 0.2 * depth };
  return { kind: "clear", depth: 1 };
}

/** Solar park: the sun's path at the site (bell curve, longer and higher in summer), cloudy days, heat derating. */
export function solarPower(site: ShapeSite, range: SlotRange, seed = 1): Float64Array {
  const clock = localClock(site.timezone);
  const rand = rng(seed, site, "solar", range);
  const temperature = temperatureModel(site.latitude, seed);
  const out = new Float64Array(range.slots);
  let cover = 0.5;
  let sky: Sky | null = null;
  let skyDay = Number.NaN;
  for (let i = 0; i < range.slots; i++) {
    const ms = slotMiddle(range, i);
    const ghi = clearSkyGhi(sunHeight(site.latitude, site.longitude, ms));
    if (ghi <= 0) continue;
    const t = clock(ms);
    if (t.dayIndex !== skyDay) {
      sky = skyOf(seed, site, t.dayIndex, t.dayOfYear);
      skyDay = t.dayIndex;
    }
    let factor = 1;
    if (sky?.kind === "partly") {
      cover = clamp(0.8 * cover + 0.2 * sky.depth + 0.2 * gaussian(rand), 0, 1);
      factor = 1 - 0.8 * cover;
    } else if (sky) {
      factor = sky.depth * (sky.kind === "overcast" ? 0.9 + 0.2 * rand() : 1);
    }
    const cell = temperature(t) + 0.03 * ghi * factor;
    const derate = 1 - 0.0035 * Math.max(0, cell - 25);
    out[i] = clamp(site.capacityKw * 0.95 * (ghi / 1000) * factor * derate * (1 + 0.01 * gaussian(rand)), 0, site.capacityKw);
  }
  return out;
}

/** IEC-like power curve of a 3/12/25 m/s turbine, as a share of rated power. */
export function powerCurve(speed: number): number {
  if (speed < 3 || speed >= 25) return 0;
  if (speed >= 12) return 1;
  return (speed ** 3 - 27) / (1728 - 27);
}

/** Wind park: wind speed with persistence (AR(1), φ = 0.985 per 15 min), seasonal and daily means, capped at capacity. */
export function windPower(site: ShapeSite, range: SlotRange, seed = 1): Float64Array {
  const clock = localClock(site.timezone);
  const rand = rng(seed, site, "wind", range);
  const coastal = site.longitude < -9; // Atlantic trade winds, strongest in summer
  const [base, yearly, peakDay, daily, peakHour] = coastal ? [8.2, 1.4, 190, 0.8, 16] : [6.8, 1.0, 110, 1.6, 13];
  const phi = 0.985;
  const sigma = 2.3;
  const step = sigma * Math.sqrt(1 - phi * phi);
  let deviation = sigma * gaussian(rand);
  const out = new Float64Array(range.slots);
  for (let i = 0; i < range.slots; i++) {
    const t = clock(slotMiddle(range, i));
    deviation = phi * deviation + step * gaussian(rand);
    const mean = base + yearly * season(t.dayOfYear, peakDay) + daily * Math.cos((2 * Math.PI * (t.hour - peakHour)) / 24);
    const speed = Math.max(0, mean + deviation);
    out[i] = Math.min(site.capacityKw, site.capacityKw * 0.97 * powerCurve(speed));
  }
  return out;
}

/** Hydro plant: spring high water, late-summer low, run as a peaker (evening peak, night trough). */
export function hydroPower(site: ShapeSite, range: SlotRange, seed = 1): Float64Array {
  const clock = localClock(site.timezone);
  const rand = rng(seed, site, "hydro", range);
  const release = perDay((day) => 0.9 + 0.2 * unitHash(seed, site.code, "release", day));
  const out = new Float64Array(range.slots);
  for (let i = 0; i < range.slots; i++) {
    const t = clock(slotMiddle(range, i));
    const water = 0.4 + 0.25 * season(t.dayOfYear, 95);
    const shape = (0.65 + 0.55 * hourBump(t.hour, 20.5, 2.2) + 0.25 * hourBump(t.hour, 12, 3)) / 0.855;
    const value = site.capacityKw * water * shape * release(t.dayIndex) * (1 + 0.02 * gaussian(rand));
    out[i] = clamp(value, 0, site.capacityKw);
  }
  return out;
}

/** Outage windows [from, to) in UTC ms: a two-week overhaul each spring and rare forced trips. */
export function thermalOutages(site: ShapeSite, range: SlotRange, seed = 1): [number, number][] {
  const end = range.start + range.slots * range.intervalMinutes * 60_000;
  const windows: [number, number][] = [];
  const firstYear = new Date(range.start).getUTCFullYear() - 1;
  for (let year = firstYear; year <= new Date(end).getUTCFullYear(); year++) {
    const from = Date.UTC(year, 0, 1) + (60 + Math.floor(30 * unitHash(seed, site.code, "overhaul", year))) * 24 * hourMs;
    windows.push([from, from + 14 * 24 * hourMs]);
  }
  for (let day = Math.floor(range.start / (24 * hourMs)) - 3; day * 24 * hourMs < end; day++) {
    if (unitHash(seed, site.code, "trip", day) >= 1 / 75) continue;
    const from = day * 24 * hourMs + Math.floor(24 * unitHash(seed, site.code, "trip-hour", day)) * hourMs;
    windows.push([from, from + (10 + Math.floor(50 * unitHash(seed, site.code, "trip-length", day))) * hourMs]);
  }
  return windows.filter(([from, to]) => to > range.start && from < end);
}

/** Thermal plant: near-constant base load following demand a little, zero during outages, six-hour restart ramp. */
export function thermalPower(site: ShapeSite, range: SlotRange, seed = 1): Float64Array {
  const clock = localClock(site.timezone);
  const rand = rng(seed, site, "thermal", range);
  const outages = thermalOutages(site, range, seed);
  const out = new Float64Array(range.slots);
  for (let i = 0; i < range.slots; i++) {
    const ms = slotMiddle(range, i);
    if (outages.some(([from, to]) => ms >= from && ms < to)) continue;
    const restart = Math.max(0, ...outages.filter(([, to]) => to <= ms).map(([, to]) => to));
    const ramp = Math.min(1, (ms - restart) / (6 * hourMs));
    const t = clock(ms);
    const setpoint = 0.74 + 0.1 * hourBump(t.hour, 20, 3) + 0.06 * Math.max(0, season(t.dayOfYear, 205));
    out[i] = clamp(site.capacityKw * setpoint * ramp * (1 + 0.008 * gaussian(rand)), 0, site.capacityKw);
  }
  return out;
}
