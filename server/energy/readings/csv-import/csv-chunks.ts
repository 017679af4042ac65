/**
 * Whole-file helpers of the readings CSV import, shared by the browser (preview, cutting
 * the upload into chunks) and the server (re-parsing a chunk): pure functions, no
 * server-only import. Records, header and rows: lib/csv-readings.ts.
 */
import {
  csvChunkChars,
  csvChunkRecords,
  detectSeparator,
  isRowError,
  readHeader,
  splitRecords,
  toRow,
  type CsvColumn,
  type CsvHeader,
  type CsvRow,
  type CsvRowError,
} from "@/lib/csv-readings";

/** The header line (first record) of a file and where the data starts. */
export type CsvLayout = { header: CsvHeader; headerText: string; dataStart: number; dataLine: number };

/** Reads the header of a whole file's text (BOM already stripped): its layout, or a file-level error. */
export function readLayout(text: string): CsvLayout | { error: "empty" | "missing_columns"; missing?: CsvColumn[] } {
  const newline = text.search(/\r|\n/);
  const separator = detectSeparator(newline < 0 ? text : text.slice(0, newline));
  const first = splitRecords(text, separator).next();
  if (first.done) return { error: "empty" };
  const header = readHeader(first.value.fields, separator);
  if ("missing" in header) return { error: "missing_columns", missing: header.missing };
  const headerText = text.slice(first.value.start, first.value.end).replace(/[\r\n]+$/, "");
  const skipped = text.slice(0, first.value.end).match(/\r\n|\r|\n/g)?.length ?? 0;
  return { header, headerText, dataStart: first.value.end, dataLine: 1 + skipped };
}

/** Parses a chunk of data lines starting at file line `firstLine`, with the file's header line. */
export function parseChunk(headerText: string, text: string, firstLine: number): { rows: CsvRow[]; errors: CsvRowError[] } | null {
  const layout = readLayout(headerText);
  if ("error" in layout) return null;
  const rows: CsvRow[] = [];
  const errors: CsvRowError[] = [];
  for (const record of splitRecords(text, layout.header.separator, firstLine)) {
    const row = toRow(record, layout.header);
    if (isRowError(row)) errors.push(row);
    else rows.push(row);
  }
  return { rows, errors };
}

/** One upload chunk: the raw text of at most `csvChunkRecords` records and the line it starts on. */
export type CsvChunk = { firstLine: number; text: string; records: number };

/** Cuts the data part of a file into chunks on record boundaries (quoted line breaks stay whole). */
export function chunkFile(text: string, layout: CsvLayout, maxRecords = csvChunkRecords, maxChars = csvChunkChars): CsvChunk[] {
  const chunks: CsvChunk[] = [];
  const data = text.slice(layout.dataStart);
  let current: { start: number; end: number; line: number; records: number } | null = null;
  for (const record of splitRecords(data, layout.header.separator, layout.dataLine)) {
    if (current && (current.records >= maxRecords || record.end - current.start > maxChars)) {
      chunks.push({ firstLine: current.line, text: data.slice(current.start, current.end), records: current.records });
      current = null;
    }
    current ??= { start: record.start, end: record.end, line: record.line, records: 0 };
    current.end = record.end;
    current.records++;
  }
  if (current) chunks.push({ firstLine: current.line, text: data.slice(current.start, current.end), records: current.records });
  return chunks;
}

/** The first `limit` data rows of a file (preview), each parsed or with its error. */
export function previewRows(text: string, layout: CsvLayout, limit = 20): (CsvRow | CsvRowError)[] {
  const out: (CsvRow | CsvRowError)[] = [];
  for (const record of splitRecords(text.slice(layout.dataStart), layout.header.separator, layout.dataLine)) {
    out.push(toRow(record, layout.header));
    if (out.length >= limit) break;
  }
  return out;
}
