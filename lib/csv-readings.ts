/**
 * CSV files of readings (`meter,ts,value,unit[,quality]`, a header row, `;` or `,`), parsed
 * the same way by the browser (preview, chunking) and the server (the import action): pure
 * functions, no server-only import. Line numbers are the file's physical lines, the header
 * being line 1; a record whose quoted field spans lines carries the line it starts on.
 */

/** The largest file the import accepts. */
export const csvReadingsMaxBytes = 50 * 1024 * 1024;
/** Data records per upload chunk (one ingest call each). */
export const csvChunkRecords = 2000;
/** Characters per upload chunk at most (server actions take ~1 MB bodies). */
export const csvChunkChars = 300_000;

export type CsvSeparator = ";" | ",";
export const csvColumns = ["meter", "ts", "value", "unit", "quality"] as const;
export type CsvColumn = (typeof csvColumns)[number];
const requiredColumns: readonly CsvColumn[] = ["meter", "ts", "value", "unit"];

/** Header names accepted for each column (compared trimmed, lower-case, without accents). */
const aliases: Record<CsvColumn, readonly string[]> = {
  meter: ["meter", "compteur", "meter_code", "code"],
  ts: ["ts", "timestamp", "time", "horodatage", "date"],
  value: ["value", "valeur"],
  unit: ["unit", "unite"],
  quality: ["quality", "qualite"],
};

export type CsvRecord = { line: number; fields: string[]; start: number; end: number };
/** One item as ingest takes it: `value` a number when it reads as one, else the text (ingest rejects it). */
export type CsvReadingItem = { meter: string; ts: string; value: number | string; unit: string; quality?: string };
export type CsvRow = { line: number; item: CsvReadingItem };
export type CsvRowError = { line: number; code: string; detail: string };
export type CsvHeader = { separator: CsvSeparator; columns: Partial<Record<CsvColumn, number>>; width: number };

/** The text without a leading byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `;` when the first line holds more semicolons than commas outside quotes, else `,`. */
export function detectSeparator(firstLine: string): CsvSeparator {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const c of firstLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ";") semicolons++;
    else if (!quoted && c === ",") commas++;
  }
  return semicolons > commas ? ";" : ",";
}

/**
 * The records of `text` (RFC 4180: quoted fields, doubled quotes, CRLF, LF or CR), blank
 * lines skipped. `firstLine` is the file line `text` starts on. An unterminated quote ends
 * the text as a record with `unterminated: true`.
 */
export function* splitRecords(
  text: string,
  separator: CsvSeparator,
  firstLine = 1,
): Generator<CsvRecord & { unterminated?: boolean }, void, undefined> {
  let line = firstLine;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = i;
    const startLine = line;
    const fields: string[] = [];
    let field = "";
    let quoted = false;
    let done = false;
    while (i < n && !done) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else quoted = false;
        } else {
          if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
          field += c;
        }
        i++;
      } else if (c === '"' && field.trim() === "") {
        quoted = true;
        field = "";
        i++;
      } else if (c === separator) {
        fields.push(field);
        field = "";
        i++;
      } else if (c === "\r" || c === "\n") {
        i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
        line++;
        done = true;
      } else {
        field += c;
        i++;
      }
    }
    fields.push(field);
    const end = done ? i : n;
    if (quoted) {
      yield { line: startLine, fields, start, end, unterminated: true };
      return;
    }
    if (fields.length === 1 && fields[0]!.trim() === "") continue;
    yield { line: startLine, fields, start, end };
  }
}

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase();

/** The column positions named by a header record, or the required columns it lacks. */
export function readHeader(fields: string[], separator: CsvSeparator): CsvHeader | { missing: CsvColumn[] } {
  const columns: Partial<Record<CsvColumn, number>> = {};
  fields.forEach((name, index) => {
    const key = fold(name);
    const column = csvColumns.find((c) => aliases[c].includes(key));
    if (column && columns[column] === undefined) columns[column] = index;
  });
  const missing = requiredColumns.filter((c) => columns[c] === undefined);
  return missing.length > 0 ? { missing } : { separator, columns, width: fields.length };
}

const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number when the text reads as one (`12.5`, and `12,5` in a `;` file), else the text itself. */
export function readValue(text: string, separator: CsvSeparator): number | string {
  const trimmed = text.trim();
  const normalised = separator === ";" && /^[+-]?\d+,\d+$/.test(trimmed) ? trimmed.replace(",", ".") : trimmed;
  return numberPattern.test(normalised) ? Number(normalised) : trimmed;
}

/** The reading of one data record, or why it cannot become one. */
export function toRow(record: CsvRecord & { unterminated?: boolean }, header: CsvHeader): CsvRow | CsvRowError {
  if (record.unterminated) return { line: record.line, code: "unterminated_quote", detail: "A quoted field is never closed." };
  if (record.fields.length !== header.width) {
    return {
      line: record.line,
      code: "column_count",
      detail: `Expected ${header.width} fields, found ${record.fields.length}.`,
    };
  }
  const get = (c: CsvColumn) => {
    const index = header.columns[c];
    return index === undefined ? "" : record.fields[index]!.trim();
  };
  const item: CsvReadingItem = { meter: get("meter"), ts: get("ts"), value: readValue(get("value"), header.separator), unit: get("unit") };
  const quality = get("quality");
  if (quality) item.quality = quality;
  return { line: record.line, item };
}

export const isRowError = (row: CsvRow | CsvRowError): row is CsvRowError => "code" in row;
