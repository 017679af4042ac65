import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type Db } from "@/db/client";
import { networks, sites } from "@/db/schema";
import type { UserActor } from "@/server/auth/actor";
import { changePercent, getDashboard } from "@/server/energy/dashboard/dashboard";
import { periodOf } from "@/server/energy/dashboard/periods";
import { freshDb } from "../support/db";
import { makeUser } from "../support/maintenance-fixtures";

let db: Db;
let reader: UserActor;
let technician: UserActor;
let solar: string;
let thermal: string;
let north: string;
// 20 March 2026, 13:00 in Algiers: "this month" is 1–20 March, compared with 1–20 February.
const now = new Date("2026-03-20T12:00:00Z");

async function meter(siteId: string, code: string, kind: string, quantity: "energy" | "power") {
  const unit = quantity === "energy" ? "kWh" : "kW";
  const [row] = rowsOf<{ id: string }>(
    await db.execute(sql`
      insert into meters (site_id, code, name, kind, quantity, unit, interval_minutes)
      values (${siteId}, ${code}, ${code}, ${kind}, ${quantity}, ${unit}, 15) returning id`),
  );
  return row!.id;
}

async function daily(meterId: string, day: string, total: number) {
  await db.execute(
    sql`insert into readings_daily (meter_id, day, sum, count, min, max) values (${meterId}, ${day}, ${total}, 96, 0, ${total})`,
  );
}

/** A raw reading and its hourly rollup row (the bucket of its UTC hour). */
async function reading(meterId: string, ts: string, value: number) {
  await db.execute(
    sql`insert into readings (meter_id, ts, value, original_value, original_unit) values (${meterId}, ${ts}, ${value}, ${value}, 'kW')`,
  );
  await db.execute(sql`
    insert into readings_hourly (meter_id, bucket, sum, count, min, max)
    values (${meterId}, date_trunc('hour', ${ts}::timestamptz, 'UTC'), ${value}, 1, ${value}, ${value})
    on conflict (meter_id, bucket) do update set sum = readings_hourly.sum + excluded.sum, count = readings_hourly.count + 1,
      max = greatest(readings_hourly.max, excluded.max), min = least(readings_hourly.min, excluded.min)`);
}

beforeAll(async () => {
  db = await freshDb();
  reader = await makeUser(db, "user", "Lina Reader");
  technician = await makeUser(db, "technician", "Tarek Tech");
  const [network] = await db.insert(networks).values({ code: "NORD", name: "Réseau Nord", kind: "distribution" }).returning();
  north = network!.id;
  const [a, b] = await db
    .insert(sites)
    .values([
      { code: "PV-1", name: "Parc solaire", type: "solar_park", networkId: north },
      { code: "TH-1", name: "Centrale thermique", type: "thermal_plant" },
    ])
    .returning();
  solar = a!.id;
  thermal = b!.id;

  const pvOut = await meter(solar, "PV-OUT", "production", "energy");
  const pvAux = await meter(solar, "PV-AUX", "consumption", "power");
  const thOut = await meter(thermal, "TH-OUT", "production", "energy");
  const thAux = await meter(thermal, "TH-AUX", "consumption", "energy");
  // A gas meter (m³) is no electricity: never added to the kWh.
  const gas = await meter(thermal, "TH-GAS", "consumption", "energy");
  await db.execute(sql`update meters set carrier = 'natural_gas', quantity = 'volume', unit = 'm3' where id = ${gas}`);
  await daily(gas, "2026-03-05", 5000);

  // Current period (1–20 March).
  await daily(pvOut, "2026-03-05", 100);
  await daily(pvOut, "2026-03-20", 50);
  await daily(pvOut, "2026-03-21", 999); // tomorrow: outside
  await daily(thOut, "2026-03-05", 300);
  await daily(pvAux, "2026-03-05", 40); // power meter: Σ kW of 15-min intervals → 40 × 0.25 h = 10 kWh
  await daily(thAux, "2026-03-05", 25);
  // Previous period (1–20 February).
  await daily(pvOut, "2026-02-10", 80);
  await daily(pvOut, "2026-02-25", 999); // after the compared span
  await daily(thOut, "2026-02-03", 220);
  await daily(pvAux, "2026-02-12", 20);

  // Peaks (UTC): PV-AUX 30 kW at 10:00, 50 kW at 10:15, 60 kW at 12:00; TH-AUX (kWh per 15 min)
  // 5 kWh = 20 kW at 10:15, 20 kWh = 80 kW at 11:00, 15 kWh = 60 kW at 12:30.
  await reading(pvAux, "2026-03-05T10:00:00Z", 30);
  await reading(pvAux, "2026-03-05T10:15:00Z", 50);
  await reading(pvAux, "2026-03-05T12:00:00Z", 60);
  await reading(thAux, "2026-03-05T10:15:00Z", 5);
  await reading(thAux, "2026-03-05T11:00:00Z", 20);
  await reading(thAux, "2026-03-05T12:30:00Z", 15);
  await reading(pvAux, "2026-02-12T09:00:00Z", 45);
  await reading(pvOut, "2026-03-20T11:00:00Z", 12); // 12 kWh in 15 min = 48 kW
});

describe("energy dashboard", () => {
  it("adds up production and consumption of the period from the daily rollups, beside the previous period", async () => {
    const d = await getDashboard(db, reader, { scope: { kind: "all" }, preset: "this_month", now });
    expect(d.period.current).toEqual({ from: "2026-03-01", to: "2026-03-21" });
    expect(d.period.previous).toEqual({ from: "2026-02-01", to: "2026-02-21" });
    expect(d.production).toEqual({ current: 450, previous: 300 });
    expect(d.consumption).toEqual({ current: 35, previous: 5 });
    expect(changePercent(d.production)).toBe(50);
    expect(changePercent(d.consumption)).toBe(600);
    expect(d.renewableShare.current).toBeCloseTo(150 / 450, 12);
    expect(d.renewableShare.previous).toBeCloseTo(80 / 300, 12);
    expect(d.daily).toHaveLength(20);
    expect(d.daily.find((p) => p.day === "2026-03-05")).toEqual({ day: "2026-03-05", production: 400, consumption: 35 });
    expect(d.daily.find((p) => p.day === "2026-03-06")).toEqual({ day: "2026-03-06", production: null, consumption: null });
  });

  it("finds the peak of the summed interval power, not the sum of each meter's hourly maximum", async () => {
    const d = await getDashboard(db, reader, { scope: { kind: "all" }, preset: "this_month", now });
    // Hour 12: bound 60 + 60 = 120, but the meters peak at different intervals; 11:00 holds 80 kW.
    expect(d.peakDemand.current).toEqual({ kw: 80, at: new Date("2026-03-05T11:00:00Z") });
    expect(d.peakDemand.previous).toEqual({ kw: 45, at: new Date("2026-02-12T09:00:00Z") });
    expect(d.peakOutput.current).toEqual({ kw: 48, at: new Date("2026-03-20T11:00:00Z") });
    const pv = d.sites.find((s) => s.code === "PV-1")!;
    expect(pv.peakDemand).toEqual({ kw: 60, at: new Date("2026-03-05T12:00:00Z") });
    expect(d.sites.find((s) => s.code === "TH-1")!.peakDemand).toEqual({ kw: 80, at: new Date("2026-03-05T11:00:00Z") });
  });

  it("lists each site with its totals; a network or a site narrows everything", async () => {
    const all = await getDashboard(db, reader, { scope: { kind: "all" }, preset: "this_month", now });
    expect(all.sites.map((s) => [s.code, s.production, s.consumption])).toEqual([
      ["TH-1", { current: 300, previous: 220 }, { current: 25, previous: null }],
      ["PV-1", { current: 150, previous: 80 }, { current: 10, previous: 5 }],
    ]);
    const net = await getDashboard(db, reader, { scope: { kind: "network", id: north }, preset: "this_month", now });
    expect(net.sites.map((s) => s.code)).toEqual(["PV-1"]);
    expect(net.production).toEqual({ current: 150, previous: 80 });
    expect(net.renewableShare.current).toBe(1);
    const one = await getDashboard(db, reader, { scope: { kind: "site", id: thermal }, preset: "this_month", now });
    expect(one.production).toEqual({ current: 300, previous: 220 });
    expect(one.renewableShare.current).toBe(0);
    expect(one.peakDemand.current?.kw).toBe(80);
    expect(changePercent(one.consumption)).toBeNull();
  });

  it("compares this year with the same days of last year, and refuses a role without measurements.read", async () => {
    expect(periodOf("this_year", "2026-03-20")).toMatchObject({ previous: { from: "2025-01-01", to: "2025-03-21" } });
    expect(periodOf("this_month", "2026-03-31").previous).toEqual({ from: "2026-02-01", to: "2026-03-01" });
    expect(periodOf("last_30_days", "2026-03-20")).toMatchObject({
      current: { from: "2026-02-19", to: "2026-03-21" },
      previous: { from: "2026-01-20", to: "2026-02-19" },
    });
    await expect(getDashboard(db, technician, { scope: { kind: "all" }, preset: "this_month", now })).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(solar).toBeTruthy();
  });
});
