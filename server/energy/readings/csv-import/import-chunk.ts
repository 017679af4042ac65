import "server-only";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { csvChunkChars, csvChunkRecords, type CsvRowError } from "@/lib/csv-readings";
import { parseChunk } from "./csv-chunks";
import { assertCan, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { DomainError } from "@/server/platform/errors";
import { ingestReadings } from "../ingest";

/** One chunk of a CSV file as the browser sends it: the file's header line and raw data lines. */
export const importChunkSchema = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  header: z.string().min(1).max(4000),
  text: z
    .string()
    .min(1)
    .max(csvChunkChars + 100_000),
  firstLine: z.number().int().min(2).max(100_000_000),
});
export type ImportChunkInput = z.output<typeof importChunkSchema>;

/** What became of a chunk; rejections carry the file's line numbers (the header is line 1). */
export type ChunkReport = {
  records: number;
  accepted: number;
  duplicates: number;
  corrected: number;
  rejected: CsvRowError[];
};

/**
 * Imports one chunk of a readings CSV (`measurements.write`): the lines are parsed again
 * here (the same functions as the browser preview, never trusting the client's parse),
 * then go through `ingestReadings` with source `csv` — the API's rules exactly (units,
 * duplicates, corrections with history, future timestamps, counter resets). Each rejected
 * item's index is mapped back to its line; lines the parser cannot read are rejected too.
 * Audited `readings.imported` (file, lines, counts) on the ingest batch.
 */
export async function importCsvChunk(tx: Executor, actor: Actor, input: ImportChunkInput): Promise<ChunkReport> {
  assertCan(actor, "measurements.write");
  const parsed = parseChunk(input.header, input.text, input.firstLine);
  if (!parsed) throw new DomainError("validation_failed", "csvHeaderInvalid", "header");
  const records = parsed.rows.length + parsed.errors.length;
  if (records > csvChunkRecords) throw new DomainError("validation_failed", "csvChunkTooLarge", "text");
  if (records === 0) return { records, accepted: 0, duplicates: 0, corrected: 0, rejected: [] };
  const report: ChunkReport = { records, accepted: 0, duplicates: 0, corrected: 0, rejected: [...parsed.errors] };
  let batchId: string | null = null;
  if (parsed.rows.length > 0) {
    const result = await ingestReadings(
      tx,
      actor,
      parsed.rows.map((r) => r.item),
      { source: "csv", fileName: input.fileName },
    );
    batchId = result.batchId;
    report.accepted = result.accepted;
    report.duplicates = result.duplicates;
    report.corrected = result.corrected;
    for (const r of result.rejected) report.rejected.push({ line: parsed.rows[r.index]?.line ?? 0, code: r.code, detail: r.detail });
  }
  const lines = [...parsed.rows, ...parsed.errors].map((r) => r.line);
  const counts = {
    accepted: report.accepted,
    duplicates: report.duplicates,
    corrected: report.corrected,
    rejected: report.rejected.length,
  };
  await recordAudit(tx, {
    actor,
    action: "readings.imported",
    entityType: "ingest_batch",
    entityId: batchId,
    changes: {
      file: { old: null, new: input.fileName },
      lines: { old: null, new: `${Math.min(...lines)}-${Math.max(...lines)}` },
      counts: { old: null, new: counts },
    },
  });
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}
