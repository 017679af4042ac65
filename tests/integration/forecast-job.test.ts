import { asc, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { forecastPoints, forecastRuns, jobs, jobSchedules, meters } from "@/db/schema";
import { getMeterForecast } from "@/server/energy/forecast/forecast-query";
import { ensureForecastSchedules } from "@/server/energy/forecast/jobs";
import { recomputeMeterForecast } from "@/server/energy/forecast/recompute";
import { runForecastsForAllMeters } from "@/server/energy/forecast/run-all";
import { runnerOptionsFromEnv } from "@/server/platform/jobs/config";
import { enqueue } from "@/server/platform/jobs/enqueue";
import { createRunner } from "@/server/platform/jobs/runner";
import { freshDb } from "../support/db";
import { makeSite, makeUser } from "../support/maintenance-fixtures";

let db: Db;
let siteId: string;
const quarter = 15 * 60_000;
const week = 7 * 24 * 3_600_000;
/** The last reading: a quarter-hour boundary in the recent past. */
const lastTs = Math.floor((Date.now() - 3_600_000) / quarter) * quarter;

async function makeMeter(code: string, values: { active?: boolean; intervalMinutes?: number } = {}) {
  const [row] = await db
    .insert(meters)
    .values({ siteId, code, name: `Compteur ${code}`, kind: "consumption", quantity: "energy", unit: "kWh", ...values })
    .returning({ id: meters.id });
  return row!.id;
}

/**
 * `weeks` of 15-minute readings ending at `lastTs`: an office-like daily cycle, quieter
 * weekends and deterministic noise, inserted by SQL. Slots in `skip` are left out.
 */
async function seedReadings(meterId: string, weeks: number, skip: [number, number] | null = null) {
  const slots = weeks * 7 * 96;
  const start = new Date(lastTs - (slots - 1) * quarter).toISOString();
  await db.execute(sql`
    insert into readings (meter_id, ts, value, original_value, original_unit, source)
    select ${meterId}::uuid, ts, v, v, 'kWh', 'seed'
    from (
      select ts,
        round((5 + (case when extract(isodow from ts at time zone 'Africa/Algiers') >= 6 then 2 else 10 end)
          * greatest(0, sin(pi() * (extract(hour from ts at time zone 'Africa/Algiers') + extract(minute from ts) / 60.0 - 6) / 14))
          + 1.5 * (((n * 7919) % 1000) / 1000.0 - 0.5))::numeric, 3)::double precision as v
      from generate_series(0, ${slots - 1}) as n, lateral (select ${start}::timestamptz + n * interval '15 minutes' as ts) t
      where ${skip === null} or n not between ${skip?.[0] ?? 0} and ${skip?.[1] ?? 0}
    ) s`);
}

const runsOf = (meterId: string) =>
  db.select().from(forecastRuns).where(eq(forecastRuns.meterId, meterId)).orderBy(asc(forecastRuns.model));
const pointsOf = (runIds: string[]) =>
  db.select().from(forecastPoints).where(inArray(forecastPoints.runId, runIds)).orderBy(asc(forecastPoints.ts));

beforeAll(async () => {
  db = await freshDb();
  siteId = await makeSite(db, { name: "Siège Alger-Centre" });
  await import("@/server/energy/forecast/jobs");
});

describe("energy.forecast job", () => {
  it("stores a seasonal-naive and a Holt-Winters run with backtest metrics and 672 points each; a re-run replaces them", async () => {
    const meterId = await makeMeter("FC-OFFICE");
    await seedReadings(meterId, 5);
    const runner = createRunner(db, runnerOptionsFromEnv({ id: "test-forecast", pollMs: 20 }));
    await db.transaction((tx) => enqueue(tx, { kind: "energy.forecast", payload: { meterId } }));
    expect(await runner.runDue()).toHaveLength(1);

    const runs = await runsOf(meterId);
    expect(runs.map((r) => r.model)).toEqual(["holt_winters", "seasonal_naive"]);
    const [hw, naive] = runs as [(typeof runs)[0], (typeof runs)[0]];
    for (const run of runs) {
      expect(run.intervalMinutes).toBe(15);
      expect(run.horizonFrom.getTime()).toBe(lastTs + quarter);
      expect(run.horizonTo.getTime()).toBe(lastTs + quarter + week);
      expect(run.backtestFrom!.getTime()).toBe(lastTs + quarter - week);
      expect(run.backtestTo!.getTime()).toBe(lastTs + quarter);
      expect(run.mape).toBeGreaterThan(0);
      expect(run.cvRmse).toBeGreaterThan(0);
      expect(run.cvRmse).toBeLessThan(30);
      expect(Math.abs(run.nmbe!)).toBeLessThan(10);
      expect(run.params).toMatchObject({ scored: 672, filled: 0, points: 5 * 672 });
      const points = await pointsOf([run.id]);
      expect(points).toHaveLength(672);
      expect(points[0]!.ts.getTime()).toBe(lastTs + quarter);
      expect(points[671]!.ts.getTime()).toBe(lastTs + week);
      expect(points.every((p) => p.lower !== null && p.upper !== null && p.lower <= p.upper)).toBe(true);
    }
    expect(naive.skill).toBe(0);
    expect(hw.skill).not.toBeNull();
    expect(hw.params).toMatchObject({ alpha: expect.any(Number), omega: expect.any(Number), phi: expect.any(Number) });

    // Same slot last week, for the naive forecast.
    const [lastWeek] = await db
      .execute<{ value: number }>(
        sql`select value from readings where meter_id = ${meterId} and ts = ${new Date(lastTs + quarter - week).toISOString()}::timestamptz`,
      )
      .then((r) => ("rows" in r ? (r.rows as { value: number }[]) : (r as unknown as { value: number }[])));
    const naivePoints = await pointsOf([naive.id]);
    expect(naivePoints[0]!.value).toBe(lastWeek!.value);

    await db.transaction((tx) => enqueue(tx, { kind: "energy.forecast", payload: { meterId } }));
    expect(await runner.runDue()).toHaveLength(1);
    const again = await runsOf(meterId);
    expect(again).toHaveLength(2);
    expect(again.map((r) => r.id).sort()).not.toEqual(runs.map((r) => r.id).sort());
    expect(await pointsOf(again.map((r) => r.id))).toHaveLength(1344);
    expect(await pointsOf(runs.map((r) => r.id))).toHaveLength(0);
    const done = await db.select().from(jobs).where(eq(jobs.kind, "energy.forecast"));
    expect(done.map((j) => j.status)).toEqual(["succeeded", "succeeded"]);
  });

  it("fills a short gap, scores only measured slots, skips inactive meters and meters with too little history", async () => {
    const gappy = await makeMeter("FC-GAP");
    // Two hours missing in the backtest week (slots 3000–3007 of 3360).
    await seedReadings(gappy, 5, [3000, 3007]);
    const young = await makeMeter("FC-YOUNG");
    await seedReadings(young, 0.5);
    const off = await makeMeter("FC-OFF", { active: false });
    await seedReadings(off, 5);

    const summary = await runForecastsForAllMeters(db, { quiet: true });
    expect(summary.failed).toBe(0);
    const byCode = new Map(summary.outcomes.map((o) => [o.code, o]));
    expect(byCode.get("FC-GAP")?.status).toBe("forecast");
    expect(byCode.get("FC-YOUNG")).toMatchObject({ status: "skipped", reason: "history_too_short" });
    expect(byCode.has("FC-OFF")).toBe(false);

    const runs = await runsOf(gappy);
    expect(runs).toHaveLength(2);
    for (const run of runs) expect(run.params).toMatchObject({ filled: 8, scored: 664, points: 3360 });
    expect(await runsOf(young)).toHaveLength(0);
    expect(await runsOf(off)).toHaveLength(0);
  });

  it("gives the page both forecasts beside the last week of readings, with G14 verdicts; only admins recompute", async () => {
    const meterId = await makeMeter("FC-PAGE");
    const reader = await makeUser(db, "user", "Karima Meziane");
    const admin = await makeUser(db, "admin", "Amina Benali");
    const technician = await makeUser(db, "technician", "Yacine Haddad");
    await seedReadings(meterId, 5);

    const empty = await getMeterForecast(db, reader, meterId);
    expect(empty.runs).toEqual({});
    await expect(db.transaction((tx) => recomputeMeterForecast(tx, reader, meterId))).rejects.toMatchObject({ code: "forbidden" });
    await expect(getMeterForecast(db, technician, meterId)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getMeterForecast(db, reader, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "not_found" });
    expect(await db.transaction((tx) => recomputeMeterForecast(tx, admin, meterId))).toMatchObject({ status: "forecast" });

    const view = await getMeterForecast(db, reader, meterId);
    expect(view.meter).toMatchObject({ code: "FC-PAGE", siteName: "Siège Alger-Centre", timezone: "Africa/Algiers", unit: "kWh" });
    expect(view.rows).toHaveLength(2 * 672);
    const boundary = lastTs + quarter;
    expect(view.rows.filter((r) => r.actual !== undefined).every((r) => r.t < boundary)).toBe(true);
    expect(view.rows.filter((r) => r.actual !== undefined)).toHaveLength(672);
    const future = view.rows.filter((r) => r.t >= boundary);
    expect(future).toHaveLength(672);
    expect(future.every((r) => r.actual === undefined && r.naive !== undefined && r.hw !== undefined && r.hwBand !== undefined)).toBe(true);
    for (const model of ["seasonal_naive", "holt_winters"] as const) {
      const metrics = view.runs[model]!.metrics!;
      expect(metrics.hourly).toBe(true);
      expect(metrics.cvRmseG14).toBeGreaterThan(0);
      expect(metrics.passes).toEqual({ cvRmse: true, nmbe: true });
      expect(metrics.scored).toBe(672);
    }
    expect(view.runs.seasonal_naive!.metrics!.skill).toBe(0);
    expect(view.runs.holt_winters!.metrics!.skill).toEqual(expect.any(Number));
    expect(view.actualSummary!.amount).toBeGreaterThan(0);
    expect(view.runs.holt_winters!.summary!.peak).toBeGreaterThan(0);
  });

  it("is scheduled daily at 02:30", async () => {
    await ensureForecastSchedules(db);
    const [schedule] = await db.select().from(jobSchedules).where(eq(jobSchedules.name, "energy.forecast"));
    expect(schedule).toMatchObject({ kind: "energy.forecast", cron: "30 2 * * *", enabled: true });
  });
});
