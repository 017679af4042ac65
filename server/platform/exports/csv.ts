import "server-only";
import { getDb } from "@/db/client";
import { downloadHeaders } from "./attachment";
import { copyCsvChunks, type CopySource } from "./copy-csv";
import type { RowStream } from "./row-source";

/** What a column's `format` may return; every value is turned into text by `cellText`. */
export type CsvCell = string | number | bigint | boolean | Date | null | undefined | object;

/** One column: the row key, the header already translated, an optional formatter. */
export type CsvColumn<Row> = {
  [K in keyof Row & string]: { key: K; header: string; format?: (value: Row[K], row: Row) => CsvCell };
}[keyof Row & string];

export type CsvOptions<Row> = {
  filename: string;
  columns: CsvColumn<Row>[];
  /** `streamRows(…)` (written one keyset batch per chunk), or any async iterable of rows. */
  rows: AsyncIterable<Row> | RowStream<Row>;
  /** Rows per chunk when `rows` has no batches of its own. */
  chunkRows?: number;
  /**
   * The same rows as one ordered query, for PostgreSQL to format itself (`COPY … TO STDOUT`):
   * used on PostgreSQL when no column has a `format`; PGlite streams `rows`.
   */
  copy?: CopySource;
  /** Called when producing the body fails after the response started (the download is cut short). */
  onError?: (error: unknown) => void;
};

const bom = "\uFEFF";
const encoder = new TextEncoder();

/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a text cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return could be run as a formula by Excel,
 * LibreOffice or Google Sheets. Such cells get a leading apostrophe, which spreadsheets
 * show as text and do not evaluate. Numbers, booleans and dates are never changed, so
 * `-12` stays a number; a text column holding `-12` reads `'-12`.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The text of one cell: empty for null, ISO 8601 in UTC (`…Z`) for dates, numbers raw
 * (no locale separators, `.` decimal), JSON for objects; text is neutralised (see above).
 */
export function cellText(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return neutraliseFormula(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  return neutraliseFormula(JSON.stringify(value));
}

const needsQuotes = /[",\r\n]/;

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break; quotes doubled. */
function quote(text: string): string {
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * CRLF-terminated records for a batch of rows: each cell neutralised, then quoted. Builds
 * one flat string per record and one per batch (cheaper than concatenating cell by cell).
 */
function records<Row>(columns: CsvColumn<Row>[], rows: readonly Row[]): string {
  const lines = new Array<string>(rows.length);
  const cells = new Array<string>(columns.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      const value = row[column.key];
      cells[i] = quote(cellText(column.format ? (column.format as (v: typeof value, r: Row) => CsvCell)(value, row) : (value as CsvCell)));
    }
    lines[r] = cells.join(",");
  }
  return lines.length > 0 ? `${lines.join("\r\n")}\r\n` : "";
}

/** Batches of rows: the source's own keyset batches when it has them, else groups of `size`. */
async function* batchesOf<Row>(rows: AsyncIterable<Row> | RowStream<Row>, size: number): AsyncGenerator<Row[], void, undefined> {
  if ("batches" in rows) return yield* rows.batches();
  let batch: Row[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * A streaming CSV download (RFC 4180, CRLF, UTF-8 with a BOM so Excel reads accents,
 * Tifinagh and Arabic). The body is pull-based: one batch of rows is read and written per
 * pull, only as fast as the client takes them, and nothing is read before the first pull,
 * so a route can return this from inside its transaction and the query starts after the
 * commit. A client abort cancels the stream, which ends the row iterator (no further query).
 * With `copy`, on PostgreSQL, the records come formatted by `COPY … TO STDOUT` instead
 * (copy-csv.ts): the same fields and quoting, about twice as fast, Node only relaying bytes.
 *
 * Fields are quoted by `quote` above rather than csv-stringify, which allocates ~7 objects
 * per field and wrote 1M rows 3–5× slower (bench/README.md); tests/integration/csv-export.test.ts
 * asserts both write the same bytes.
 */
export function csvResponse<Row>(options: CsvOptions<Row>): Response {
  const header = `${bom}${options.columns.map((c) => quote(neutraliseFormula(c.header))).join(",")}\r\n`;
  let chunks: AsyncGenerator<Uint8Array, void, undefined> | null = null;
  const open = async () => {
    const copy = options.copy && options.columns.every((c) => !c.format) ? options.copy : null;
    const fromCopy = copy
      ? copyCsvChunks(
          await getDb(),
          copy,
          options.columns.map((c) => c.key),
        )
      : null;
    return fromCopy ?? recordChunks(options);
  };
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!chunks) {
            chunks = await open();
            controller.enqueue(encoder.encode(header));
            return;
          }
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        } catch (error) {
          options.onError?.(error);
          controller.error(error);
          await chunks?.return();
        }
      },
      async cancel() {
        await chunks?.return();
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, { status: 200, headers: downloadHeaders("text/csv; charset=utf-8", options.filename) });
}

/** The records written in Node, one batch of rows per chunk. */
async function* recordChunks<Row>(options: CsvOptions<Row>): AsyncGenerator<Uint8Array, void, undefined> {
  for await (const batch of batchesOf(options.rows, options.chunkRows ?? 1000)) {
    const text = records(options.columns, batch);
    if (text) yield encoder.encode(text);
  }
}
