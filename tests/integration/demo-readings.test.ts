import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type Db } from "@/db/client";
import {
  auditLog,
  ingestBatches,
  ingestRejections,
  meters,
  readingHistory,
  readings,
  readingsDaily,
  readingsHourly,
  sites,
} from "@/db/schema";
import { seedEnergyDemo } from "@/db/seed/energy";
import { seedDemoReadings, type DemoReadingsResult } from "@/db/seed/energy/readings";
import { demoSites } from "@/db/seed/energy/sites";
import { freshDb, systemActor } from "../support/db";

const days = 14;
const perMeter = days * 96;
/** Slots each demo gap removes within the last 14 days (see the seed's plan). */
const gapSlots: Record<string, number> = { "DZ-ADR-WP01-P1": 24, "MA-OZT-PV01-C1": 12, "DZ-BOU-SG03-C1": 5 };
const producing = new Set(["solar_park", "wind_park", "hydro_plant", "thermal_plant"]);

let db: Db;
let first: DemoReadingsResult;
const started = Date.now();

beforeAll(async () => {
  db = await freshDb();
  first = await db.transaction(async (tx) => {
    await seedEnergyDemo(tx, systemActor);
    return seedDemoReadings(tx, { days });
  });
}, 180_000);

const perMeterCounts = async () =>
  new Map(
    (
      await db
        .select({ code: meters.code, active: meters.active, n: count(readings.ts) })
        .from(meters)
        .leftJoin(readings, eq(readings.meterId, meters.id))
        .groupBy(meters.id)
    ).map((r) => [r.code, r]),
  );

describe("demo meters and readings", () => {
  it("creates consumption meters on every demo site and production meters on producing sites", async () => {
    const rows = await db
      .select({ code: meters.code, register: meters.register, unit: meters.unit, type: sites.type })
      .from(meters)
      .innerJoin(sites, eq(sites.id, meters.siteId));
    const codes = new Set(rows.map((r) => r.code));
    for (const site of demoSites) {
      expect(codes.has(`${site.code}-C1`)).toBe(true);
      expect(codes.has(`${site.code}-P1`)).toBe(producing.has(site.type));
    }
    expect(rows.filter((r) => r.register === "cumulative").length).toBeGreaterThanOrEqual(1);
    expect(rows.filter((r) => r.unit === "kW").length).toBeGreaterThanOrEqual(1);
    expect(first.meters).toBe(rows.length);
  });

  it("writes one reading per 15 minutes over the period, minus the gaps, none for the decommissioned plant", async () => {
    const counts = await perMeterCounts();
    let total = 0;
    for (const [code, { active, n }] of counts) {
      total += n;
      if (code.startsWith("DZ-ORN-TG01")) {
        expect(active).toBe(false);
        expect(n).toBe(0);
      } else {
        expect(active).toBe(true);
        expect(n, code).toBe(perMeter - (gapSlots[code] ?? 0));
      }
    }
    expect(total).toBe(first.readings);
    const [bounds] = rowsOf<{ lo: Date | string; hi: Date | string; misaligned: number }>(
      await db.execute(sql`select min(ts) as lo, max(ts) as hi,
        count(*) filter (where extract(epoch from ts)::bigint % 900 <> 0)::int as misaligned from readings`),
    );
    expect(bounds!.misaligned).toBe(0);
    expect(new Date(bounds!.hi).getTime()).toBeLessThanOrEqual(Date.now());
    expect(new Date(bounds!.hi).getTime()).toBeGreaterThan(started - 31 * 60_000);
    expect(new Date(bounds!.lo).getTime()).toBeGreaterThanOrEqual(started - days * 86_400_000 - 15 * 60_000);
  });

  it("flags exactly one counter reset, through ingest, without a spike", async () => {
    const flagged = await db
      .select({ code: meters.code, value: readings.value, source: readings.source })
      .from(readings)
      .innerJoin(meters, eq(meters.id, readings.meterId))
      .where(sql`${readings.flags} @> array['reset']::text[]`);
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.source).toBe("seed");
    const [counter] = await db.select().from(meters).where(eq(meters.code, flagged[0]!.code));
    expect(counter!.register).toBe("cumulative");
    const [stats] = rowsOf<{ lo: number; median: number; hi: number }>(
      await db.execute(sql`select min(value) as lo, percentile_cont(0.5) within group (order by value) as median, max(value) as hi
        from readings where meter_id = ${counter!.id}`),
    );
    expect(Number(stats!.lo)).toBeGreaterThanOrEqual(0);
    expect(Number(stats!.hi)).toBeLessThan(3 * Number(stats!.median));
    expect(flagged[0]!.value).toBeLessThan(Number(stats!.hi));
  });

  it("keeps one late correction in the reading's history, audited", async () => {
    const history = await db.select().from(readingHistory);
    expect(history).toHaveLength(1);
    const [current] = await db
      .select()
      .from(readings)
      .where(and(eq(readings.meterId, history[0]!.meterId), eq(readings.ts, history[0]!.ts)));
    expect(current!.quality).toBe("corrected");
    expect(current!.version).toBe(2);
    expect(current!.originalUnit).toBe("MWh");
    expect(current!.value).not.toBe(history[0]!.value);
    expect(Math.abs(current!.value / history[0]!.value - 1.08)).toBeLessThan(0.001);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "reading.corrected"));
    expect(audits).toHaveLength(1);
  });

  it("records a batch with duplicates and refused items for the data-quality view", async () => {
    const batches = await db.select().from(ingestBatches);
    expect(batches.some((b) => b.duplicates >= 2 && b.rejected >= 4)).toBe(true);
    const codes = new Set((await db.select({ code: ingestRejections.code }).from(ingestRejections)).map((r) => r.code));
    expect(codes.size).toBeGreaterThanOrEqual(4);
    expect(codes.has("future_timestamp")).toBe(true);
    expect(codes.has("unknown_meter")).toBe(true);
  });

  it("builds the hourly and daily rollups from the raw readings", async () => {
    const mismatches = rowsOf<{ id: string }>(
      await db.execute(sql`select m.id from meters m
        left join (select meter_id, sum(value) as s, count(*) as n from readings group by 1) r on r.meter_id = m.id
        left join (select meter_id, sum(sum) as s, sum(count) as n from readings_hourly group by 1) h on h.meter_id = m.id
        left join (select meter_id, sum(sum) as s, sum(count) as n from readings_daily group by 1) d on d.meter_id = m.id
        where coalesce(r.n, 0) <> coalesce(h.n, 0) or coalesce(r.n, 0) <> coalesce(d.n, 0)
           or abs(coalesce(r.s, 0) - coalesce(h.s, 0)) > 1e-6 * greatest(1, abs(coalesce(r.s, 0)))
           or abs(coalesce(r.s, 0) - coalesce(d.s, 0)) > 1e-6 * greatest(1, abs(coalesce(r.s, 0)))`),
    );
    expect(mismatches).toEqual([]);
    expect((await db.select({ n: count() }).from(readingsHourly))[0]!.n).toBeGreaterThan(20 * days * 24 - 50);
    expect((await db.select({ n: count() }).from(readingsDaily))[0]!.n).toBeGreaterThanOrEqual(20 * days);
  });

  it("produces solar at day and nothing at night, in the site's time", async () => {
    const [row] = rowsOf<{ night: number; day: number }>(
      await db.execute(sql`select
        sum(r.value) filter (where extract(hour from r.ts at time zone s.timezone) in (0, 1, 2, 3, 22, 23)) as night,
        sum(r.value) filter (where extract(hour from r.ts at time zone s.timezone) between 11 and 14) as day
        from readings r join meters m on m.id = r.meter_id join sites s on s.id = m.site_id where m.code = 'DZ-ADR-PV01-P1'`),
    );
    expect(Number(row!.night)).toBe(0);
    expect(Number(row!.day)).toBeGreaterThan(0);
  });

  it("adds nothing when called again", async () => {
    const before = (await db.select({ n: count() }).from(readings))[0]!.n;
    const again = await db.transaction((tx) => seedDemoReadings(tx, { days }));
    expect(again).toMatchObject({ meters: 0, readings: 0 });
    expect((await db.select({ n: count() }).from(readings))[0]!.n).toBe(before);
    expect((await db.select({ n: count() }).from(readingHistory))[0]!.n).toBe(1);
  });
});
