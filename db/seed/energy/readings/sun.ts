/** Sun and weather helpers shared by the demo shapes (approximate, deterministic). */
import type { LocalTime } from "./local-clock";
import { unitHash } from "./prng";

const rad = Math.PI / 180;

/**
 * Sine of the sun's elevation at `lat`/`lon` (degrees) and the UTC instant `ms`, from the
 * low-precision solar coordinates of the Astronomical Almanac (good to ~0.01°).
 */
export function sunHeight(lat: number, lon: number, ms: number): number {
  const d = ms / 86_400_000 - 10_957.5; // days since J2000.0
  const g = (357.529 + 0.98560028 * d) * rad;
  const q = 280.459 + 0.98564736 * d;
  const ecliptic = (q + 1.915 * Math.sin(g) + 0.02 * Math.sin(2 * g)) * rad;
  const obliquity = (23.439 - 0.00000036 * d) * rad;
  const declination = Math.asin(Math.sin(obliquity) * Math.sin(ecliptic));
  const rightAscension = Math.atan2(Math.cos(obliquity) * Math.sin(ecliptic), Math.cos(ecliptic));
  const siderealHours = (((18.697374558 + 24.06570982441908 * d) % 24) + 24) % 24;
  const hourAngle = (siderealHours * 15 + lon) * rad - rightAscension;
  return Math.sin(lat * rad) * Math.sin(declination) + Math.cos(lat * rad) * Math.cos(declination) * Math.cos(hourAngle);
}

/** Clear-sky global horizontal irradiance (W/m²) for a sun height (Meinel air-mass model). */
export function clearSkyGhi(height: number): number {
  if (height <= 0.01) return 0;
  const airMass = 1 / height;
  return 1.1 * 1353 * Math.pow(0.7, Math.pow(airMass, 0.678)) * height;
}

/** exp(−d²/2σ²) with d the distance between two hours of the day, around midnight too. */
export function hourBump(hour: number, centre: number, width: number): number {
  const raw = Math.abs(hour - centre) % 24;
  const d = Math.min(raw, 24 - raw);
  return Math.exp(-(d * d) / (2 * width * width));
}

/** Seasonal cosine: 1 on `peakDay` of the year, −1 half a year later. */
export function season(dayOfYear: number, peakDay: number): number {
  return Math.cos((2 * Math.PI * (dayOfYear - peakDay)) / 365.25);
}

/**
 * Air temperature (°C) at a site of `latitude`: warmer and more contrasted towards the
 * Sahara, hottest mid-July around 15:00, with multi-day heat and cold spells shared by the
 * region (a moving average of day draws, cached per day).
 */
export function temperatureModel(latitude: number, seed: number): (t: LocalTime) => number {
  const inland = Math.max(0, 36 - latitude);
  const mean = 25 + (27.9 - latitude) * 0.73;
  const region = Math.round(latitude);
  const spells = new Map<number, number>();
  const spellOf = (day: number) => {
    let spell = spells.get(day);
    if (spell === undefined) {
      spell = 0;
      for (let k = 0; k < 4; k++) spell += unitHash(seed, "spell", region, day - k) * 2 - 1;
      spells.set(day, spell);
    }
    return spell;
  };
  return (t) =>
    mean +
    (7 + inland * 0.55) * season(t.dayOfYear, 200) +
    (4 + inland * 0.45) * Math.cos((2 * Math.PI * (t.hour - 15)) / 24) +
    spellOf(t.dayIndex) * 1.6;
}
