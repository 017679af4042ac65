import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as streamRoute from "@/app/api/consommation/stream/route";
import { rowsOf, type Db } from "@/db/client";
import { meters } from "@/db/schema";
import type { UserActor } from "@/server/auth/actor";
import { afterIngest } from "@/server/energy/readings/after-ingest";
import { refreshRollups } from "@/server/energy/readings/rollups";
import { querySeries, type SeriesQuery, type SeriesResult } from "@/server/energy/readings/series";
import * as seriesRoute from "@/server/energy/readings/series-route";
import { createApiKey } from "@/server/integrations/api-key-admin";
import { DomainError } from "@/server/platform/errors";
import { freshDb, systemActor } from "../support/db";
import { makeSite, makeUser } from "../support/maintenance-fixtures";

process.env.AUTH_SECRET ??= "vitest-only-secret-0c9a7e5d3b1f";
let db: Db;
let ip = 0;
let reader: string;
let noScope: string;
let technician: UserActor;
let siteId: string;
let energyId: string;
let powerId: string;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const noParams = { params: Promise.resolve({}) };
const request = (path: string, key: string, signal?: AbortSignal) =>
  new Request(`http://localhost${path}`, {
    headers: { authorization: `Bearer ${key}`, "x-forwarded-for": `10.5.0.${++ip % 250}` },
    signal,
  });
const getSeries = (query: string, key = reader) => (seriesRoute.GET as Handler)(request(`/api/consommation?${query}`, key), noParams);

async function addMeter(site: string, code: string, kind: string, quantity: string, unit: string): Promise<string> {
  const [row] = await db.insert(meters).values({ siteId: site, code, name: code, kind, quantity, unit }).returning({ id: meters.id });
  return row!.id;
}

/** 15-minute readings of `value(i)` in [from, to) inserted by SQL, then the rollups refreshed for that range. */
async function fill(meterId: string, from: string, to: string, value: string) {
  await db.execute(sql`insert into readings (meter_id, ts, value, original_value, original_unit)
    select ${meterId}::uuid, g, v, v, 'kWh' from (
      select g, (${sql.raw(value)})::float8 as v
      from generate_series(${from}::timestamptz, ${to}::timestamptz - interval '15 minutes', interval '15 minutes') with ordinality as s(g, i)) as x`);
  await db.transaction((tx) => refreshRollups(tx, [{ meterId, from: new Date(from), to: new Date(to) }]));
}

const series = (q: Partial<SeriesQuery>) =>
  db.transaction((tx) => querySeries(tx, systemActor, { from: q.from!, to: q.to!, granularity: "hour", meterId: energyId, ...q }));
const values = (r: SeriesResult) => r.points.map((p) => p.value);

beforeAll(async () => {
  db = await freshDb();
  const key = (scopes: string[]) =>
    db.transaction(
      async (tx) => (await createApiKey(tx, systemActor, { name: `SCADA ${scopes.join(" ")}`, scopes: scopes as never })).value,
    );
  reader = await key(["measurements:read"]);
  noScope = await key(["sites:read"]);
  technician = await makeUser(db, "technician", "Yacine Haddad");
  siteId = await makeSite(db, { name: "Poste de Lyon", timezone: "Europe/Paris" });
  energyId = await addMeter(siteId, "PAR-E1", "consumption", "energy", "kWh");
  powerId = await addMeter(siteId, "PAR-P1", "production", "power", "kW");
  // One kWh every 15 minutes around both daylight-saving changes of 2026 (UTC bounds).
  await fill(energyId, "2026-03-27T00:00:00Z", "2026-04-02T00:00:00Z", "1");
  await fill(energyId, "2026-10-23T00:00:00Z", "2026-10-28T00:00:00Z", "1");
  // Power alternating 10 and 30 kW.
  await fill(powerId, "2026-03-28T00:00:00Z", "2026-03-31T00:00:00Z", "case when i % 2 = 0 then 30 else 10 end");
});

describe("daylight saving in Europe/Paris", () => {
  it("the last Sunday of March (29 March 2026) has 23 local hours and its day sums exactly 23 h of readings", async () => {
    const hours = await series({ from: "2026-03-29", to: "2026-03-29", granularity: "hour" });
    expect(hours.points).toHaveLength(23);
    expect(hours.points[0]!.ts).toBe("2026-03-29T00:00:00+01:00");
    expect(hours.points[1]!.ts).toBe("2026-03-29T01:00:00+01:00");
    expect(hours.points[2]!.ts).toBe("2026-03-29T03:00:00+02:00");
    expect(hours.points.at(-1)!.ts).toBe("2026-03-29T23:00:00+02:00");
    expect(values(hours).every((v) => v === 4)).toBe(true);
    expect(hours.from).toBe("2026-03-29T00:00:00+01:00");
    expect(hours.to).toBe("2026-03-30T00:00:00+02:00");

    const days = await series({ from: "2026-03-28", to: "2026-03-30", granularity: "day" });
    expect(days.points.map((p) => [p.ts, p.value, p.count])).toEqual([
      ["2026-03-28T00:00:00+01:00", 96, 96],
      ["2026-03-29T00:00:00+01:00", 92, 92],
      ["2026-03-30T00:00:00+02:00", 96, 96],
    ]);
  });

  it("the last Sunday of October (25 October 2026) has 25 local hours, 02:00 twice", async () => {
    const hours = await series({ from: "2026-10-25", to: "2026-10-25", granularity: "hour" });
    expect(hours.points).toHaveLength(25);
    const twice = hours.points.filter((p) => p.ts.startsWith("2026-10-25T02:00:00")).map((p) => p.ts);
    expect(twice).toEqual(["2026-10-25T02:00:00+02:00", "2026-10-25T02:00:00+01:00"]);
    const day = await series({
      from: new Date("2026-10-25T00:00:00+02:00"),
      to: new Date("2026-10-26T00:00:00+01:00"),
      granularity: "day",
    });
    expect(day.points.map((p) => [p.ts, p.value])).toEqual([["2026-10-25T00:00:00+02:00", 100]]);
  });

  it("15-minute points are local quarters; month buckets are local months", async () => {
    const quarters = await series({ from: "2026-03-29", to: "2026-03-29", granularity: "15min" });
    expect(quarters.points).toHaveLength(92);
    // 1 April 00:00 in Paris is 31 March 22:00 UTC: readings from then on belong to April.
    const months = await series({ from: "2026-03-01", to: "2026-04-30", granularity: "month" });
    const march = (Date.parse("2026-03-31T22:00:00Z") - Date.parse("2026-03-27T00:00:00Z")) / 900_000;
    const april = (Date.parse("2026-04-02T00:00:00Z") - Date.parse("2026-03-31T22:00:00Z")) / 900_000;
    expect(months.points.map((p) => [p.ts, p.value])).toEqual([
      ["2026-03-01T00:00:00+01:00", march],
      ["2026-04-01T00:00:00+02:00", april],
    ]);
    expect(months.to).toBe("2026-05-01T00:00:00+02:00");
  });
});

describe("aggregation and quality", () => {
  it("averages a power meter (sum/count) and keeps its peak", async () => {
    const hours = await series({ meterId: "par-p1", from: new Date("2026-03-28T10:00:00Z"), to: new Date("2026-03-28T12:00:00Z") });
    expect(hours.aggregation).toBe("average");
    expect(hours.points.map((p) => [p.ts, p.value, p.max])).toEqual([
      ["2026-03-28T11:00:00+01:00", 20, 30],
      ["2026-03-28T12:00:00+01:00", 20, 30],
    ]);
    const day = await series({ meterId: powerId, from: "2026-03-29", to: "2026-03-29", granularity: "day" });
    expect(day.points[0]).toMatchObject({ value: 20, max: 30, count: 92 });
  });

  it("carries estimated and corrected readings into each bucket, and a correction updates the day sum", async () => {
    const at = "2026-03-30T08:00:00Z";
    await db.execute(
      sql`update readings set quality = 'estimated' where meter_id = ${energyId} and ts = ${"2026-03-30T07:00:00Z"}::timestamptz`,
    );
    await db.execute(
      sql`update readings set value = 5, quality = 'corrected', version = 2 where meter_id = ${energyId} and ts = ${at}::timestamptz`,
    );
    await db.transaction((tx) =>
      refreshRollups(tx, [
        { meterId: energyId, from: new Date("2026-03-30T07:00:00Z"), to: new Date("2026-03-30T07:15:00Z") },
        { meterId: energyId, from: new Date(at), to: new Date(Date.parse(at) + 900_000) },
      ]),
    );
    const hours = await series({ from: new Date("2026-03-30T07:00:00Z"), to: new Date("2026-03-30T10:00:00Z") });
    expect(hours.points.map((p) => [p.ts, p.value, p.quality, p.estimated, p.corrected])).toEqual([
      ["2026-03-30T09:00:00+02:00", 4, "estimated", 1, 0],
      ["2026-03-30T10:00:00+02:00", 8, "corrected", 0, 1],
      ["2026-03-30T11:00:00+02:00", 4, "measured", 0, 0],
    ]);
    const day = await series({ from: "2026-03-30", to: "2026-03-30", granularity: "day" });
    expect(day.points[0]).toMatchObject({ value: 100, count: 96, quality: "estimated", estimated: 1, corrected: 1 });
  });

  it("deletes the buckets whose readings are gone", async () => {
    const from = new Date("2026-04-01T20:00:00Z");
    const to = new Date("2026-04-02T00:00:00Z");
    await db.execute(sql`delete from readings where meter_id = ${energyId} and ts >= ${from.toISOString()}::timestamptz`);
    await db.transaction((tx) => refreshRollups(tx, [{ meterId: energyId, from, to }]));
    const hours = await series({ from: new Date("2026-04-01T18:00:00Z"), to });
    expect(hours.points.map((p) => p.ts)).toEqual(["2026-04-01T20:00:00+02:00", "2026-04-01T21:00:00+02:00"]);
    const day = await series({ from: "2026-04-01", to: "2026-04-02", granularity: "day" });
    expect(day.points.map((p) => [p.ts, p.value])).toEqual([["2026-04-01T00:00:00+02:00", 88]]);
  });

  it("combines a site's meters of one kind and unit, and lists those left out", async () => {
    const other = await makeSite(db, { timezone: "Europe/Paris" });
    const a = await addMeter(other, "LYO-A", "consumption", "energy", "kWh");
    const b = await addMeter(other, "LYO-B", "consumption", "energy", "kWh");
    await addMeter(other, "LYO-W", "consumption", "volume", "m3");
    await fill(a, "2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z", "1");
    await fill(b, "2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z", "2");
    const day = await db.transaction((tx) =>
      querySeries(tx, systemActor, { siteId: other, from: "2026-06-01", to: "2026-06-01", granularity: "day" }),
    );
    expect(day.kind).toBe("consumption");
    expect(day.unit).toBe("kWh");
    expect(day.meters.map((m) => m.code)).toEqual(["LYO-A", "LYO-B"]);
    expect(day.excluded.map((m) => m.code)).toEqual(["LYO-W"]);
    // Local 1 June is 31 May 22:00 → 1 June 22:00 UTC: 88 readings of each meter.
    expect(day.points.map((p) => [p.value, p.count])).toEqual([[88 * 3, 176]]);
    expect(day.points[0]!.max).toBeNull();
  });
});

describe("GET /api/consommation", () => {
  it("answers a site by code with daily points in local time", async () => {
    const [site] = rowsOf<{ code: string }>(await db.execute(sql`select code from sites where id = ${siteId}`));
    const siteCode = site!.code;
    const response = await getSeries(`site=${siteCode.toLowerCase()}&granularity=day&from=2026-03-29&to=2026-03-29`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as SeriesResult;
    expect(body.points).toEqual([
      { ts: "2026-03-29T00:00:00+01:00", value: 92, max: 1, count: 92, quality: "measured", estimated: 0, corrected: 0 },
    ]);
    expect(body.timezone).toBe("Europe/Paris");
  });

  it("refuses bad input with 422, unknown targets with 404, callers without measurements.read with 403", async () => {
    const bad = await getSeries(`meter=${energyId}&granularity=week`);
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain("granularity");
    expect((await getSeries(`granularity=day`)).status).toBe(422);
    expect((await getSeries(`meter=${energyId}&from=2026-03-29T00:00:00`)).status).toBe(422);
    expect((await getSeries(`meter=${energyId}&from=2026-04-02&to=2026-04-01`)).status).toBe(422);
    expect((await getSeries(`site=NO-SUCH-SITE&granularity=day`)).status).toBe(404);
    expect((await getSeries(`site=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await getSeries(`meter=${energyId}`, noScope)).status).toBe(403);
    const refused = db.transaction((tx) =>
      querySeries(tx, technician, { meterId: energyId, from: "2026-03-29", to: "2026-03-29", granularity: "day" }),
    );
    await expect(refused).rejects.toMatchObject({ status: 403 } satisfies Partial<DomainError>);
  });

  it("refuses an answer over 20,000 points with 422 instead of truncating it", async () => {
    const response = await getSeries(`meter=${energyId}&granularity=raw&from=2026-01-01&to=2026-12-31`);
    expect(response.status).toBe(200);
    const dense = await addMeter(siteId, "PAR-DENSE", "consumption", "energy", "kWh");
    await db.execute(sql`insert into readings (meter_id, ts, value, original_value, original_unit)
      select ${dense}::uuid, g, 1, 1, 'kWh' from generate_series(timestamptz '2026-05-01T00:00:00Z', timestamptz '2026-05-15T23:59:00Z', interval '1 minute') g`);
    const tooMany = await getSeries(`meter=PAR-DENSE&granularity=raw&from=2026-05-01&to=2026-05-15`);
    expect(tooMany.status).toBe(422);
    expect(((await tooMany.json()) as { code: string; detail: string }).detail).toMatch(/more than 20,000 points/);
    expect((await getSeries(`meter=PAR-DENSE&granularity=15min&from=2026-05-01&to=2026-05-15`)).status).toBe(200);
  });
});

describe("GET /api/consommation/stream", () => {
  it("sends the new readings of the site's meters as they are ingested", async () => {
    const abort = new AbortController();
    const response = await (streamRoute.GET as Handler)(request(`/api/consommation/stream?site=${siteId}`, reader, abort.signal), noParams);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader_ = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const until = async (pattern: RegExp) => {
      const deadline = Date.now() + 10_000;
      while (!pattern.test(text) && Date.now() < deadline) {
        const { value, done } = await reader_.read();
        if (done) break;
        text += decoder.decode(value);
      }
      return pattern.exec(text);
    };
    expect(await until(/event: ready\n/)).not.toBeNull();
    expect(text).toContain('"code":"PAR-E1"');
    const from = new Date("2026-11-02T10:00:00Z");
    const to = new Date("2026-11-02T10:30:00Z");
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into readings (meter_id, ts, value, original_value, original_unit)
        values (${energyId}, ${from.toISOString()}::timestamptz, 1.5, 1500, 'Wh'), (${energyId}, '2026-11-02T10:15:00Z', 2.5, 2500, 'Wh')`);
      await refreshRollups(tx, [{ meterId: energyId, from, to }]);
      const span = [{ meterId: energyId, from, to }];
      await afterIngest(tx, { touched: span, signal: span, evaluate: true });
    });
    const match = await until(/event: readings\ndata: (.*)\n\n/);
    expect(match).not.toBeNull();
    expect(JSON.parse(match![1]!)).toMatchObject({
      meter: "PAR-E1",
      unit: "kWh",
      complete: true,
      points: [
        { ts: "2026-11-02T11:00:00+01:00", value: 1.5, quality: "measured" },
        { ts: "2026-11-02T11:15:00+01:00", value: 2.5, quality: "measured" },
      ],
    });
    const bus = (globalThis as unknown as { __dihyaReadingsBus: { subscribers: Map<string, Set<unknown>> } }).__dihyaReadingsBus;
    expect(bus.subscribers.get(energyId)?.size).toBe(1);
    abort.abort();
    await reader_.cancel().catch(() => {});
    expect(bus.subscribers.has(energyId)).toBe(false);
  });

  it("checks permission and target before streaming", async () => {
    const refused = await (streamRoute.GET as Handler)(request(`/api/consommation/stream?site=${siteId}`, noScope), noParams);
    expect(refused.status).toBe(403);
    const unknown = await (streamRoute.GET as Handler)(request(`/api/consommation/stream?meter=NOPE`, reader), noParams);
    expect(unknown.status).toBe(404);
    const neither = await (streamRoute.GET as Handler)(request(`/api/consommation/stream`, reader), noParams);
    expect(neither.status).toBe(422);
  });
});
