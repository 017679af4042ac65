import "server-only";
import type { z } from "zod";
import { detectSeparator, splitRecords, stripBom } from "@/lib/csv-readings";
import { createServerSchema, splitList, type CreateServer } from "@/lib/validation/servers";
import { exportOnlyColumns, importColumns, requiredColumns, type ImportColumn } from "./server-csv-columns";

/** One problem of a line: the CSV column it concerns (null: the whole line) and a `validation` key. */
export type CsvLineError = { field: string | null; message: string };
export type ParsedLine =
  | { line: number; hostname: string; ok: true; data: CreateServer; columns: ReadonlySet<ImportColumn> }
  | { line: number; hostname: string | null; ok: false; errors: CsvLineError[] };
export type ParsedCsv = { headerErrors: CsvLineError[]; lines: ParsedLine[] };

/** The most data lines one import takes. */
export const maxImportLines = 2000;

const fieldOf: Record<ImportColumn, keyof CreateServer> = {
  hostname: "hostname",
  addresses: "addresses",
  kind: "kind",
  location: "location",
  country: "country",
  os: "os",
  cpu_cores: "cpuCores",
  memory_mb: "memoryMb",
  disk_gb: "diskGb",
  environment: "environment",
  role: "role",
  tags: "tags",
  team: "team",
  criticality: "criticality",
};
const columnOf = Object.fromEntries(Object.entries(fieldOf).map(([c, f]) => [f, c])) as Record<string, ImportColumn>;
const ignored = new Set<string>(exportOnlyColumns);

/** Undo the export's formula guard: `'=…` → `=…` (see server/platform/exports/csv.ts). */
const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** A count cell: empty → null (clears), digits → the number, anything else → NaN (refused). */
const count = (cell: string) => (cell === "" ? null : /^\d+$/.test(cell) ? Number(cell) : Number.NaN);

function cellValue(column: ImportColumn, cell: string): unknown {
  switch (column) {
    case "addresses":
    case "tags":
      return splitList(cell);
    case "cpu_cores":
    case "memory_mb":
    case "disk_gb":
      return count(cell);
    case "country":
      return cell === "" ? undefined : cell.toUpperCase();
    default:
      return cell === "" ? undefined : cell;
  }
}

function errorsOf(error: z.ZodError): CsvLineError[] {
  return error.issues.map((i) => {
    const field = i.path[0];
    return { field: typeof field === "string" ? (columnOf[field] ?? field) : null, message: i.message };
  });
}

/**
 * Reads an inventory CSV (`,` or `;` between fields, RFC 4180 quotes; lists inside a cell
 * separated by `;`): the header names the columns, each data line is checked on its own
 * against the create schema. An empty cell takes the field's default (empty text, no size,
 * no tags, DZ, medium). Line numbers are the file's, the header being line 1.
 */
export function parseServerCsv(raw: string): ParsedCsv {
  const text = stripBom(raw);
  const firstBreak = text.search(/\r|\n/);
  const separator = detectSeparator(firstBreak < 0 ? text : text.slice(0, firstBreak));
  const records = splitRecords(text, separator);
  const head = records.next();
  if (head.done) return { headerErrors: [{ field: null, message: "serverCsvEmpty" }], lines: [] };
  const names = head.value.fields.map((f) => f.trim().toLowerCase());
  const headerErrors: CsvLineError[] = [];
  const positions = new Map<ImportColumn, number>();
  names.forEach((name, index) => {
    if ((importColumns as readonly string[]).includes(name)) {
      if (positions.has(name as ImportColumn)) headerErrors.push({ field: name, message: "serverCsvColumnTwice" });
      else positions.set(name as ImportColumn, index);
    } else if (!ignored.has(name)) headerErrors.push({ field: name || null, message: "serverCsvColumnUnknown" });
  });
  for (const column of requiredColumns) {
    if (!positions.has(column)) headerErrors.push({ field: column, message: "serverCsvColumnMissing" });
  }
  if (headerErrors.length > 0) return { headerErrors, lines: [] };

  const lines: ParsedLine[] = [];
  for (const record of records) {
    if (lines.length >= maxImportLines) return { headerErrors: [{ field: null, message: "serverCsvTooManyLines" }], lines: [] };
    const cell = (column: ImportColumn) => unguard(record.fields[positions.get(column)!]?.trim() ?? "");
    const hostname = cell("hostname").toLowerCase() || null;
    if (record.unterminated) {
      lines.push({ line: record.line, hostname, ok: false, errors: [{ field: null, message: "serverCsvUnterminatedQuote" }] });
      continue;
    }
    if (record.fields.length !== names.length) {
      lines.push({ line: record.line, hostname, ok: false, errors: [{ field: null, message: "serverCsvColumnCount" }] });
      continue;
    }
    const input: Record<string, unknown> = {};
    for (const column of positions.keys()) input[fieldOf[column]] = cellValue(column, cell(column));
    const parsed = createServerSchema.safeParse(input);
    if (parsed.success)
      lines.push({ line: record.line, hostname: parsed.data.hostname, ok: true, data: parsed.data, columns: new Set(positions.keys()) });
    else lines.push({ line: record.line, hostname, ok: false, errors: errorsOf(parsed.error) });
  }
  return { headerErrors: [], lines };
}

/** The fields an import line sets on an existing server: those of its header's columns, host name aside. */
export function updatePatch(data: CreateServer, columns: ReadonlySet<ImportColumn>): Partial<CreateServer> {
  const patch: Record<string, unknown> = {};
  for (const column of columns) if (column !== "hostname") patch[fieldOf[column]] = data[fieldOf[column]];
  return patch as Partial<CreateServer>;
}
