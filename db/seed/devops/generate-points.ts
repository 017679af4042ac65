import { sql } from "drizzle-orm";
import type { Executor, Tx } from "@/db/client";
import type { Profile } from "./demo-profiles";
import { clockSql, metricExpressions } from "./metric-shapes";

export const demoMetrics = Object.keys(metricExpressions);

const profileColumns = sql.raw(`p(id uuid, cls text, seed bigint, after timestamptz, last timestamptz, origin float8,
  fill boolean, spike boolean, cpu_base float8, cpu_amp float8, mem_base float8, leak float8, disk_base float8, cores float8,
  net float8, tx_ratio float8)`);

/**
 * For a bulk load: skips the per-row foreign-key check of metric_points (its series ids come
 * from a join with metric_series, so they exist) for the rest of the transaction, which
 * more than halves the seed's time. Needs a superuser (PGlite's, or a PostgreSQL owner
 * account); elsewhere the savepoint rolls back and the checks stay on. `restore` turns them
 * back on.
 */
async function skipForeignKeyChecks(tx: Executor): Promise<boolean> {
  try {
    await (tx as Tx).transaction(async (sp) => {
      await sp.execute(sql`set local session_replication_role = replica`);
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Inserts the generated 1-minute points of every profile in (after, last], one INSERT …
 * SELECT per metric over a clock CTE computed once (the series must exist). Plain inserts
 * (no ON CONFLICT, no RETURNING: each would double the time): callers write after the last
 * stored point only. `bulk`: without per-row foreign-key checks where allowed (the seed).
 * Returns how many points were written.
 */
export async function insertGeneratedPoints(tx: Executor, profiles: Profile[], options: { bulk?: boolean } = {}): Promise<number> {
  if (profiles.length === 0) return 0;
  const from = Math.min(...profiles.map((p) => Date.parse(p.after))) + 60_000;
  const to = Math.max(...profiles.map((p) => Date.parse(p.last)));
  if (to < from) return 0;
  const json = sql`${JSON.stringify(profiles)}::json`;
  const clock = sql.raw(clockSql(from / 1000, Math.floor((to - from) / 60_000) + 1));
  const skipped = options.bulk ? await skipForeignKeyChecks(tx) : false;
  for (const metric of demoMetrics) {
    await tx.execute(sql`with c as materialized (${clock})
      insert into metric_points (series_id, ts, value)
      select m.id, c.ts, ${sql.raw(metricExpressions[metric]!)}
      from json_to_recordset(${json}) as ${profileColumns}
      join metric_series m on m.server_id = p.id and m.name = ${metric}
      cross join lateral (select * from c where c.ts > p.after and c.ts <= p.last) as c`);
  }
  if (skipped) await tx.execute(sql`set local session_replication_role = origin`);
  const perServer = profiles.reduce((n, p) => n + Math.max(0, Math.floor((Date.parse(p.last) - Date.parse(p.after)) / 60_000)), 0);
  return perServer * demoMetrics.length;
}

/** Moves the profiles' series' last values to their newest point (one statement, along the primary key). */
export async function refreshLastValues(tx: Executor, serverIds: string[]): Promise<void> {
  if (serverIds.length === 0) return;
  await tx.execute(sql`update metric_series m set (last_ts, last_value) =
      (select x.ts, x.value from metric_points x where x.series_id = m.id order by x.ts desc limit 1)
    where m.server_id in (select json_array_elements_text(${JSON.stringify(serverIds)}::json)::uuid)`);
}
