import "server-only";
import type { Readable } from "node:stream";
import type { Db } from "@/db/client";

/** A Drizzle select, as `plainRows` takes it. */
export type CopySelect = { toSQL(): { sql: string; params: unknown[] }; _: { selectedFields: Record<string, unknown> } };

/** The whole ordered export as one query: what PostgreSQL's COPY streams on the server side. */
export type CopySource = {
  /** Every row of the export, in order, no limit; plain values only (as for `plainRows`). */
  query: (db: Db) => CopySelect;
  /**
   * Keys whose text may come from outside (names, headers, identifiers sent by partners):
   * neutralised against formula injection, as `cellText` does. Leave out columns that
   * cannot start with `= + - @` (times, uuids, codes, JSON objects): it saves PostgreSQL work.
   */
  text: readonly string[];
};

type CopyQuery = PromiseLike<unknown> & { readable(): Promise<Readable>; cancel(): void };
type PgJsClient = { unsafe(query: string): CopyQuery };

/**
 * A literal for a bound value: COPY is a utility statement and takes no parameters. `E'…'`
 * with backslashes and quotes doubled is read the same whatever `standard_conforming_strings`
 * says. Only scalars: anything else means the query was not built for COPY.
 */
function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return literal(value.toISOString());
  if (typeof value === "string" && !value.includes("\u0000")) return `E'${value.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
  throw new TypeError(`COPY export: unsupported parameter of type ${typeof value}`);
}

/** `$n` placeholders replaced by literals (Drizzle's SQL holds no `$n` of its own). */
function inline(sqlText: string, params: unknown[]): string {
  return sqlText.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1]));
}

/**
 * The cell as our Node writer neutralises it: a leading `= + - @ TAB CR` gets an apostrophe.
 * `ascii()` compares one integer (no substring); NULL stays NULL.
 */
const neutralised = (column: string) => `CASE WHEN ascii(${column}) IN (61, 43, 45, 64, 9, 13) THEN '''' || ${column} ELSE ${column} END`;

/**
 * `COPY (…) TO STDOUT WITH CSV` for the columns `keys` of `source`, or null when the driver
 * cannot (PGlite: the keyset batches serve it). PostgreSQL formats and quotes the records
 * (RFC 4180 quoting; a NULL is an empty field, an empty text `""`), so Node only relays
 * bytes: record ends (LF) become CRLF here; line breaks inside quoted fields are data and
 * stay as they are. Backpressure reaches the socket (postgres.js pauses it), and leaving
 * early cancels the query on the server.
 */
export function copyCsvChunks(db: Db, source: CopySource, keys: readonly string[]): AsyncGenerator<Uint8Array, void, undefined> | null {
  const client = (db as unknown as { $client: PgJsClient | object }).$client;
  if (!("unsafe" in client)) return null;
  const select = source.query(db);
  const fields = Object.keys(select._.selectedFields);
  const { sql: inner, params } = select.toSQL();
  const aliases = fields.map((_, i) => `c${i}`);
  const cells = keys.map((key) => {
    const i = fields.indexOf(key);
    if (i < 0) throw new TypeError(`COPY export: no column ${key}`);
    return source.text.includes(key) ? neutralised(`q.c${i}::text`) : `q.c${i}`;
  });
  const copy = `COPY (SELECT ${cells.join(", ")} FROM (${inline(inner, params)}) AS q(${aliases.join(", ")})) TO STDOUT WITH (FORMAT csv)`;
  return relay(client.unsafe(copy));
}

/**
 * Turns the record ends of COPY's CSV (LF) into CRLF. A quote toggles "inside a field"
 * (a doubled quote toggles twice), and an LF inside a quoted field is data, kept as it is.
 * The stream's chunks cut records anywhere, so the state carries from one chunk to the next.
 * Scans with `indexOf` (native) rather than byte by byte.
 */
export class CrlfRecords {
  private inQuotes = false;

  /** The converted bytes of `chunk` (at most 1.5× its size: only LFs grow). */
  convert(chunk: Buffer): Buffer {
    const out = Buffer.allocUnsafe(chunk.length + Math.ceil(chunk.length / 2));
    let used = 0;
    let i = 0;
    let nextLf = chunk.indexOf(0x0a, 0);
    while (i < chunk.length) {
      const nextQuote = chunk.indexOf(0x22, i);
      if (this.inQuotes) {
        const end = nextQuote === -1 ? chunk.length : nextQuote + 1;
        used += chunk.copy(out, used, i, end);
        i = end;
        if (nextQuote !== -1) this.inQuotes = false;
        if (nextLf !== -1 && nextLf < i) nextLf = chunk.indexOf(0x0a, i);
        continue;
      }
      if (nextLf !== -1 && (nextQuote === -1 || nextLf < nextQuote)) {
        used += chunk.copy(out, used, i, nextLf);
        out[used++] = 0x0d;
        out[used++] = 0x0a;
        i = nextLf + 1;
        nextLf = chunk.indexOf(0x0a, i);
        continue;
      }
      const end = nextQuote === -1 ? chunk.length : nextQuote + 1;
      used += chunk.copy(out, used, i, end);
      i = end;
      if (nextQuote !== -1) this.inQuotes = true;
    }
    return out.subarray(0, used);
  }
}

async function* relay(query: CopyQuery): AsyncGenerator<Uint8Array, void, undefined> {
  const stream = (await query.readable()) as Readable & { _read(size: number): void };
  const records = new CrlfRecords();
  let finished = false;
  try {
    // Reading a paused stream hands over everything buffered at once: large chunks, few pulls.
    for await (const chunk of stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) yield records.convert(chunk);
    finished = true;
  } finally {
    // postgres.js 3.4 pauses the socket when a CopyData push finds the stream full, and
    // resumes it only from the stream's `_read`. When the end of the copy arrives in that
    // same read, the stream ends with the socket still paused, `_read` is never called
    // again, and the pooled connection hangs on its next query. Its `_read` is
    // `socket.resume()`: call it once we are done (harmless when not paused).
    stream._read(0);
    if (!finished) {
      // Left early: cancel on the server, then read (and drop) what is still in flight
      // until the driver ends the stream with the cancellation error; only then is the
      // connection back to normal (a query sent before would fail with COPY_IN_PROGRESS).
      if (!stream.readableEnded) query.cancel();
      try {
        for await (const _ of stream) void _;
      } catch {
        // the expected "canceling statement due to user request"
      }
      stream._read(0); // the drain may end on the same paused read as above
    }
  }
}
