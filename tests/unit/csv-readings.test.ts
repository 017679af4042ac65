import { describe, expect, it } from "vitest";
import { detectSeparator, isRowError, readValue, splitRecords, stripBom } from "@/lib/csv-readings";
import { chunkFile, parseChunk, previewRows, readLayout, type CsvLayout } from "@/server/energy/readings/csv-import/csv-chunks";

function layoutOf(text: string): CsvLayout {
  const layout = readLayout(stripBom(text));
  if ("error" in layout) throw new Error(layout.error);
  return layout;
}

describe("CSV readings: separator, BOM, header", () => {
  it("detects ; or , from the header line, ignoring quoted separators", () => {
    expect(detectSeparator("meter;ts;value;unit")).toBe(";");
    expect(detectSeparator("meter,ts,value,unit")).toBe(",");
    expect(detectSeparator('"a;b;c",ts,value,unit')).toBe(",");
  });

  it("strips a UTF-8 byte-order mark so the first column is still found", () => {
    const layout = layoutOf("\uFEFFmeter;ts;value;unit\nM-1;2026-03-01T00:00:00+01:00;12,5;kWh\n");
    expect(layout.header.separator).toBe(";");
    expect(layout.header.columns).toMatchObject({ meter: 0, ts: 1, value: 2, unit: 3 });
    expect(stripBom("abc")).toBe("abc");
  });

  it("maps columns by name in any order and case, with the optional quality", () => {
    const layout = layoutOf("Unit,Value,TS,Quality,Meter\r\nkWh,3,2026-03-01T00:00:00Z,estimated,M-9\r\n");
    expect(layout.header.columns).toEqual({ unit: 0, value: 1, ts: 2, quality: 3, meter: 4 });
    const [row] = previewRows("Unit,Value,TS,Quality,Meter\r\nkWh,3,2026-03-01T00:00:00Z,estimated,M-9\r\n", layout);
    expect(row).toEqual({ line: 2, item: { meter: "M-9", ts: "2026-03-01T00:00:00Z", value: 3, unit: "kWh", quality: "estimated" } });
  });

  it("reports the required columns a header lacks, and an empty file", () => {
    expect(readLayout("meter,ts,unit\n")).toEqual({ error: "missing_columns", missing: ["value"] });
    expect(readLayout("\n\n")).toEqual({ error: "empty" });
  });
});

describe("CSV readings: records and line numbers", () => {
  it("reads quoted fields with separators, doubled quotes and line breaks", () => {
    const text = 'a,"b,c","say ""hi"""\n"multi\nline",x,y\nlast,1,2';
    const records = [...splitRecords(text, ",")];
    expect(records.map((r) => r.fields)).toEqual([
      ["a", "b,c", 'say "hi"'],
      ["multi\nline", "x", "y"],
      ["last", "1", "2"],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it("numbers data lines from the header (line 1), skipping blank lines but counting them", () => {
    const text = "meter,ts,value,unit\nA,2026-01-01T00:00:00Z,1,kWh\n\nB,2026-01-01T00:15:00Z,2,kWh\r\nC,2026-01-01T00:30:00Z,3,kWh";
    const rows = previewRows(text, layoutOf(text));
    expect(rows.map((r) => r.line)).toEqual([2, 4, 5]);
  });

  it("flags bad rows with their line: wrong field count, unterminated quote", () => {
    const text = 'meter,ts,value,unit\nA,2026-01-01T00:00:00Z,1,kWh\nB,2026-01-01T00:15:00Z,2\nC,"2026-01-01,3,kWh\n';
    const rows = previewRows(text, layoutOf(text));
    expect(rows[0]).toMatchObject({ line: 2 });
    expect(rows[1]).toMatchObject({ line: 3, code: "column_count" });
    expect(rows[2]).toMatchObject({ line: 4, code: "unterminated_quote" });
    expect(rows.filter(isRowError)).toHaveLength(2);
  });

  it("reads values: numbers, decimal comma in ; files, anything else left as text for ingest to reject", () => {
    expect(readValue("12.5", ",")).toBe(12.5);
    expect(readValue(" -3e2 ", ",")).toBe(-300);
    expect(readValue("12,5", ";")).toBe(12.5);
    expect(readValue("12,5", ",")).toBe("12,5");
    expect(readValue("abc", ";")).toBe("abc");
    expect(readValue("", ";")).toBe("");
  });
});

describe("CSV readings: chunks", () => {
  it("cuts the data into chunks whose re-parse gives the same rows and the file's line numbers", () => {
    const lines = ["meter;ts;value;unit;quality"];
    for (let i = 0; i < 25; i++) lines.push(`M-${i};2026-01-01T00:${String(i).padStart(2, "0")}:00+01:00;${i},5;kWh;`);
    lines.splice(12, 0, '"M-note";"2026-01-02T00:00:00+01:00";"7";"kWh";"estimated"');
    const text = `${lines.join("\r\n")}\r\n`;
    const layout = layoutOf(text);
    const chunks = chunkFile(text, layout, 10);
    expect(chunks.map((c) => c.records)).toEqual([10, 10, 6]);
    expect(chunks.map((c) => c.firstLine)).toEqual([2, 12, 22]);
    const parsed = chunks.map((c) => parseChunk(layout.headerText, c.text, c.firstLine)!);
    const rows = parsed.flatMap((p) => p.rows);
    expect(parsed.flatMap((p) => p.errors)).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual(Array.from({ length: 26 }, (_, i) => i + 2));
    expect(rows.find((r) => r.line === 13)!.item).toEqual({
      meter: "M-note",
      ts: "2026-01-02T00:00:00+01:00",
      value: 7,
      unit: "kWh",
      quality: "estimated",
    });
    expect(rows.find((r) => r.line === 2)!.item).toEqual({ meter: "M-0", ts: "2026-01-01T00:00:00+01:00", value: 0.5, unit: "kWh" });
  });

  it("keeps a quoted line break inside one chunk and numbers the following record after it", () => {
    const text = 'meter,ts,value,unit\n"M\n1",2026-01-01T00:00:00Z,1,kWh\nM2,2026-01-01T00:15:00Z,2,kWh\n';
    const layout = layoutOf(text);
    const chunks = chunkFile(text, layout, 1);
    expect(chunks.map((c) => c.firstLine)).toEqual([2, 4]);
    expect(parseChunk(layout.headerText, chunks[1]!.text, chunks[1]!.firstLine)!.rows[0]!.line).toBe(4);
  });

  it("also splits on size, and refuses a header without the required columns", () => {
    const text = `meter,ts,value,unit\n${Array.from({ length: 6 }, (_, i) => `M,2026-01-01T00:0${i}:00Z,${i},kWh`).join("\n")}`;
    expect(chunkFile(text, layoutOf(text), 100, 60).length).toBeGreaterThan(1);
    expect(parseChunk("meter,ts", "M,x", 2)).toBeNull();
  });
});
