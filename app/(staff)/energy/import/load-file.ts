import { stripBom, type CsvRow, type CsvRowError } from "@/lib/csv-readings";
import { chunkFile, previewRows, readLayout, type CsvChunk, type CsvLayout } from "@/server/energy/readings/csv-import/csv-chunks";

/** A chosen file, checked and cut into upload chunks in the browser. */
export type LoadedFile = { name: string; layout: CsvLayout; chunks: CsvChunk[]; records: number; preview: (CsvRow | CsvRowError)[] };

/** Why a file cannot be imported, with what the message needs. */
export type LoadProblem =
  | { code: "tooLarge"; sizeMb: number }
  | { code: "notUtf8" }
  | { code: "empty" }
  | { code: "missingColumns"; columns: string[] }
  | { code: "noRows" };

/**
 * Reads a chosen file: size cap first (nothing read beyond it), strict UTF-8 (a BOM is
 * dropped), header with the required columns, at least one data row; then the first 20
 * rows parsed as the server will parse them, and the chunks to send.
 */
export async function loadCsvFile(
  file: File,
  maxBytes: number,
): Promise<{ ok: true; file: LoadedFile } | { ok: false; problem: LoadProblem }> {
  if (file.size > maxBytes) return { ok: false, problem: { code: "tooLarge", sizeMb: file.size / 1024 / 1024 } };
  let text: string;
  try {
    text = stripBom(new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()));
  } catch {
    return { ok: false, problem: { code: "notUtf8" } };
  }
  const layout = readLayout(text);
  if ("error" in layout) {
    return { ok: false, problem: layout.error === "empty" ? { code: "empty" } : { code: "missingColumns", columns: layout.missing ?? [] } };
  }
  const chunks = chunkFile(text, layout);
  const records = chunks.reduce((n, c) => n + c.records, 0);
  if (records === 0) return { ok: false, problem: { code: "noRows" } };
  return { ok: true, file: { name: file.name, layout, chunks, records, preview: previewRows(text, layout, 20) } };
}
