import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { inTransaction, type Db } from "@/db/client";
import { auditLog, meters } from "@/db/schema";
import type { UserActor } from "@/server/auth/actor";
import { ingestReadings } from "@/server/energy/readings/ingest";
import { measurementsDownload } from "@/server/energy/readings/measurements-export";
import { resolveView, viewSeriesQuery } from "@/server/energy/readings/measurements-export-query";
import { querySeries } from "@/server/energy/readings/series";
import { freshDb, systemActor } from "../support/db";
import { makeSite, makeUser } from "../support/maintenance-fixtures";

let db: Db;
let admin: UserActor;
let technician: UserActor;
let paris: string;
let other: string;
let otherMeter: string;

/** Data records of a CSV body (BOM and header dropped; no quoted fields in these exports). */
async function csvRows(response: Response): Promise<string[][]> {
  const text = (await response.text()).replace(/^\uFEFF/, "");
  return text
    .split("\r\n")
    .filter(Boolean)
    .slice(1)
    .map((l) => l.split(","));
}

beforeAll(async () => {
  db = await freshDb();
  admin = await makeUser(db, "admin", "Amina Admin");
  technician = await makeUser(db, "technician", "Tarek Tech");
  paris = await makeSite(db, { timezone: "Europe/Paris" });
  other = await makeSite(db);
  await db.insert(meters).values({ siteId: paris, code: "PAR-M1", name: "Départ", kind: "consumption", quantity: "energy", unit: "kWh" });
  const [o] = await db
    .insert(meters)
    .values({ siteId: other, code: "ALG-M1", name: "Autre", kind: "consumption", quantity: "energy", unit: "kWh" })
    .returning();
  otherMeter = o!.id;
  // 29 March 2026 in Paris: 00:00 +01:00 (= 28 March 23:00Z) to 24:00 +02:00 (= 29 March 22:00Z), 23 hours.
  const items: Record<string, unknown>[] = [];
  for (let t = Date.parse("2026-03-28T23:00:00Z"); t < Date.parse("2026-03-29T22:00:00Z"); t += 15 * 60_000) {
    const estimated = t === Date.parse("2026-03-29T05:15:00Z");
    items.push({ meter: "PAR-M1", ts: new Date(t).toISOString(), value: 1, unit: "kWh", ...(estimated ? { quality: "estimated" } : {}) });
  }
  const result = await inTransaction((tx) => ingestReadings(tx, systemActor, items, { source: "api" }));
  expect(result.rejected).toEqual([]);
});

describe("measurements tab and its CSV export", () => {
  it("exports the hours of a daylight-saving day in the site's time with its offset: 23 rows, the same as the tab's series", async () => {
    const query = { site: paris, kind: "consumption" as const, from: "2026-03-29", to: "2026-03-29", granularity: "hour" as const };
    const response = await inTransaction((tx) => measurementsDownload(tx, admin, query, { locale: "en" }));
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = await csvRows(response);
    expect(rows).toHaveLength(23);
    expect(rows.map((r) => r[0]).slice(0, 3)).toEqual([
      "2026-03-29T00:00:00+01:00",
      "2026-03-29T01:00:00+01:00",
      "2026-03-29T03:00:00+02:00",
    ]);
    expect(rows[22]![0]).toBe("2026-03-29T23:00:00+02:00");
    expect(rows.every((r) => r[1]!.startsWith("T-") && r[2] === "PAR-M1" && r[3] === "4" && r[4] === "kWh")).toBe(true);
    // 05:15Z is 07:15 +02:00: the 07:00 bucket is estimated (1 of 4 readings).
    const seven = rows.find((r) => r[0] === "2026-03-29T07:00:00+02:00")!;
    expect(seven.slice(5, 8)).toEqual(["estimated", "4", "1"]);

    const view = resolveView({ from: "2026-03-29", to: "2026-03-29", granularity: "hour" }, "2026-04-01", "consumption");
    const series = await querySeries(db, admin, viewSeriesQuery(paris, view));
    expect(series.points.map((p) => [p.ts, String(p.value), p.quality])).toEqual(rows.map((r) => [r[0], r[3], r[5]]));
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityType, "readings"));
    expect(audit?.action).toBe("export.created");
  });

  it("refuses a meter of another site and a role without measurements.read", async () => {
    const base = { site: paris, kind: "consumption" as const, from: "2026-03-29", to: "2026-03-29", granularity: "day" as const };
    await expect(
      inTransaction((tx) => measurementsDownload(tx, admin, { ...base, meter: otherMeter }, { locale: "fr" })),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(inTransaction((tx) => measurementsDownload(tx, technician, base, { locale: "fr" }))).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("resolves the tab's URL: a granularity from the range, too fine a choice replaced, presets in the site's days", () => {
    expect(resolveView({}, "2026-04-10", "production")).toMatchObject({
      from: "2026-04-04",
      to: "2026-04-10",
      granularity: "hour",
      auto: true,
      kind: "production",
    });
    expect(resolveView({ preset: "today" }, "2026-04-10", "consumption")).toMatchObject({ from: "2026-04-10", granularity: "15min" });
    expect(resolveView({ preset: "last_month" }, "2026-03-10", "consumption")).toMatchObject({
      from: "2026-02-01",
      to: "2026-02-28",
      granularity: "hour",
    });
    expect(resolveView({ from: "2025-01-01", to: "2026-01-01", granularity: "15min" }, "2026-04-10", "consumption")).toMatchObject({
      granularity: "day",
      tooFine: true,
    });
    expect(resolveView({ from: "2026-05-01", to: "2026-04-01" }, "2026-04-10", "consumption")).toMatchObject({
      invalidRange: true,
      from: "2026-04-04",
    });
  });
});
