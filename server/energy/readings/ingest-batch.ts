import "server-only";
import type { Executor } from "@/db/client";
import { ingestBatches, ingestRejections } from "@/db/schema";
import type { ItemRejection } from "./ingest-item";
import type { ReadingSource } from "./types";

/** Rejections kept per batch for the data-quality view; the API answer lists them all. */
export const keptRejections = 500;
const maxPayloadChars = 2000;

/** The refused item as sent, or a truncated preview of an oversized one. */
function payloadOf(item: unknown): unknown {
  const text = JSON.stringify(item ?? null) ?? "null";
  return text.length <= maxPayloadChars ? JSON.parse(text) : { truncated: true, preview: text.slice(0, maxPayloadChars) };
}

export type BatchSummary = {
  id: string;
  source: ReadingSource;
  actor: string;
  fileName?: string;
  received: number;
  accepted: number;
  duplicates: number;
  corrected: number;
};

/** One ingest_batches row, and the first 500 rejections with their payloads. */
export async function recordBatch(tx: Executor, batch: BatchSummary, rejections: ItemRejection[], items: unknown[]): Promise<void> {
  await tx.insert(ingestBatches).values({
    id: batch.id,
    source: batch.source,
    actor: batch.actor,
    received: batch.received,
    accepted: batch.accepted,
    duplicates: batch.duplicates,
    corrected: batch.corrected,
    rejected: rejections.length,
    fileName: batch.fileName ?? null,
  });
  const kept = rejections.slice(0, keptRejections);
  if (kept.length === 0) return;
  await tx.insert(ingestRejections).values(
    kept.map((r) => ({
      batchId: batch.id,
      meterId: r.meterId,
      meterCode: r.meterCode?.slice(0, 200) ?? null,
      itemIndex: r.index,
      code: r.code,
      detail: r.detail,
      payload: payloadOf(items[r.index]),
    })),
  );
}
