/**
 * Demo consumption of the billing demo's delivery points: daily readings (one per UTC day) for
 * tier and flat tariffs, hourly readings for time-of-use contracts (the engine needs the hour to
 * tell peak from off-peak). Deterministic: seasonal shape per country, weekly rhythm for
 * businesses, noise from the seeded PRNG. Values in kWh with 3 decimals.
 */
import { mulberry32 } from "../energy/readings/prng";
import type { DemoClient } from "./demo-clients";

const dayMs = 86_400_000;

/** Seasonal factor for a month (0–11): air conditioning in Maghreb summers, heating in French winters. */
function season(country: DemoClient["area"]["country"], month: number): number {
  const summer = Math.cos(((month - 7) / 12) * 2 * Math.PI); // 1 in August, −1 in February
  if (country === "FR") return 1 - 0.35 * summer;
  if (country === "MA") return 1 + 0.25 * summer;
  return 1 + 0.4 * summer;
}

/** Daily kWh from `start` (UTC midnight, ms) for `days` days. */
export function dailyUsage(client: DemoClient, seed: number, start: number, days: number): Float64Array {
  const rand = mulberry32(seed);
  const out = new Float64Array(days);
  for (let d = 0; d < days; d++) {
    const date = new Date(start + d * dayMs);
    const weekday = date.getUTCDay(); // 0 Sunday … 6 Saturday
    const weekend = client.area.country === "DZ" ? weekday === 5 || weekday === 6 : weekday === 0 || weekday === 6;
    const rhythm = client.kind === "company" ? (weekend ? 0.35 : 1.15) : weekend ? 1.12 : 0.96;
    const value = client.dailyKwh * season(client.area.country, date.getUTCMonth()) * rhythm * (0.85 + 0.3 * rand());
    out[d] = Math.round(value * 1000) / 1000;
  }
  return out;
}

/**
 * Hourly kWh from `start` for `days` days, shaped so that about `offPeakShare` of each day falls
 * between 22:00 and 06:00 local time (`utcOffsetHours` of the zone, winter time is close enough
 * for a demo shape; billing classifies every reading in its real local time).
 */
export function hourlyUsage(client: DemoClient, seed: number, start: number, days: number, utcOffsetHours: number): Float64Array {
  const daily = dailyUsage(client, seed, start, days);
  const rand = mulberry32(seed ^ 0x5bd1e995);
  const out = new Float64Array(days * 24);
  const offPeakHours = 8;
  for (let d = 0; d < days; d++) {
    const offPerHour = (daily[d]! * client.offPeakShare) / offPeakHours;
    const peakPerHour = (daily[d]! * (1 - client.offPeakShare)) / (24 - offPeakHours);
    for (let h = 0; h < 24; h++) {
      const local = (h + utcOffsetHours + 24) % 24;
      const offPeak = local >= 22 || local < 6;
      const value = (offPeak ? offPerHour : peakPerHour) * (0.9 + 0.2 * rand());
      out[d * 24 + h] = Math.round(value * 1000) / 1000;
    }
  }
  return out;
}
