import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { meters, sites } from "@/db/schema";
import { seedEnergyDemo } from "@/db/seed/energy";
import { seedDemoReadings } from "@/db/seed/energy/readings";
import type { UserActor } from "@/server/auth/actor";
import { batchTotals, listBatches } from "@/server/energy/data-quality/batches";
import { listCorrections } from "@/server/energy/data-quality/corrections";
import { dataQualityQuery, type DataQualityInput } from "@/server/energy/data-quality/filters";
import { flagCounts, listFlagged } from "@/server/energy/data-quality/flagged";
import { listGaps, type Gap } from "@/server/energy/data-quality/gaps";
import { qualityOverview } from "@/server/energy/data-quality/overview";
import { listRejections, type RejectedReading } from "@/server/energy/data-quality/rejections";
import { resolveScope, type Scope } from "@/server/energy/data-quality/scope";
import { ingestReadings } from "@/server/energy/readings/ingest";
import { freshDb, systemActor } from "../support/db";

let db: Db;
const reader: UserActor = {
  kind: "user",
  id: "00000000-0000-4000-8000-000000000001",
  role: "user",
  name: "Lectrice",
  email: "l@example.dz",
  locale: "fr",
  theme: "system",
};
const technician: UserActor = { ...reader, id: "00000000-0000-4000-8000-000000000002", role: "technician" };

const scopeOf = (input: DataQualityInput = {}) => resolveScope(db, reader, dataQualityQuery.parse(input));
const meterId = async (code: string) => (await db.select({ id: meters.id }).from(meters).where(eq(meters.code, code)))[0]!.id;

async function allPages<T>(fetch: (cursor: string | undefined) => Promise<{ data: T[]; next_cursor: string | null }>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    out.push(...page.data);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return out;
}

beforeAll(async () => {
  db = await freshDb();
  await db.transaction(async (tx) => {
    await seedEnergyDemo(tx, systemActor);
    await seedDemoReadings(tx, { days: 14 });
  });
}, 180_000);

describe("data quality: gaps", () => {
  it("finds each demo gap with its length, newest first, page by page", async () => {
    const scope = await scopeOf();
    const gaps = await allPages<Gap>((cursor) => listGaps(db, reader, scope, { cursor, limit: 2 }));
    const found = gaps.map((g) => [g.meter.code, g.missing, g.minutes]);
    expect(found).toEqual([
      ["DZ-BOU-SG03-C1", 5, 75],
      ["MA-OZT-PV01-C1", 12, 180],
      ["DZ-ADR-WP01-P1", 24, 360],
    ]);
    for (const g of gaps) expect(g.ongoing).toBe(false);
  });

  it("counts expected, received and missing intervals per meter", async () => {
    const { summary, meters: rows } = await qualityOverview(db, reader, await scopeOf());
    const wind = rows.find((r) => r.code === "DZ-ADR-WP01-P1")!;
    expect(wind.missing).toBe(24);
    expect(wind.gaps).toBe(1);
    expect(wind.longestGapMinutes).toBe(360);
    expect(wind.expected - wind.received).toBe(24);
    expect(summary.missing).toBe(41);
    expect(summary.gaps).toBe(3);
    expect(summary.completeness).toBeGreaterThan(0.99);
    expect(summary.completeness).toBeLessThan(1);
    const decommissioned = rows.find((r) => r.code === "DZ-ORN-TG01-P1")!;
    expect(decommissioned).toMatchObject({ expected: 0, missing: 0, active: false });
  });

  it("shows a meter that stopped reporting as an ongoing gap", async () => {
    const [site] = await db.select({ id: sites.id }).from(sites).where(eq(sites.code, "DZ-ALG-SS01"));
    const [meter] = await db
      .insert(meters)
      .values({ siteId: site!.id, code: "DZ-ALG-SS01-C9", name: "Départ 9", kind: "consumption", quantity: "energy", unit: "kWh" })
      .returning();
    const slot = 15 * 60_000;
    const end = Math.floor(Date.now() / slot) * slot;
    const sent = [-12, -11, -10, -6, -5].map((k) => ({
      meter: "DZ-ALG-SS01-C9",
      ts: new Date(end + k * slot).toISOString(),
      value: 40 + k,
      unit: "kWh",
    }));
    await db.transaction((tx) => ingestReadings(tx, systemActor, sent, { source: "api" }));
    const page = await listGaps(db, reader, await scopeOf({ meter: meter!.id }), { limit: 10 });
    // Expected up to the interval before the current one (the newest may still be in transit).
    const due = Math.floor((Date.now() - slot) / slot) * slot;
    expect(page.data.map((g) => [g.missing, g.ongoing])).toEqual([
      [(due - (end - 4 * slot)) / slot, true],
      [3, false],
    ]);
    expect(page.data[0]!.start.getTime()).toBe(end - 4 * slot);
    expect(page.data[1]!.start.getTime()).toBe(end - 9 * slot);
    expect(page.data[1]!.end.getTime()).toBe(end - 6 * slot);
  });
});

describe("data quality: rejections, corrections, flags, duplicates", () => {
  it("lists the refused items latest first with their code and detail, page by page", async () => {
    const scope = await scopeOf();
    const all = await allPages<RejectedReading>((cursor) => listRejections(db, reader, scope, { cursor, limit: 2 }));
    expect(all.map((r) => r.code)).toEqual(["negative_value", "inactive_meter", "unit_mismatch", "unknown_meter", "future_timestamp"]);
    expect(new Set(all.map((r) => r.id)).size).toBe(5);
    const unknown = all.find((r) => r.code === "unknown_meter")!;
    expect(unknown).toMatchObject({ meter: null, meterCode: "DZ-TLM-PV01-P1", batch: { source: "seed" } });
    expect(unknown.detail).toContain("DZ-TLM-PV01-P1");
    expect(unknown.sent.unit).toBe("kWh");
    const mismatch = await listRejections(db, reader, await scopeOf({ meter: await meterId("MA-CAS-SS01-C1") }), { limit: 10 });
    expect(mismatch.data.map((r) => r.code)).toEqual(["unit_mismatch"]);
  });

  it("lists the late correction with the value before and after", async () => {
    const page = await listCorrections(db, reader, await scopeOf(), { limit: 10 });
    expect(page.data).toHaveLength(1);
    const c = page.data[0]!;
    expect(c.meter.code).toBe("MA-CAS-SS01-C1");
    expect(c.before.quality).toBe("measured");
    expect(c.after).toMatchObject({ quality: "corrected", originalUnit: "MWh" });
    expect(c.after!.value / c.before.value).toBeCloseTo(1.08, 3);
    const elsewhere = await listCorrections(db, reader, await scopeOf({ meter: await meterId("DZ-ADR-PV01-P1") }), { limit: 10 });
    expect(elsewhere.data).toEqual([]);
  });

  it("lists the flagged counter readings and counts them by flag", async () => {
    const scope = await scopeOf();
    const flagged = await listFlagged(db, reader, scope, { limit: 10 });
    expect(flagged.data.map((f) => f.flags.join())).toEqual(["jitter", "reset"]);
    expect(flagged.data.every((f) => f.meter.code === "DZ-BJA-SG01-C1")).toBe(true);
    expect((await flagCounts(db, reader, scope)).reset).toBe(1);
  });

  it("counts duplicates from the ingest batches", async () => {
    const scope = await scopeOf();
    const totals = await batchTotals(db, reader, scope);
    expect(totals.duplicates).toBe(2);
    expect(totals.corrected).toBe(1);
    expect(totals.rejected).toBe(5);
    const batches = await listBatches(db, reader, scope, { limit: 10 });
    expect(batches.data.map((b) => [b.duplicates, b.corrected, b.rejected])).toEqual(
      expect.arrayContaining([
        [2, 0, 5],
        [0, 1, 0],
      ]),
    );
  });

  it("excludes what lies outside the period", async () => {
    const scope: Scope = await scopeOf({ from: "2020-01-01", to: "2020-01-31" });
    const { summary } = await qualityOverview(db, reader, scope);
    expect(summary).toMatchObject({ expected: 0, missing: 0, corrections: 0, rejections: 0 });
    expect((await listGaps(db, reader, scope, { limit: 5 })).data).toEqual([]);
  });
});

describe("data quality: access and filters", () => {
  it("needs measurements.read", async () => {
    await expect(resolveScope(db, technician, dataQualityQuery.parse({}))).rejects.toMatchObject({ code: "forbidden" });
    const scope = await scopeOf();
    await expect(listRejections(db, technician, scope, { limit: 5 })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses a period that ends before it starts or spans more than a year", () => {
    expect(dataQualityQuery.safeParse({ from: "2026-03-10", to: "2026-03-01" }).success).toBe(false);
    expect(dataQualityQuery.safeParse({ from: "2024-01-01", to: "2026-01-01" }).success).toBe(false);
    expect(dataQualityQuery.safeParse({ from: "2026-02-30" }).success).toBe(false);
  });
});
