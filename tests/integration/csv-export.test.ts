import { stringify } from "csv-stringify/sync";
import { and, eq, sql } from "drizzle-orm";
import v8 from "node:v8";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import fr from "@/messages/fr.json";
import type { UserActor } from "@/server/auth/actor";
import { auditCsvColumns } from "@/server/platform/audit-export-columns";
import { auditExportSource, type AuditExportRow } from "@/server/platform/audit-query";
import { auditExport } from "@/server/platform/exports/audit-export";
import { copyCsvChunks, CrlfRecords } from "@/server/platform/exports/copy-csv";
import { cellText, csvResponse, type CsvColumn } from "@/server/platform/exports/csv";
import { pdfResponse } from "@/server/platform/exports/pdf-response";
import { streamRows, type KeysetSource } from "@/server/platform/exports/row-source";
import { freshDb } from "../support/db";

let db: Db;
const admin: UserActor = {
  kind: "user",
  id: "00000000-0000-4000-8000-0000000000aa",
  role: "admin",
  name: "Amina",
  email: "amina@example.dz",
  locale: "fr",
  theme: "system",
};

/** RFC 4180 reader (quoted fields, doubled quotes, CRLF), to check what a spreadsheet would read. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) field += c;
    else if (c === ",") endField();
    else if (c === "\r" && text[i + 1] === "\n") {
      endRecord();
      i++;
    } else field += c;
  }
  if (field || record.length) endRecord();
  return records;
}

async function* rowsOf<T>(rows: T[]) {
  for (const row of rows) yield row;
}

type Sample = { label: string; amount: number | string; at: Date | null; extra?: unknown };
const sampleColumns: CsvColumn<Sample>[] = [
  { key: "label", header: "Libellé" },
  { key: "amount", header: "Montant" },
  { key: "at", header: "Date" },
  { key: "extra", header: "Détail" },
];

async function download(rows: Sample[], filename = "essai.csv") {
  const response = csvResponse({ filename, columns: sampleColumns, rows: rowsOf(rows) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

beforeAll(async () => {
  db = await freshDb();
});

describe("CSV export", () => {
  it("quotes commas, quotes and line breaks (RFC 4180, CRLF) so every cell round-trips", async () => {
    const tricky = ["a,b", 'il a dit "azul"', "ligne 1\nligne 2", "fin\r\nde ligne", " espaces "];
    const { text } = await download(tricky.map((label) => ({ label, amount: 1, at: null })));
    expect(text).toContain('"a,b"');
    expect(text).toContain('"il a dit ""azul"""');
    expect(text.endsWith("\r\n")).toBe(true);
    expect(parseCsv(text.slice(1)).map((r) => r[0])).toEqual(["Libellé", ...tricky]);
  });

  it("writes UTF-8 with a BOM: Kabyle, Arabic and Tifinagh cells come back intact", async () => {
    const labels = ["Taqbaylit : ɛ ɣ ḍ ṣ ẓ ṭ č ǧ", "سجل التدقيق", "ⵜⴰⵎⴰⵣⵉⵖⵜ ⴰⵣⵓⵍ", "Béjaïa — Tizi Ouzou"];
    const { bytes, text } = await download(labels.map((label) => ({ label, amount: 0, at: null })));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.startsWith("\uFEFFLibellé,Montant,Date,Détail\r\n")).toBe(true);
    expect(
      parseCsv(text.slice(1))
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(labels);
  });

  it("writes dates in ISO 8601 UTC, numbers raw, objects as JSON", async () => {
    const { text } = await download([{ label: "x", amount: 1234567.25, at: new Date("2026-03-01T22:30:00+01:00"), extra: { a: 1 } }]);
    expect(parseCsv(text.slice(1))[1]).toEqual(["x", "1234567.25", "2026-03-01T21:30:00.000Z", '{"a":1}']);
  });

  it("neutralises spreadsheet formulas in text cells, never in numbers", async () => {
    const evil = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "a=b"];
    const { text } = await download([...evil.map((label) => ({ label, amount: "-5", at: null })), { label: "n", amount: -5, at: null }]);
    const cells = parseCsv(text.slice(1)).slice(1);
    expect(cells.map((r) => r[0])).toEqual(['\'=HYPERLINK("http://x")', "'+1+1", "'-2+3", "'@SUM(A1)", "'\tcmd", "'\rcmd", "a=b", "n"]);
    expect(cells[0]?.[1]).toBe("'-5");
    expect(cells.at(-1)?.[1]).toBe("-5");
  });

  it("writes the same bytes as csv-stringify (RFC 4180, CRLF) for the same cells", async () => {
    const corpus: Sample[] = [
      { label: 'a "b", c', amount: 0.1, at: new Date(0), extra: { k: 'v "q"' } },
      { label: "", amount: -0, at: null, extra: null },
      { label: "\r\n", amount: 1e21, at: null, extra: [1, "x,y"] },
      { label: "=1+1", amount: "+33 6", at: null, extra: "@x" },
      { label: "ⵣ, ɣ\nع", amount: Number.NaN, at: null, extra: true },
    ];
    const { text } = await download(corpus);
    const cells = corpus.map((row) => sampleColumns.map((c) => cellText(row[c.key] as never)));
    const expected = stringify([sampleColumns.map((c) => c.header), ...cells], { record_delimiter: "\r\n", eof: true });
    expect(text.slice(1)).toBe(expected);
  });

  it("answers a download: text/csv UTF-8, attachment with the UTF-8 file name, not cached", async () => {
    const { response } = await download([], "journal-d’audit-ⵣ.csv");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="journal-daudit-.csv"; filename*=UTF-8''journal-d%E2%80%99audit-%E2%B5%A3.csv`,
    );
  });

  it("titles the audit columns in the reader's language", async () => {
    const audit = (fr as unknown as { audit: { columns: Record<string, string> } }).audit;
    const t = (key: string) => key.split(".").reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], audit) as string;
    const response = csvResponse({ filename: "a.csv", columns: auditCsvColumns(t), rows: rowsOf<AuditExportRow>([]) });
    const header = parseCsv((await response.text()).replace(/^\uFEFF/, ""))[0];
    expect(header?.slice(0, 5)).toEqual(["Date et heure", "Type d’acteur", "Identifiant de l’acteur", "Acteur", "Action"]);
  });

  it("streams 50,000 audit rows in bounded memory, after the route's transaction, and audits the export", async () => {
    await db.execute(sql`
      insert into audit_log (at, actor_type, actor_id, actor_label, action, entity_type, entity_id, changes, ip, user_agent, request_id)
      select now() - (g / 3) * interval '1 second', 'user', 'u-' || (g % 50), 'agent' || (g % 50) || '@example.dz', 'bulk.row',
             'site', 's-' || g, jsonb_build_object('power', jsonb_build_object('old', g, 'new', g + 1)), '198.51.100.' || (g % 250),
             'Mozilla/5.0 (bench)', 'req-' || g
      from generate_series(1, 50000) as g`);
    // As the export route does: audit and build the response inside the transaction, read it after.
    const response = await db.transaction(async (tx) => {
      await auditExport(tx, admin, { kind: "csv", entity: "audit_log", filters: { action: "bulk.row", actor: undefined } });
      return csvResponse({
        filename: "audit.csv",
        columns: auditCsvColumns((key) => key),
        rows: streamRows(auditExportSource(admin, { action: "bulk.row" })),
      });
    });
    // Live heap (after a full GC) sampled while reading: what the export holds, not garbage.
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    let lines = 0;
    let bytes = 0;
    let chunks = 0;
    let previous = "";
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      previous = decoder.decode(value, { stream: true });
      lines += previous.split("\r\n").length - 1;
      if (++chunks % 4 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
    }
    expect(lines).toBe(50_001);
    expect(bytes).toBeGreaterThan(5_000_000);
    expect(previous.endsWith("\r\n")).toBe(true);
    // Holding the export (18 MB of CSV, ~60 MB of rows) would exceed this; streaming holds ~2 MB.
    expect((peak - baseline) / 1024 / 1024).toBeLessThan(16);

    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "export.created"), eq(auditLog.actorId, admin.id)));
    expect(audit).toMatchObject({
      entityType: "audit_log",
      changes: { format: { old: null, new: "csv" }, filters: { old: null, new: { action: "bulk.row" } } },
    });
  });

  it("ends COPY's records with CRLF wherever the stream cuts them, leaving line breaks inside quoted fields alone", () => {
    const lf = 'a,"x\ny",b\n"say ""hi""\n",2\n,,\n"",\n';
    const crlf = 'a,"x\ny",b\r\n"say ""hi""\n",2\r\n,,\r\n"",\r\n';
    const bytes = Buffer.from(lf);
    for (let cut = 0; cut <= bytes.length; cut++) {
      for (let cut2 = cut; cut2 <= bytes.length; cut2 += 3) {
        const records = new CrlfRecords();
        const out = [bytes.subarray(0, cut), bytes.subarray(cut, cut2), bytes.subarray(cut2)].map((part) => records.convert(part));
        expect(Buffer.concat(out).toString(), `cut at ${cut}/${cut2}`).toBe(crlf);
      }
    }
  });

  it("writes the same records through PostgreSQL's COPY as through the Node writer (COPY on PostgreSQL only)", async () => {
    const tricky = ["=SUM(A1:A9)", '"quoted", with comma', "two\nlines\r\nand CRLF", "أمينة بن علي ⵜⴰⵎⴰⵣⵉⵖⵜ", "-12", "@home", "+33", ""];
    for (const [i, label] of tricky.entries()) {
      await db.execute(sql`
        insert into audit_log (actor_type, actor_id, actor_label, action, entity_type, entity_id, changes, ip, user_agent)
        values ('user', ${`tricky-${i}`}, ${label}, 'copy.check', 'site', ${label}, ${JSON.stringify({ note: { old: label, new: null } })}::jsonb,
                ${i % 2 ? null : "203.0.113.9"}, ${label})`);
    }
    const source = auditExportSource(admin, { action: "copy.check" });
    const columns = auditCsvColumns((key) => key);
    const viaCopy = await csvResponse({ filename: "a.csv", columns, rows: streamRows(source), copy: source.copy }).text();
    const viaNode = await csvResponse({ filename: "a.csv", columns, rows: streamRows(source) }).text();
    const copied = parseCsv(viaCopy.replace(/^\uFEFF/, ""));
    expect(copied).toHaveLength(tricky.length + 1);
    expect(copied).toEqual(parseCsv(viaNode.replace(/^\uFEFF/, "")));
    expect(copied.map((r) => r[3]).slice(1)).toEqual(
      expect.arrayContaining(["'=SUM(A1:A9)", "'-12", "'@home", "'+33", "two\nlines\r\nand CRLF"]),
    );
    expect(viaCopy.endsWith("\r\n")).toBe(true);
    // On PostgreSQL the first response really came from COPY: PGlite has no server-side COPY TO STDOUT.
    expect(copyCsvChunks(db, source.copy, ["id"]) !== null).toBe(Boolean(process.env.TEST_DATABASE_URL));
  });

  it("renders at most maxRows rows into a PDF download, reading one row more to know it was cut", async () => {
    let read = 0;
    async function* counted() {
      for (let i = 0; i < 50; i++) {
        read++;
        yield { label: `Poste ${i}`, amount: i, at: new Date(Date.UTC(2026, 0, 1, 0, i)) } as Sample;
      }
    }
    const response = pdfResponse<Sample>({
      filename: "rapport.pdf",
      title: "Journal d’audit",
      subtitle: "Action : Export créé",
      truncatedNote: "Limité aux 10 entrées les plus récentes",
      locale: "fr",
      columns: [
        { key: "label", header: "Libellé" },
        { key: "amount", header: "Montant", align: "end" },
      ],
      rows: counted(),
      maxRows: 10,
    });
    expect(read).toBe(0);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain("filename*=UTF-8''rapport.pdf");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    expect(read).toBe(11);
  });

  it("leaves every pooled connection usable after a COPY export read slowly to the end, or left midway", async () => {
    const source = auditExportSource(admin, { action: "bulk.row" });
    const columns = auditCsvColumns((k) => k);
    const slow = csvResponse({ filename: "a.csv", columns, rows: streamRows(source), copy: source.copy }).body!.getReader();
    let lines = 0;
    for (let chunk = await slow.read(); !chunk.done; chunk = await slow.read()) {
      for (const byte of chunk.value) if (byte === 0x0a) lines++;
      await new Promise((r) => setTimeout(r, 1)); // a slow client: the driver's stream fills up and pauses
    }
    expect(lines).toBe(50_001);
    const left = csvResponse({ filename: "a.csv", columns, rows: streamRows(source), copy: source.copy }).body!.getReader();
    await left.read();
    await left.read();
    await left.cancel();
    // Enough concurrent queries to need every connection of the pool, each answered.
    const answered = Promise.all(Array.from({ length: 24 }, () => db.execute(sql`select pg_sleep(0.02)`)));
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("a connection hangs after the export")), 10_000));
    await expect(Promise.race([answered, timeout])).resolves.toBeDefined();
  });

  it("stops querying when the client goes away", async () => {
    let batches = 0;
    const inner = auditExportSource(admin, { action: "bulk.row" });
    const counted: KeysetSource<AuditExportRow> = { batch: (d, after, limit) => (batches++, inner.batch(d, after, limit)) };
    const response = csvResponse({ filename: "a.csv", columns: auditCsvColumns((k) => k), rows: streamRows(counted, { batchSize: 500 }) });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    const afterCancel = batches;
    await new Promise((r) => setTimeout(r, 200));
    expect(batches).toBe(afterCancel);
    expect(batches).toBeLessThanOrEqual(3);
  });
});
