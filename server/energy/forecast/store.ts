import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { forecastPoints, forecastRuns } from "@/db/schema";
import type { ModelRun } from "@/lib/forecast/backtest";

export type StoredRun = ModelRun & {
  horizonFrom: Date;
  horizonTo: Date;
  backtestFrom: Date | null;
  backtestTo: Date | null;
  extra: Record<string, unknown>;
};

/** A float8[] literal: one parameter for the whole column instead of one per point. */
const floatArray = (values: (number | null)[]) =>
  `{${values.map((v) => (v === null || !Number.isFinite(v) ? "NULL" : String(v))).join(",")}}`;

/**
 * Replaces the meter's forecast runs (and, by cascade, their points) with `runs`, in one
 * transaction (a savepoint when `db` is already one). Derived data: logged by the caller, not audited.
 */
export async function replaceRuns(
  db: Executor,
  meterId: string,
  intervalMinutes: number,
  stepMs: number,
  runs: StoredRun[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(forecastRuns).where(eq(forecastRuns.meterId, meterId));
    for (const run of runs) {
      const metrics = run.backtest?.metrics;
      const [row] = await tx
        .insert(forecastRuns)
        .values({
          meterId,
          model: run.model,
          intervalMinutes,
          horizonFrom: run.horizonFrom,
          horizonTo: run.horizonTo,
          backtestFrom: run.backtestFrom,
          backtestTo: run.backtestTo,
          mape: metrics?.mape ?? null,
          cvRmse: metrics?.cvRmse ?? null,
          nmbe: metrics?.nmbe ?? null,
          skill: run.backtest?.skill ?? null,
          params: { ...run.params, ...run.extra },
        })
        .returning({ id: forecastRuns.id });
      const runId = row!.id;
      await tx.execute(sql`
        insert into ${forecastPoints} (run_id, ts, value, lower, upper)
        select ${runId}::uuid, to_timestamp(${run.horizonFrom.getTime() / 1000}::float8 + (u.i - 1) * ${stepMs / 1000}::float8), u.v, u.lo, u.hi
        from unnest(
          ${floatArray(run.points.map((p) => p.value))}::float8[],
          ${floatArray(run.points.map((p) => p.lower))}::float8[],
          ${floatArray(run.points.map((p) => p.upper))}::float8[]
        ) with ordinality as u(v, lo, hi, i)`);
    }
  });
}
