import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { inTransaction, rowsOf, type Db } from "@/db/client";
import { auditLog, ingestBatches, meters, readingHistory, readings } from "@/db/schema";
import { stripBom } from "@/lib/csv-readings";
import { chunkFile, readLayout, type CsvLayout } from "@/server/energy/readings/csv-import/csv-chunks";
import type { UserActor } from "@/server/auth/actor";
import { importCsvChunk, type ChunkReport } from "@/server/energy/readings/csv-import/import-chunk";
import { freshDb } from "../support/db";
import { makeSite, makeUser } from "../support/maintenance-fixtures";

let db: Db;
let admin: UserActor;
let reader: UserActor;
let meterId: string;

/** What the import page does: chunk the file in the browser, one action (transaction) per chunk, totals added up. */
async function importFile(text: string, fileName: string, actor: UserActor, maxRecords = 2000) {
  const clean = stripBom(text);
  const layout = readLayout(clean) as CsvLayout;
  const total: ChunkReport = { records: 0, accepted: 0, duplicates: 0, corrected: 0, rejected: [] };
  for (const chunk of chunkFile(clean, layout, maxRecords)) {
    const r = await inTransaction((tx) =>
      importCsvChunk(tx, actor, { fileName, header: layout.headerText, text: chunk.text, firstLine: chunk.firstLine }),
    );
    total.records += r.records;
    total.accepted += r.accepted;
    total.duplicates += r.duplicates;
    total.corrected += r.corrected;
    total.rejected.push(...r.rejected);
  }
  return total;
}

beforeAll(async () => {
  db = await freshDb();
  admin = await makeUser(db, "admin", "Amina Admin");
  reader = await makeUser(db, "user", "Ugo User");
  const siteId = await makeSite(db);
  const [m] = await db
    .insert(meters)
    .values({ siteId, code: "IMP-M1", name: "Compteur import", kind: "consumption", quantity: "energy", unit: "kWh", intervalMinutes: 15 })
    .returning();
  meterId = m!.id;
});

describe("CSV import of readings (server side)", () => {
  it("imports good lines and reports duplicates, corrections and bad lines by their line number in the file", async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const file = [
      "\uFEFFmeter;ts;value;unit;quality", // 1
      "IMP-M1;2026-01-10T00:00:00+01:00;1,5;kWh;", // 2 accepted
      "IMP-M1;2026-01-10T00:15:00+01:00;2000;Wh;estimated", // 3 accepted (2 kWh)
      "IMP-M1;2026-01-10T00:30:00+01:00;abc;kWh;", // 4 invalid_value
      "", // 5 blank: skipped
      "IMP-M1;2026-01-10T00:45:00+01:00;3;kWh", // 6 column_count
      "IMP-M1;2026-01-10T00:00:00+01:00;1.5;kWh;", // 7 duplicate of line 2 (next chunk)
      "IMP-M1;2026-01-10T00:15:00+01:00;2,5;kWh;", // 8 correction of line 3
      "NOPE-9;2026-01-10T01:00:00+01:00;1;kWh;", // 9 unknown_meter
      `IMP-M1;${future};1;kWh;`, // 10 future_timestamp
      "IMP-M1;2026-01-10T01:00:00;1;kWh;", // 11 invalid_timestamp (no offset)
      "IMP-M1;2026-01-10T01:15:00+01:00;4;kW;", // 12 unit_mismatch or unknown_unit for an energy meter
    ].join("\r\n");
    const report = await importFile(file, "janvier.csv", admin, 4);
    expect(report.records).toBe(10);
    expect(report.accepted).toBe(2);
    expect(report.duplicates).toBe(1);
    expect(report.corrected).toBe(1);
    expect(report.rejected.map((r) => [r.line, r.code])).toEqual([
      [4, "invalid_value"],
      [6, "column_count"],
      [9, "unknown_meter"],
      [10, "future_timestamp"],
      [11, "invalid_timestamp"],
      [12, expect.stringMatching(/^(unit_mismatch|unknown_unit)$/)],
    ]);
    for (const r of report.rejected) expect(r.detail.length).toBeGreaterThan(0);

    const stored = await db.select().from(readings).where(eq(readings.meterId, meterId)).orderBy(readings.ts);
    expect(stored.map((r) => [r.ts.toISOString(), r.value, r.quality, r.source])).toEqual([
      ["2026-01-09T23:00:00.000Z", 1.5, "measured", "csv"],
      ["2026-01-09T23:15:00.000Z", 2.5, "corrected", "csv"],
    ]);
    const history = await db.select().from(readingHistory).where(eq(readingHistory.meterId, meterId));
    expect(history.map((h) => h.value)).toEqual([2]);
  });

  it("records each chunk as a csv batch with the file name, audited with its lines and counts", async () => {
    const batches = await db.select().from(ingestBatches).where(eq(ingestBatches.fileName, "janvier.csv"));
    expect(batches.map((b) => b.source)).toEqual(["csv", "csv", "csv"]);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "readings.imported"), eq(auditLog.actorId, admin.id)));
    expect(audits).toHaveLength(3);
    const lines = audits.map((a) => (a.changes as { lines: { new: string } }).lines.new).sort();
    expect(lines).toEqual(["11-12", "2-6", "7-10"]);
  });

  it("reads a comma-separated file with quoted fields and no BOM the same way", async () => {
    const file = 'meter,ts,value,unit\n"IMP-M1","2026-01-11T00:00:00Z","7.25","kWh"\nIMP-M1,2026-01-11T00:15:00Z,"1,5",kWh\n';
    const report = await importFile(file, "quoted.csv", admin);
    expect(report.accepted).toBe(1);
    expect(report.rejected).toEqual([{ line: 3, code: "invalid_value", detail: expect.any(String) }]);
    const [row] = rowsOf<{ value: number }>(
      await db.execute(sql`select value from readings where meter_id = ${meterId} and ts = '2026-01-11T00:00:00Z'`),
    );
    expect(Number(row!.value)).toBe(7.25);
  });

  it("refuses a reader without measurements.write, a chunk over 2,000 lines and a header without the columns", async () => {
    const header = "meter,ts,value,unit";
    await expect(
      inTransaction((tx) =>
        importCsvChunk(tx, reader, { fileName: "x.csv", header, text: "IMP-M1,2026-01-12T00:00:00Z,1,kWh", firstLine: 2 }),
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
    const big = Array.from({ length: 2001 }, (_, i) => `IMP-M1,2026-02-01T00:00:00Z,${i},kWh`).join("\n");
    await expect(
      inTransaction((tx) => importCsvChunk(tx, admin, { fileName: "x.csv", header, text: big, firstLine: 2 })),
    ).rejects.toMatchObject({ messageKey: "csvChunkTooLarge" });
    await expect(
      inTransaction((tx) => importCsvChunk(tx, admin, { fileName: "x.csv", header: "meter,ts", text: "IMP-M1,x", firstLine: 2 })),
    ).rejects.toMatchObject({ messageKey: "csvHeaderInvalid" });
  });
});
