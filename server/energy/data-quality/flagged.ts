import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { assertCan, type Actor } from "@/server/auth/actor";
import { exactKey, pageOf, timeCursor, toDate, toNumber, type Page } from "./keyset";
import { fromParam, meterCondition, toParam, type Scope } from "./scope";

/** Flags that mark a counter event worth a look (ingest sets them; see server/energy/readings/cumulative.ts). */
export const listedFlags = ["reset", "rollover", "replacement", "jitter"] as const;
export const flaggedCondition = sql.raw(`r.flags && array['reset','rollover','replacement','jitter']::text[]`);

export type FlaggedReading = {
  meter: { id: string; code: string; name: string; unit: string; timezone: string };
  ts: Date;
  value: number;
  indexValue: number | null;
  flags: string[];
  quality: string;
  source: string;
};

type Row = {
  k: string;
  meter_id: string;
  code: string;
  name: string;
  unit: string;
  timezone: string;
  ts: string | Date;
  value: number | string;
  index_value: number | string | null;
  flags: string | null;
  quality: string;
  source: string;
};

/** Readings flagged reset, rollover, replacement or jitter in the period, newest first. Needs `measurements.read`. */
export async function listFlagged(
  db: Executor,
  actor: Actor,
  scope: Scope,
  q: { cursor?: string; limit: number },
): Promise<Page<FlaggedReading>> {
  assertCan(actor, "measurements.read");
  const after = timeCursor(q.cursor, "uuid");
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select ${exactKey("r.ts")} as k, r.meter_id, m.code, m.name, m.unit, s.timezone, r.ts, r.value, r.index_value,
             array_to_string(r.flags, ',') as flags, r.quality, r.source
      from readings r join meters m on m.id = r.meter_id join sites s on s.id = m.site_id
      where ${meterCondition(scope)} and r.ts >= ${fromParam(scope)} and r.ts < ${toParam(scope)} and ${flaggedCondition}
        ${after ? sql`and (r.ts, r.meter_id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
      order by r.ts desc, r.meter_id desc
      limit ${q.limit + 1}`),
  );
  return pageOf(
    rows,
    q.limit,
    (r) => r.meter_id,
    (r) => ({
      meter: { id: r.meter_id, code: r.code, name: r.name, unit: r.unit, timezone: r.timezone },
      ts: toDate(r.ts),
      value: Number(r.value),
      indexValue: toNumber(r.index_value),
      flags: r.flags ? r.flags.split(",") : [],
      quality: r.quality,
      source: r.source,
    }),
  );
}

/** How many readings of the scope carry each flag in the period (gap_before included). */
export async function flagCounts(db: Executor, actor: Actor, scope: Scope): Promise<Record<string, number>> {
  assertCan(actor, "measurements.read");
  const rows = rowsOf<{ flag: string; n: number }>(
    await db.execute(sql`
      select f.flag, count(*)::int as n
      from readings r join meters m on m.id = r.meter_id cross join lateral unnest(r.flags) as f(flag)
      where ${meterCondition(scope)} and r.ts >= ${fromParam(scope)} and r.ts < ${toParam(scope)} and r.flags is not null
      group by f.flag`),
  );
  return Object.fromEntries(rows.map((r) => [r.flag, Number(r.n)]));
}
