import "server-only";
import { randomUUID } from "node:crypto";
import type { Executor } from "@/db/client";
import { actorLabel, assertCan, type Actor } from "@/server/auth/actor";
import { countReadingsIngested } from "@/server/platform/metrics/prometheus-registry";
import { requestContext } from "@/server/platform/request-context";
import { afterIngest } from "./after-ingest";
import { recordBatch } from "./ingest-batch";
import { itemMeterCode, validateItem, type Candidate, type ItemRejection, type MeterInfo } from "./ingest-item";
import { loadCumulativeContext, loadMeters } from "./ingest-load";
import { firstOfEach, intervalRow, planCumulative, planInterval, type Plan } from "./ingest-plan";
import {
  advanceMeters,
  archiveCorrected,
  auditCorrections,
  insertNew,
  updateRecomputed,
  upsertReadings,
  type MeterProgress,
} from "./ingest-write";
import { refreshRollups } from "./rollups";
import type { IngestResult, ReadingSource, TouchedRange } from "./types";

/** Most items one call may carry (API, MQTT message, CSV chunk). */
export const maxBatchItems = 10_000;

function groupByMeter(candidates: Candidate[]): Map<string, Candidate[]> {
  const out = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const list = out.get(c.meter.id);
    if (list) list.push(c);
    else out.set(c.meter.id, [c]);
  }
  return out;
}

/**
 * Inserts the new readings of interval meters, then plans the rest: duplicates,
 * corrections, and cumulative meters' rows with their recomputed neighbours.
 */
async function plan(
  tx: Executor,
  candidates: Candidate[],
  rejections: ItemRejection[],
  source: ReadingSource,
): Promise<{ plan: Plan; hasRules: boolean }> {
  const { unique, duplicates, rejections: conflicts } = firstOfEach(candidates);
  const result: Plan = {
    inserted: [],
    writes: [],
    recomputed: [],
    corrections: [],
    accepted: 0,
    duplicates,
    rejections: [...rejections, ...conflicts],
  };
  const interval = unique.filter((c) => c.meter.register !== "cumulative");
  const cumulative = groupByMeter(unique.filter((c) => c.meter.register === "cumulative"));
  const inserted = await insertNew(tx, interval.map(intervalRow), source);
  planInterval(interval, inserted.existing, result);
  const ranges = [...cumulative.entries()].map(([m, list]) => {
    const times = list.map((c) => c.ts.getTime());
    return { m, lo: new Date(Math.min(...times)).toISOString(), hi: new Date(Math.max(...times)).toISOString() };
  });
  const context = await loadCumulativeContext(tx, ranges);
  for (const [meterId, list] of cumulative) planCumulative(list, context.get(meterId) ?? { anchorTs: null, rows: [] }, result);
  result.rejections.sort((a, b) => a.index - b.index);
  // Rules of cumulative meters were not looked at by the interval insert.
  return { plan: result, hasRules: inserted.hasRules || cumulative.size > 0 };
}

/** Per meter, the span [first ts, last ts + interval) of `rows`. */
function spansOf(rows: { m: string; t: string }[], meters: Map<string, MeterInfo>): TouchedRange[] {
  const spans = new Map<string, { from: number; to: number }>();
  for (const row of rows) {
    const t = Date.parse(row.t);
    const span = spans.get(row.m);
    if (!span) spans.set(row.m, { from: t, to: t });
    else spans.set(row.m, { from: Math.min(span.from, t), to: Math.max(span.to, t) });
  }
  return [...spans].map(([meterId, s]) => {
    const step = meters.get(meterId)!.intervalMinutes * 60_000;
    return { meterId, from: new Date(s.from), to: new Date(s.to + step) };
  });
}

/**
 * What is left to do after the interval insert (which already added its rows to the
 * rollups, moved the meters forward and signalled them): the spans of rows written or
 * recomputed otherwise (corrections, cumulative meters), how far those writes moved their
 * meters, and every span touched (the answer).
 */
function progressOf(p: Plan, candidates: Candidate[]): { touched: TouchedRange[]; rewritten: TouchedRange[]; progress: MeterProgress[] } {
  const meters = new Map(candidates.map((c) => [c.meter.id, c.meter]));
  const written = new Map<string, { last: number; idx: number | null }>();
  for (const row of p.writes) {
    const t = Date.parse(row.t);
    const seen = written.get(row.m);
    if (!seen || t > seen.last) written.set(row.m, { last: t, idx: row.iv });
  }
  const progress = [...written].map(([m, w]) => {
    const meter = meters.get(m)!;
    const cumulative = meter.register === "cumulative";
    const instant = new Date(w.last + meter.intervalMinutes * 60_000).toISOString();
    return { m, last: new Date(w.last).toISOString(), idx: cumulative ? w.idx : null, ia: cumulative ? instant : null };
  });
  const rewritten = spansOf([...p.writes, ...p.recomputed], meters);
  return { touched: [...spansOf(p.inserted, meters), ...rewritten], rewritten, progress };
}

/**
 * Ingests a batch of readings (`measurements.write`): every item is checked on its own
 * (rejections answer `{ index, code, detail }`), units are converted to the meter's
 * canonical unit, times aligned to the meter's interval start. Same meter + time + value →
 * duplicate (nothing written); another value → correction (old version into
 * reading_history, quality `corrected`, version + 1, audited `reading.corrected`).
 * Cumulative indices become interval consumption (reset, rollover, replacement and jitter
 * flagged, never a negative spike). A constant number of set-based statements whatever the
 * batch size — new readings of interval meters, their rollups and live signal in one — then
 * the batch record, the recomputed rollups of corrections and cumulative meters, and the
 * threshold rules when one concerns the batch, all in `tx`.
 * `accepted` counts new readings; accepted + duplicates + corrected + rejected = items.
 */
export async function ingestReadings(
  tx: Executor,
  actor: Actor,
  items: unknown[],
  opts: { source: ReadingSource; fileName?: string },
): Promise<IngestResult> {
  assertCan(actor, "measurements.write");
  const now = Date.now();
  const meters = await loadMeters(
    tx,
    items.map(itemMeterCode).filter((c): c is string => c !== null),
  );
  const candidates: Candidate[] = [];
  const rejections: ItemRejection[] = [];
  items.forEach((raw, index) => {
    const outcome = validateItem(raw, index, meters, now);
    if (outcome.ok) candidates.push(outcome.candidate);
    else rejections.push(outcome.rejection);
  });
  const { plan: p, hasRules } = await plan(tx, candidates, rejections, opts.source);
  const label = actorLabel(actor);
  await archiveCorrected(tx, p.corrections, label);
  await upsertReadings(tx, p.writes, opts.source);
  await updateRecomputed(tx, p.recomputed);
  if (p.corrections.length > 0) await auditCorrections(tx, actor, p.corrections, await requestContext());
  const { touched, rewritten, progress } = progressOf(p, candidates);
  await advanceMeters(tx, progress);
  const batchId = randomUUID();
  const summary = { accepted: p.accepted, duplicates: p.duplicates, corrected: p.corrections.length };
  countReadingsIngested(summary.accepted);
  await recordBatch(
    tx,
    { id: batchId, source: opts.source, actor: label, fileName: opts.fileName, received: items.length, ...summary },
    p.rejections,
    items,
  );
  await refreshRollups(tx, rewritten);
  await afterIngest(tx, { touched, signal: rewritten, evaluate: hasRules });
  return { batchId, ...summary, rejected: p.rejections.map(({ index, code, detail }) => ({ index, code, detail })), touched };
}
