import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { assertCan, type Actor } from "@/server/auth/actor";

/** How far back the live view starts. */
export const liveWindowMs = 2 * 3_600_000;

export type LiveInitialPoint = { meterId: string; ms: number; value: number; quality: string };

/**
 * The raw readings of `meterIds` over the last two hours (`measurements.read`), oldest
 * first: what the live view draws before the stream adds the next ones.
 */
export async function liveInitialPoints(db: Executor, actor: Actor, meterIds: string[], now = new Date()): Promise<LiveInitialPoint[]> {
  assertCan(actor, "measurements.read");
  if (meterIds.length === 0) return [];
  const since = new Date(now.getTime() - liveWindowMs).toISOString();
  const rows = rowsOf<{ meter_id: string; ms: number; value: number; quality: string }>(
    await db.execute(sql`
      select r.meter_id::text as meter_id, (extract(epoch from r.ts) * 1000)::float8 as ms, r.value, r.quality
      from readings r
      where r.meter_id = any(${`{${meterIds.join(",")}}`}::uuid[]) and r.ts >= ${since}::timestamptz
      order by r.ts, r.meter_id
      limit 20000`),
  );
  return rows.map((r) => ({ meterId: r.meter_id, ms: Number(r.ms), value: Number(r.value), quality: r.quality }));
}
