import { describe, expect, it } from "vitest";
import { localClock } from "@/db/seed/energy/readings/local-clock";
import {
  auxiliaryPower,
  loadPower,
  solarPower,
  thermalPower,
  weekendDays,
  windPower,
  type ShapeSite,
} from "@/db/seed/energy/readings/shapes";

const slotMs = 15 * 60_000;
const adrar: ShapeSite = {
  code: "DZ-ADR-PV01",
  country: "DZ",
  timezone: "Africa/Algiers",
  latitude: 27.8742,
  longitude: -0.2939,
  capacityKw: 20_000,
};
const casablanca: ShapeSite = {
  code: "MA-CAS-SS01",
  country: "MA",
  timezone: "Africa/Casablanca",
  latitude: 33.6025,
  longitude: -7.5331,
  capacityKw: 210_000,
};
const algiers: ShapeSite = {
  code: "DZ-ALG-SS01",
  country: "DZ",
  timezone: "Africa/Algiers",
  latitude: 36.7667,
  longitude: 2.9583,
  capacityKw: 320_000,
};

/** `days` of 15-minute slots from local midnight (UTC+1 in Algeria and in Morocco outside Ramadan). */
const month = (year: number, monthIndex: number, days = 30) => ({
  start: Date.UTC(year, monthIndex, 1) - 3_600_000,
  slots: days * 96,
  intervalMinutes: 15,
});
const sum = (values: Float64Array) => values.reduce((a, b) => a + b, 0);

/** Mean of the values by local hour of the day (slot start). */
function byLocalHour(site: ShapeSite, range: { start: number }, values: Float64Array): number[] {
  const clock = localClock(site.timezone);
  const totals = new Array<number>(24).fill(0);
  const counts = new Array<number>(24).fill(0);
  values.forEach((v, i) => {
    const hour = Math.floor(clock(range.start + i * slotMs).hour);
    totals[hour]! += v;
    counts[hour]!++;
  });
  return totals.map((t, h) => t / counts[h]!);
}

describe("demo solar shape", () => {
  const june = month(2026, 5);
  const december = month(2025, 11);
  const juneValues = solarPower(adrar, june);

  it("is zero at night and never above capacity", () => {
    const clock = localClock(adrar.timezone);
    juneValues.forEach((v, i) => {
      const hour = clock(june.start + i * slotMs).hour;
      if (hour < 5 || hour >= 21) expect(v).toBe(0);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(adrar.capacityKw);
    });
  });

  it("peaks near local noon (solar noon is about 13:00 in Adrar, UTC+1 at 0.3° W)", () => {
    const profile = byLocalHour(adrar, june, juneValues);
    const peak = profile.indexOf(Math.max(...profile));
    expect(peak).toBeGreaterThanOrEqual(12);
    expect(peak).toBeLessThanOrEqual(13);
    expect(profile[9]!).toBeLessThan(profile[peak]!);
    expect(profile[17]!).toBeLessThan(profile[peak]!);
  });

  it("produces more in June than in December", () => {
    expect(sum(juneValues)).toBeGreaterThan(1.3 * sum(solarPower(adrar, december)));
  });

  it("has cloudy days: some days give much less than the clear days around them", () => {
    const daily = Array.from({ length: 30 }, (_, d) => sum(juneValues.subarray(d * 96, (d + 1) * 96)));
    const best = Math.max(...daily);
    expect(daily.some((e) => e < 0.8 * best)).toBe(true);
  });
});

describe("demo consumption shape", () => {
  it("follows the weekly cycle: Friday and Saturday are quieter in Algeria", () => {
    expect(weekendDays("DZ")).toEqual([5, 6]);
    const range = month(2026, 2, 56);
    const values = loadPower(algiers, range);
    const clock = localClock(algiers.timezone);
    const byWeekday = new Array<number>(7).fill(0);
    values.forEach((v, i) => (byWeekday[clock(range.start + i * slotMs).weekday]! += v));
    const workingDays = [0, 1, 2, 3, 4].map((d) => byWeekday[d]!);
    expect(byWeekday[5]!).toBeLessThan(0.9 * Math.min(...workingDays));
    expect(byWeekday[6]!).toBeLessThan(0.95 * Math.min(...workingDays));
  });

  it("has Saturday and Sunday as the weekend in Morocco", () => {
    expect(weekendDays("MA")).toEqual([6, 0]);
    const range = month(2026, 9, 28);
    const values = loadPower(casablanca, range);
    const clock = localClock(casablanca.timezone);
    const byWeekday = new Array<number>(7).fill(0);
    values.forEach((v, i) => (byWeekday[clock(range.start + i * slotMs).weekday]! += v));
    expect(byWeekday[6]!).toBeLessThan(0.9 * byWeekday[3]!);
    expect(byWeekday[0]!).toBeLessThan(0.95 * byWeekday[3]!);
    expect(byWeekday[5]!).toBeGreaterThan(0.95 * byWeekday[3]!);
  });

  it("has a daily cycle with an evening peak and a night trough, and summer air-conditioning peaks", () => {
    const july = month(2026, 6);
    const profile = byLocalHour(algiers, july, loadPower(algiers, july));
    expect(profile[4]!).toBeLessThan(0.8 * profile[20]!);
    expect(sum(loadPower(algiers, july))).toBeGreaterThan(1.1 * sum(loadPower(algiers, month(2026, 3))));
  });
});

describe("demo wind and thermal shapes", () => {
  const tanTan: ShapeSite = {
    code: "MA-TNT-WP01",
    country: "MA",
    timezone: "Africa/Casablanca",
    latitude: 28.0958,
    longitude: -11.7794,
    capacityKw: 100_000,
  };

  it("keeps wind output within capacity, with persistence from one slot to the next", () => {
    const values = windPower(tanTan, month(2026, 4));
    expect(Math.max(...values)).toBeLessThanOrEqual(tanTan.capacityKw);
    const mean = sum(values) / values.length;
    let num = 0;
    let den = 0;
    for (let i = 1; i < values.length; i++) num += (values[i]! - mean) * (values[i - 1]! - mean);
    for (const v of values) den += (v - mean) ** 2;
    expect(num / den).toBeGreaterThan(0.9);
    expect(mean / tanTan.capacityKw).toBeGreaterThan(0.15);
  });

  it("runs a thermal plant near-constantly, with its yearly overhaul as zeros", () => {
    const plant: ShapeSite = {
      code: "DZ-BMD-TH01",
      country: "DZ",
      timezone: "Africa/Algiers",
      latitude: 36.87,
      longitude: 3.72,
      capacityKw: 704_000,
    };
    const year = { start: Date.UTC(2025, 0, 1), slots: 365 * 96, intervalMinutes: 15 };
    const values = thermalPower(plant, year);
    const zeros = values.filter((v) => v === 0).length;
    expect(zeros).toBeGreaterThanOrEqual(14 * 96);
    const running = values.filter((v) => v > 0.5 * plant.capacityKw);
    expect(running.length / values.length).toBeGreaterThan(0.85);
    const aux = auxiliaryPower(plant, year, values, { base: 0.004, share: 0.045 });
    expect(sum(aux) / sum(values)).toBeGreaterThan(0.04);
    expect(sum(aux) / sum(values)).toBeLessThan(0.06);
  });
});

describe("determinism", () => {
  it("gives the same values for the same inputs, other values for another seed", () => {
    const range = month(2026, 3, 7);
    expect(Array.from(solarPower(adrar, range))).toEqual(Array.from(solarPower(adrar, range)));
    expect(Array.from(loadPower(algiers, range, 7))).toEqual(Array.from(loadPower(algiers, range, 7)));
    expect(Array.from(windPower(adrar, range))).toEqual(Array.from(windPower(adrar, range)));
    expect(Array.from(loadPower(algiers, range, 8))).not.toEqual(Array.from(loadPower(algiers, range, 7)));
  });
});
