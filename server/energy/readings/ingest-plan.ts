import "server-only";
import { counterStep, type PreviousIndex } from "./cumulative";
import type { Candidate, ItemRejection } from "./ingest-item";
import type { ExistingRow } from "./ingest-load";

/** One row to insert, or to overwrite as a correction (same meter and ts). */
export type WriteRow = { m: string; t: string; v: number; iv: number | null; ov: number; ou: string; q: string; f: string | null };
/** A stored cumulative row whose delta or flags follow from a new neighbour. */
export type Recomputed = { m: string; t: string; v: number; f: string | null };
export type CorrectionNote = {
  meterId: string;
  ts: string;
  old: { value: number; indexValue: number | null; quality: string; version: number };
  new: { value: number; indexValue: number | null; quality: "corrected"; version: number };
};

export type Plan = {
  /** Rows already inserted (new readings of interval meters). */
  inserted: WriteRow[];
  /** Rows to insert or overwrite. */
  writes: WriteRow[];
  recomputed: Recomputed[];
  corrections: CorrectionNote[];
  accepted: number;
  duplicates: number;
  rejections: ItemRejection[];
};

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const keyOf = (meterId: string, ts: number) => `${meterId}|${ts}`;
const flagText = (flags: readonly string[]) => (flags.length > 0 ? flags.join(",") : null);

/**
 * Keeps the first item of each (meter, ts) in the batch: a repeat with the same value is a
 * duplicate, with another value it is refused (`conflicting_duplicate`).
 */
export function firstOfEach(candidates: Candidate[]): { unique: Candidate[]; duplicates: number; rejections: ItemRejection[] } {
  const seen = new Map<string, Candidate>();
  const rejections: ItemRejection[] = [];
  let duplicates = 0;
  for (const c of candidates) {
    const key = keyOf(c.meter.id, c.ts.getTime());
    const first = seen.get(key);
    if (!first) seen.set(key, c);
    else if (same(first.value, c.value) && first.replacement === c.replacement) duplicates++;
    else {
      rejections.push({
        index: c.index,
        code: "conflicting_duplicate",
        detail: `Item ${first.index} of this batch has the same meter and time with another value.`,
        meterId: c.meter.id,
        meterCode: c.meter.code,
      });
    }
  }
  return { unique: [...seen.values()], duplicates, rejections };
}

function newRow(c: Candidate, value: number, indexValue: number | null, quality: string, flags: readonly string[]): WriteRow {
  return {
    m: c.meter.id,
    t: c.ts.toISOString(),
    v: value,
    iv: indexValue,
    ov: c.originalValue,
    ou: c.originalUnit,
    q: quality,
    f: flagText(flags),
  };
}

function note(c: Candidate, old: ExistingRow, value: number, indexValue: number | null): CorrectionNote {
  return {
    meterId: c.meter.id,
    ts: c.ts.toISOString(),
    old: { value: old.value, indexValue: old.indexValue, quality: old.quality, version: old.version },
    new: { value, indexValue, quality: "corrected", version: old.version + 1 },
  };
}

/** An interval meter's candidate as a row to insert (quality as sent). */
export function intervalRow(c: Candidate): WriteRow {
  return newRow(c, c.value, null, c.quality, c.replacement ? ["replacement"] : []);
}

/**
 * Interval meters, after the new rows were inserted (`conflicts`: the rows that already
 * stood at a candidate's key): a new value is accepted, the same value a duplicate, another
 * value a correction to write.
 */
export function planInterval(candidates: Candidate[], conflicts: ExistingRow[], plan: Plan): void {
  const stored = new Map(conflicts.map((r) => [keyOf(r.meterId, r.ts), r]));
  for (const c of candidates) {
    const old = stored.get(keyOf(c.meter.id, c.ts.getTime()));
    if (!old) {
      plan.inserted.push(intervalRow(c));
      plan.accepted++;
    } else if (same(old.value, c.value)) plan.duplicates++;
    else {
      plan.writes.push(newRow(c, c.value, null, "corrected", c.replacement ? ["replacement"] : []));
      plan.corrections.push(note(c, old, c.value, null));
    }
  }
}

type Entry = {
  ts: number;
  index: number | null;
  replacement: boolean;
  stored?: ExistingRow;
  candidate?: Candidate;
  corrects?: ExistingRow;
};

/**
 * Cumulative meters: the batch's indices are merged with the stored ones around them (see
 * loadCumulativeContext), then every delta after the anchor is recomputed in time order —
 * a late or corrected index also fixes the next reading's delta.
 */
export function planCumulative(candidates: Candidate[], context: { anchorTs: number | null; rows: ExistingRow[] }, plan: Plan): void {
  const meter = candidates[0]!.meter;
  const intervalMs = meter.intervalMinutes * 60_000;
  const rules = { intervalMs, jitterTolerance: meter.jitterTolerance, rolloverAt: meter.rolloverAt };
  const entries = new Map<number, Entry>();
  for (const r of context.rows)
    entries.set(r.ts, { ts: r.ts, index: r.indexValue, replacement: r.flags.includes("replacement"), stored: r });
  for (const c of candidates) {
    const ts = c.ts.getTime();
    const stored = entries.get(ts)?.stored;
    if (
      stored &&
      stored.indexValue !== null &&
      same(stored.indexValue, c.value) &&
      stored.flags.includes("replacement") === c.replacement
    ) {
      plan.duplicates++;
      continue;
    }
    entries.set(ts, { ts, index: c.value, replacement: c.replacement, stored, candidate: c, corrects: stored });
  }
  let prev: PreviousIndex | null = null;
  for (const e of [...entries.values()].sort((a, b) => a.ts - b.ts)) {
    const instant = e.ts + intervalMs;
    if (context.anchorTs !== null && e.ts <= context.anchorTs) {
      prev = e.index === null ? null : { index: e.index, instant };
      continue;
    }
    if (e.index === null) {
      prev = null;
      continue;
    }
    const step = counterStep(prev, e.index, instant, e.replacement, rules);
    prev = { index: step.effective, instant };
    const c = e.candidate;
    if (c && e.corrects) {
      plan.writes.push(newRow(c, step.value, e.index, "corrected", step.flags));
      plan.corrections.push(note(c, e.corrects, step.value, e.index));
    } else if (c) {
      plan.writes.push(newRow(c, step.value, e.index, c.quality, step.flags));
      plan.accepted++;
    } else if (e.stored && (!same(e.stored.value, step.value) || flagText(e.stored.flags) !== flagText(step.flags))) {
      plan.recomputed.push({ m: meter.id, t: new Date(e.ts).toISOString(), v: step.value, f: flagText(step.flags) });
    }
  }
}
