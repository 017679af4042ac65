import "server-only";
import type { Executor } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { batchTotals, type BatchCounts } from "./batches";
import { flagCounts } from "./flagged";
import { meterQuality, type MeterQuality } from "./meter-quality";
import { countRejections } from "./rejections";
import type { Scope } from "./scope";

/** The summary cards of the view. `completeness` is received ÷ expected (null: nothing expected). */
export type QualitySummary = {
  meters: number;
  expected: number;
  received: number;
  missing: number;
  gaps: number;
  completeness: number | null;
  corrections: number;
  rejections: number;
  flags: Record<string, number>;
  batches: BatchCounts;
};

/** Per-meter rows and the totals over them, with the batch and flag counts. Needs `measurements.read`. */
export async function qualityOverview(
  db: Executor,
  actor: Actor,
  scope: Scope,
): Promise<{ summary: QualitySummary; meters: MeterQuality[] }> {
  const rows = await meterQuality(db, actor, scope);
  const flags = await flagCounts(db, actor, scope);
  const batches = await batchTotals(db, actor, scope);
  const rejections = await countRejections(db, actor, scope);
  const sum = (key: "expected" | "received" | "missing" | "gaps" | "corrections") => rows.reduce((n, r) => n + r[key], 0);
  const expected = sum("expected");
  return {
    summary: {
      meters: rows.length,
      expected,
      received: sum("received"),
      missing: sum("missing"),
      gaps: sum("gaps"),
      completeness: expected > 0 ? Math.min(1, sum("received") / expected) : null,
      corrections: sum("corrections"),
      rejections,
      flags,
      batches,
    },
    meters: rows,
  };
}
