import { and, asc, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as route from "@/app/api/consommation/route";
import { getHandle, rowsOf as resultRows, type Db } from "@/db/client";
import { auditLog, ingestBatches, ingestRejections, meters, readingHistory, readings, readingsHourly } from "@/db/schema";
import type { CreateMeterInput } from "@/lib/validation/meters";
import { createMeterSchema } from "@/lib/validation/meters";
import type { UserActor } from "@/server/auth/actor";
import { createMeter } from "@/server/energy/meters/meters-service";
import { readingsChannel } from "@/server/energy/readings/after-ingest";
import { ingestReadings } from "@/server/energy/readings/ingest";
import { createApiKey } from "@/server/integrations/api-key-admin";
import { freshDb, systemActor } from "../support/db";
import { makeSite, makeUser } from "../support/maintenance-fixtures";

process.env.AUTH_SECRET ??= "vitest-only-secret-0c9a7e5d3b1f";
let db: Db;
let admin: UserActor;
let writer: string;
let reader: string;
let siteId: string;
let ip = 0;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const post = route.POST as unknown as Handler;
const noParams = { params: Promise.resolve<Record<string, string>>({}) };
type Answer = {
  batchId: string;
  accepted: number;
  duplicates: number;
  corrected: number;
  rejected: { index: number; code: string; detail: string }[];
};

function send(body: unknown, init: { key?: string; idempotencyKey?: string; raw?: string } = {}) {
  const headers: Record<string, string> = { "x-forwarded-for": `10.5.0.${++ip % 250}`, "content-type": "application/json" };
  headers.authorization = `Bearer ${init.key ?? writer}`;
  if (init.idempotencyKey) headers["idempotency-key"] = init.idempotencyKey;
  return post(
    new Request("http://localhost/api/consommation", { method: "POST", headers, body: init.raw ?? JSON.stringify(body) }),
    noParams,
  );
}
async function ingest(body: unknown, key?: string): Promise<Answer> {
  const response = await send(body, { key });
  expect(response.status).toBe(200);
  return (await response.json()) as Answer;
}

/** Midnight UTC two days ago, plus `minutes`, as an ISO string with the +01:00 offset of Algiers. */
const base = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 2 * 86_400_000;
function at(minutes: number): string {
  const local = new Date(base + minutes * 60_000 + 3_600_000).toISOString().slice(0, 19);
  return `${local}+01:00`;
}
const utc = (minutes: number) => new Date(base + minutes * 60_000);

async function meter(input: Partial<CreateMeterInput> & { code: string }): Promise<string> {
  const parsed = createMeterSchema.parse({ siteId, name: `Compteur ${input.code}`, kind: "consumption", quantity: "energy", ...input });
  return (await db.transaction((tx) => createMeter(tx, admin, parsed))).id;
}
const rowsOf = (meterId: string) => db.select().from(readings).where(eq(readings.meterId, meterId)).orderBy(asc(readings.ts));

beforeAll(async () => {
  db = await freshDb();
  admin = await makeUser(db, "admin", "Amina Benali");
  siteId = await makeSite(db, { name: "Parc solaire d’Adrar" });
  const key = (scopes: string[], name: string) =>
    db.transaction(async (tx) => (await createApiKey(tx, systemActor, { name, scopes: scopes as never })).value);
  writer = await key(["measurements:read", "measurements:write"], "Passerelle IoT Adrar");
  reader = await key(["measurements:read", "sites:read"], "Tableau de bord partenaire");
});

describe("POST /api/consommation", () => {
  it("converts units to the meter's canonical unit and keeps what was sent", async () => {
    const energy = await meter({ code: "ADR-E1" });
    const power = await meter({ code: "ADR-P1", quantity: "power" });
    const answer = await ingest({
      readings: [
        { meter: "adr-e1", ts: at(0), value: 1500, unit: "Wh" },
        { meter: "ADR-E1", ts: at(15), value: 0.002, unit: "MWh", quality: "estimated" },
        { meter: "ADR-P1", ts: at(0), value: 1.2, unit: "MW" },
      ],
    });
    expect(answer).toMatchObject({ accepted: 3, duplicates: 0, corrected: 0, rejected: [] });
    const [first, second] = await rowsOf(energy);
    expect(first).toMatchObject({ value: 1.5, originalValue: 1500, originalUnit: "Wh", quality: "measured", version: 1, source: "api" });
    expect(first!.ts.toISOString()).toBe(utc(0).toISOString());
    expect(second).toMatchObject({ value: 2, originalUnit: "MWh", quality: "estimated" });
    expect((await rowsOf(power))[0]).toMatchObject({ value: 1200, originalValue: 1.2, originalUnit: "MW" });
    const [m] = await db.select().from(meters).where(eq(meters.id, energy));
    expect(m!.lastReadingAt?.toISOString()).toBe(utc(15).toISOString());
    const hourly = await db.select().from(readingsHourly).where(eq(readingsHourly.meterId, energy));
    expect(hourly.map((h) => h.sum)).toEqual([3.5]);
  });

  it("counts the same meter, time and value as a duplicate and writes nothing", async () => {
    const id = await meter({ code: "ADR-E2" });
    expect(await ingest({ meter: "ADR-E2", ts: at(30), value: 4, unit: "kWh" })).toMatchObject({ accepted: 1 });
    const again = await ingest({
      readings: [
        { meter: "ADR-E2", ts: at(30), value: 4000, unit: "Wh" },
        { meter: "ADR-E2", ts: at(37), value: 4, unit: "kWh" },
      ],
    });
    expect(again).toMatchObject({ accepted: 0, duplicates: 2, corrected: 0, rejected: [] });
    const rows = await rowsOf(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: 1, originalUnit: "kWh" });
  });

  it("makes another value at the same time a correction: history kept, audited", async () => {
    const id = await meter({ code: "ADR-E3" });
    await ingest({ meter: "ADR-E3", ts: at(45), value: 10, unit: "kWh", quality: "estimated" });
    const answer = await ingest({ meter: "ADR-E3", ts: at(45), value: 12.5, unit: "kWh" });
    expect(answer).toMatchObject({ accepted: 0, duplicates: 0, corrected: 1, rejected: [] });
    const [row] = await rowsOf(id);
    expect(row).toMatchObject({ value: 12.5, quality: "corrected", version: 2 });
    const history = await db.select().from(readingHistory).where(eq(readingHistory.meterId, id));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ value: 10, quality: "estimated", version: 1, replacedBy: "Passerelle IoT Adrar" });
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "reading.corrected"), eq(auditLog.entityId, `${id}@${utc(45).toISOString()}`)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entityType: "reading", actorType: "api_key", actorLabel: "Passerelle IoT Adrar" });
    expect(audits[0]!.changes).toMatchObject({ value: { old: 10, new: 12.5 }, quality: { old: "estimated", new: "corrected" } });
    expect(await ingest({ meter: "ADR-E3", ts: at(45), value: 12.5, unit: "kWh" })).toMatchObject({ duplicates: 1, corrected: 0 });
  });

  it("refuses timestamps more than 5 minutes ahead, and tolerates a little clock drift", async () => {
    await meter({ code: "ADR-E4" });
    const iso = (ms: number) => new Date(Date.now() + ms).toISOString();
    const answer = await ingest({
      readings: [
        { meter: "ADR-E4", ts: iso(10 * 60_000), value: 1, unit: "kWh" },
        { meter: "ADR-E4", ts: iso(2 * 60_000), value: 1, unit: "kWh" },
      ],
    });
    expect(answer.accepted).toBe(1);
    expect(answer.rejected).toEqual([{ index: 0, code: "future_timestamp", detail: expect.stringContaining("future") }]);
  });

  it("reports malformed items by index and still stores the good ones; the batch and its rejections are recorded", async () => {
    await meter({ code: "ADR-E5" });
    const answer = await ingest({
      readings: [
        { meter: "ADR-E5", ts: at(60), value: 3, unit: "kWh" },
        42,
        { meter: "GHOST-1", ts: at(60), value: 3, unit: "kWh" },
        { meter: "ADR-E5", ts: "2026-03-29T02:15:00", value: 3, unit: "kWh" },
        { meter: "ADR-E5", ts: at(75), value: "3", unit: "kWh" },
        { meter: "ADR-E5", ts: at(75), value: 3, unit: "kW" },
        { meter: "ADR-E5", ts: at(75), value: 3, unit: "kWh", quality: "guessed" },
        { ts: at(75), value: 3, unit: "kWh" },
        { meter: "ADR-E5", ts: at(75), value: -3, unit: "kWh" },
        { meter: "ADR-E5", ts: at(90), value: 3, unit: "BTU" },
      ],
    });
    expect(answer.accepted).toBe(1);
    expect(answer.rejected.map((r) => [r.index, r.code])).toEqual([
      [1, "invalid_item"],
      [2, "unknown_meter"],
      [3, "invalid_timestamp"],
      [4, "invalid_value"],
      [5, "unit_mismatch"],
      [6, "invalid_quality"],
      [7, "missing_meter"],
      [8, "negative_value"],
      [9, "unknown_unit"],
    ]);
    const [batch] = await db.select().from(ingestBatches).where(eq(ingestBatches.id, answer.batchId));
    expect(batch).toMatchObject({ source: "api", received: 10, accepted: 1, rejected: 9, actor: "Passerelle IoT Adrar" });
    const kept = await db
      .select()
      .from(ingestRejections)
      .where(eq(ingestRejections.batchId, answer.batchId))
      .orderBy(asc(ingestRejections.itemIndex));
    expect(kept).toHaveLength(9);
    expect(kept[1]).toMatchObject({ itemIndex: 2, code: "unknown_meter", meterCode: "GHOST-1", meterId: null });
    expect(kept[0]!.payload).toBe(42);
  });

  it("answers a single malformed reading by index too; a body that is no reading at all is 422", async () => {
    const answer = await ingest({ meter: "ADR-E5", ts: at(75), value: "12" });
    expect(answer).toMatchObject({ accepted: 0, rejected: [{ index: 0, code: "invalid_value", detail: expect.any(String) }] });
    expect((await send({ readings: "all of them" })).status).toBe(422);
    expect((await send(42)).status).toBe(422);
  });

  it("answers 413 over 10,000 readings and 400 to malformed JSON, writing nothing", async () => {
    const id = await meter({ code: "ADR-E6" });
    const many = Array.from({ length: 10_001 }, (_, i) => ({ meter: "ADR-E6", ts: at(-i * 15), value: 1, unit: "kWh" }));
    const over = await send({ readings: many });
    expect(over.status).toBe(413);
    expect(over.headers.get("content-type")).toBe("application/problem+json");
    expect(((await over.json()) as { code: string }).code).toBe("too_many_readings");
    const malformed = await send(null, { raw: '{"readings": [' });
    expect(malformed.status).toBe(400);
    expect(await rowsOf(id)).toHaveLength(0);
  });

  it("stores a batch of 10,000 readings in one call", async () => {
    const id = await meter({ code: "ADR-E7" });
    const many = Array.from({ length: 10_000 }, (_, i) => ({ meter: "ADR-E7", ts: at(-i * 15), value: (i % 96) / 4, unit: "kWh" }));
    const answer = await ingest({ readings: many });
    expect(answer).toMatchObject({ accepted: 10_000, rejected: [] });
    const [n] = await db.select({ n: count() }).from(readings).where(eq(readings.meterId, id));
    expect(n!.n).toBe(10_000);
    const replay = await ingest({ readings: many });
    expect(replay).toMatchObject({ accepted: 0, duplicates: 10_000 });
  });

  it("replays the answer for the same Idempotency-Key and writes nothing twice", async () => {
    const id = await meter({ code: "ADR-E8" });
    const body = {
      readings: [
        { meter: "ADR-E8", ts: at(0), value: 2, unit: "kWh" },
        { meter: "ADR-E8", ts: at(15), value: 3, unit: "kWh" },
      ],
    };
    const first = await send(body, { idempotencyKey: "gw-adr-2026-0001" });
    expect(first.status).toBe(200);
    const text = await first.text();
    const [before] = await db.select({ n: count() }).from(ingestBatches);
    const second = await send(body, { idempotencyKey: "gw-adr-2026-0001" });
    expect(second.status).toBe(200);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await second.text()).toBe(text);
    const [after] = await db.select({ n: count() }).from(ingestBatches);
    expect(after!.n).toBe(before!.n);
    expect(await rowsOf(id)).toHaveLength(2);
    expect((await rowsOf(id)).every((r) => r.version === 1)).toBe(true);
    const other = await send({ meter: "ADR-E8", ts: at(30), value: 1, unit: "kWh" }, { idempotencyKey: "gw-adr-2026-0001" });
    expect(other.status).toBe(422);
  });

  it("refuses a partner key without measurements:write (403) and accepts one with it", async () => {
    await meter({ code: "ADR-E9" });
    const refused = await send({ meter: "ADR-E9", ts: at(0), value: 1, unit: "kWh" }, { key: reader });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { code: string }).code).toBe("forbidden");
    expect(await ingest({ meter: "ADR-E9", ts: at(0), value: 1, unit: "kWh" })).toMatchObject({ accepted: 1 });
  });

  it("refuses readings of a deactivated meter", async () => {
    const id = await meter({ code: "ADR-E10" });
    await db.update(meters).set({ active: false }).where(eq(meters.id, id));
    const answer = await ingest({ meter: "ADR-E10", ts: at(0), value: 1, unit: "kWh" });
    expect(answer.rejected).toEqual([expect.objectContaining({ index: 0, code: "inactive_meter" })]);
  });

  it("announces the touched range of each meter on the dihya_readings channel", async () => {
    const id = await meter({ code: "ADR-E11" });
    const heard: string[] = [];
    const stop = await (await getHandle()).listen(readingsChannel, (payload) => heard.push(payload));
    await ingest({
      readings: [
        { meter: "ADR-E11", ts: at(0), value: 1, unit: "kWh" },
        { meter: "ADR-E11", ts: at(30), value: 1, unit: "kWh" },
      ],
    });
    for (let i = 0; i < 50 && heard.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await stop();
    expect(heard.map((h) => JSON.parse(h) as unknown)).toContainEqual({
      meterId: id,
      siteId,
      from: utc(0).toISOString(),
      to: utc(45).toISOString(),
    });
  });
});

describe("rollups kept on ingest", () => {
  const round = (v: unknown) => Math.round(Number(v) * 1e6) / 1e6;
  /** The meter's stored rollups next to the same buckets computed afresh from its raw readings. */
  async function rollupsAndTruth(meterId: string, timezone: string) {
    const pick = (rows: Record<string, unknown>[]) =>
      rows.map((r) => ({
        k: String(r.k),
        sum: round(r.sum),
        count: Number(r.count),
        min: round(r.min),
        max: round(r.max),
        estimated: Number(r.estimated),
        corrected: Number(r.corrected),
      }));
    const q = async (text: ReturnType<typeof sql>) => pick(resultRows<Record<string, unknown>>(await db.execute(text)));
    const agg = sql.raw(`sum(value) as sum, count(*) as count, min(value) as min, max(value) as max,
      count(*) filter (where quality = 'estimated') as estimated, count(*) filter (where quality = 'corrected') as corrected`);
    return {
      hours: await q(
        sql`select bucket::text as k, sum, count, min, max, estimated, corrected from readings_hourly where meter_id = ${meterId} order by 1`,
      ),
      hoursTruth: await q(
        sql`select date_trunc('hour', ts, 'UTC')::text as k, ${agg} from readings where meter_id = ${meterId} group by 1 order by 1`,
      ),
      days: await q(
        sql`select day::text as k, sum, count, min, max, estimated, corrected from readings_daily where meter_id = ${meterId} order by 1`,
      ),
      daysTruth: await q(
        sql`select (ts at time zone ${timezone})::date::text as k, ${agg} from readings where meter_id = ${meterId} group by 1 order by 1`,
      ),
    };
  }

  it("adds new readings to their hourly and local-day buckets exactly as a recomputation would, corrections included", async () => {
    const paris = await makeSite(db, { name: "Poste de Lyon", timezone: "Europe/Paris" });
    const parsed = createMeterSchema.parse({
      siteId: paris,
      code: "LYO-E1",
      name: "Compteur LYO-E1",
      kind: "consumption",
      quantity: "energy",
    });
    const id = (await db.transaction((tx) => createMeter(tx, admin, parsed))).id;
    // Saturday 28 March 2026 22:00 UTC → Monday 30 March 01:00 UTC: the Sunday lost an hour in Paris.
    const start = Date.UTC(2026, 2, 28, 22, 0);
    const item = (slot: number, value: number, extra: Record<string, unknown> = {}) => ({
      meter: "LYO-E1",
      ts: new Date(start + slot * 900_000).toISOString(),
      value,
      unit: "Wh",
      ...extra,
    });
    const slots = 27 * 4;
    // First batch: every other quarter, one estimated; the second fills the gaps and repeats some (duplicates).
    const first = await ingest({
      readings: [...Array(slots / 2).keys()].map((i) => item(2 * i, 1000 + i, i === 6 ? { quality: "estimated" } : {})),
    });
    expect(first.accepted).toBe(slots / 2);
    const second = await ingest({
      readings: [...[...Array(slots / 2).keys()].map((i) => item(2 * i + 1, 500 + i)), item(0, 1000), item(2, 1001)],
    });
    expect(second).toMatchObject({ accepted: slots / 2, duplicates: 2, corrected: 0 });
    // Third: corrections in the middle of existing buckets, and new readings after them.
    const third = await ingest({ readings: [item(10, 4000), item(11, 10), item(slots, 700), item(slots + 1, 800)] });
    expect(third).toMatchObject({ accepted: 2, corrected: 2 });

    const state = await rollupsAndTruth(id, "Europe/Paris");
    expect(state.hours).toEqual(state.hoursTruth);
    expect(state.days).toEqual(state.daysTruth);
    expect(state.days.find((d) => d.k === "2026-03-29")?.count).toBe(23 * 4);
    expect(state.hours.reduce((n, h) => n + h.estimated, 0)).toBe(1);
    expect(state.hours.reduce((n, h) => n + h.corrected, 0)).toBe(2);
    const [m] = await db.select({ last: meters.lastReadingAt }).from(meters).where(eq(meters.id, id));
    expect(m!.last!.toISOString()).toBe(new Date(start + (slots + 1) * 900_000).toISOString());
  });
});

describe("cumulative meters", () => {
  /** Values and flags of a meter's rows, oldest first. */
  const series = async (id: string) =>
    (await rowsOf(id)).map((r) => [r.ts.getTime() - base, r.value, r.indexValue, (r.flags ?? []).join(",")] as const);
  const minutes = (m: number) => m * 60_000;

  it("turns indices into interval consumption; a counter reset gives no spike", async () => {
    const id = await meter({ code: "ADR-C1", register: "cumulative" });
    const answer = await ingest({
      readings: [1000, 1010, 1025, 5, 12].map((value, i) => ({ meter: "ADR-C1", ts: at(15 * (i + 1)), value, unit: "kWh" })),
    });
    expect(answer).toMatchObject({ accepted: 5, rejected: [] });
    // The index read at 00:15 closes the interval 00:00–00:15: its row starts at 00:00.
    expect(await series(id)).toEqual([
      [minutes(0), 0, 1000, "gap_before"],
      [minutes(15), 10, 1010, ""],
      [minutes(30), 15, 1025, ""],
      [minutes(45), 5, 5, "reset"],
      [minutes(60), 7, 12, ""],
    ]);
    const [m] = await db.select().from(meters).where(eq(meters.id, id));
    expect(m).toMatchObject({ lastIndex: 12 });
    expect(m!.lastIndexAt?.toISOString()).toBe(utc(75).toISOString());
    expect((await rowsOf(id)).every((r) => r.value >= 0)).toBe(true);
  });

  it("detects a rollover at the wrap value and ignores small backward jitter", async () => {
    const id = await meter({ code: "ADR-C2", register: "cumulative", rolloverAt: 99_999, jitterTolerance: 0.5 });
    await ingest({
      readings: [99_990, 99_995, 99_994.8, 99_998, 3].map((value, i) => ({ meter: "ADR-C2", ts: at(15 * (i + 1)), value, unit: "kWh" })),
    });
    expect(await series(id)).toEqual([
      [minutes(0), 0, 99_990, "gap_before"],
      [minutes(15), 5, 99_995, ""],
      [minutes(30), 0, 99_994.8, "jitter"],
      [minutes(45), 3, 99_998, ""],
      [minutes(60), 4, 3, "rollover"],
    ]);
  });

  it("handles late readings: the next delta is recomputed", async () => {
    const id = await meter({ code: "ADR-C3", register: "cumulative" });
    await ingest({
      readings: [
        { meter: "ADR-C3", ts: at(15), value: 100, unit: "kWh" },
        { meter: "ADR-C3", ts: at(45), value: 130, unit: "kWh" },
      ],
    });
    expect(await series(id)).toEqual([
      [minutes(0), 0, 100, "gap_before"],
      [minutes(30), 30, 130, "gap_before"],
    ]);
    expect(await ingest({ meter: "ADR-C3", ts: at(30), value: 112, unit: "kWh" })).toMatchObject({ accepted: 1 });
    expect(await series(id)).toEqual([
      [minutes(0), 0, 100, "gap_before"],
      [minutes(15), 12, 112, ""],
      [minutes(30), 18, 130, ""],
    ]);
    // A corrected index is a correction (history) and fixes its neighbour too.
    expect(await ingest({ meter: "ADR-C3", ts: at(30), value: 120, unit: "kWh" })).toMatchObject({ corrected: 1 });
    expect(await series(id)).toEqual([
      [minutes(0), 0, 100, "gap_before"],
      [minutes(15), 20, 120, ""],
      [minutes(30), 10, 130, ""],
    ]);
    const history = await db.select().from(readingHistory).where(eq(readingHistory.meterId, id));
    expect(history).toEqual([expect.objectContaining({ value: 12, indexValue: 112 })]);
  });

  it("starts a replaced meter from its own index", async () => {
    const id = await meter({ code: "ADR-C4", register: "cumulative" });
    await ingest({
      readings: [
        { meter: "ADR-C4", ts: at(15), value: 5000, unit: "kWh" },
        { meter: "ADR-C4", ts: at(30), value: 5020, unit: "kWh" },
        { meter: "ADR-C4", ts: at(45), value: 40, unit: "kWh", event: "replacement" },
        { meter: "ADR-C4", ts: at(60), value: 55, unit: "kWh" },
      ],
    });
    expect(await series(id)).toEqual([
      [minutes(0), 0, 5000, "gap_before"],
      [minutes(15), 20, 5020, ""],
      [minutes(30), 0, 40, "replacement"],
      [minutes(45), 15, 55, ""],
    ]);
  });

  it("runs the same rules for a system caller (MQTT, CSV)", async () => {
    const id = await meter({ code: "ADR-C5", register: "cumulative" });
    const result = await db.transaction((tx) =>
      ingestReadings(tx as unknown as Db, { kind: "system", id: "mqtt" }, [{ meter: "ADR-C5", ts: at(15), value: 1, unit: "MWh" }], {
        source: "mqtt",
      }),
    );
    expect(result).toMatchObject({ accepted: 1, duplicates: 0, corrected: 0, rejected: [] });
    expect(result.touched).toEqual([{ meterId: id, from: utc(0), to: utc(15) }]);
    expect((await rowsOf(id))[0]).toMatchObject({ indexValue: 1000, source: "mqtt" });
  });
});
