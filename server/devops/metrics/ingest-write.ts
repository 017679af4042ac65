import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { maxSeriesPerServer, unitOf } from "./metric-kinds";
import { numberArray, textArray, timeArray } from "./pg-arrays";

/**
 * The series ids of `names` on a server, creating the missing ones (one statement each way;
 * `do update` so that a concurrent push creating the same series still returns its id).
 * Names beyond the server's `maxSeriesPerServer` series are answered in `refused`.
 */
export async function resolveSeries(
  tx: Executor,
  serverId: string,
  names: string[],
): Promise<{ ids: Map<string, number>; refused: Set<string> }> {
  const ids = new Map<string, number>();
  const existing = rowsOf<{ id: number; name: string }>(
    await tx.execute(sql`select id, name from metric_series where server_id = ${serverId}`),
  );
  for (const r of existing) ids.set(r.name, Number(r.id));
  const missing = [...new Set(names)].filter((n) => !ids.has(n));
  const room = Math.max(0, maxSeriesPerServer - existing.length);
  const create = missing.slice(0, room);
  const refused = new Set(missing.slice(room));
  if (create.length > 0) {
    const created = rowsOf<{ id: number; name: string }>(
      await tx.execute(sql`insert into metric_series (server_id, name, unit)
        select ${serverId}::uuid, x.n, x.u from unnest(${textArray(create)}::text[], ${textArray(create.map(unitOf))}::text[]) as x(n, u)
        on conflict (server_id, name) do update set unit = excluded.unit
        returning id, name`),
    );
    for (const r of created) ids.set(r.name, Number(r.id));
  }
  return { ids, refused };
}

export type PointRow = { seriesId: number; ts: number; value: number };

/**
 * Writes the points in one statement (unique per series and time; see firstOfEach): a new
 * (series, ts) is inserted, the same value is left alone (a duplicate), another value
 * replaces the stored one (a correction; `xmax <> 0` tells an updated row from an inserted
 * one). The same statement moves each series' last value to its newest point when that is
 * not older than the stored one.
 */
export async function writePoints(tx: Executor, rows: PointRow[]): Promise<{ accepted: number; corrected: number }> {
  if (rows.length === 0) return { accepted: 0, corrected: 0 };
  const [counts] = rowsOf<{ accepted: number | string; corrected: number | string }>(
    await tx.execute(sql`with x as (
        select * from unnest(${numberArray(rows.map((r) => r.seriesId))}::int[],
          ${timeArray(rows.map((r) => r.ts))}::timestamptz[], ${numberArray(rows.map((r) => r.value))}::float8[]) as x(s, t, v)
      ),
      up as (
        insert into metric_points (series_id, ts, value)
        select x.s, x.t, x.v from x
        on conflict (series_id, ts) do update set value = excluded.value
          where metric_points.value is distinct from excluded.value
        returning (xmax = 0) as fresh
      ),
      newest as (select distinct on (x.s) x.s, x.t, x.v from x order by x.s, x.t desc),
      moved as (
        update metric_series m set last_value = n.v, last_ts = n.t
        from newest n
        where m.id = n.s and (m.last_ts is null or n.t >= m.last_ts)
        returning 1
      )
      select count(*) filter (where fresh) as accepted, count(*) filter (where not fresh) as corrected from up`),
  );
  return { accepted: Number(counts?.accepted ?? 0), corrected: Number(counts?.corrected ?? 0) };
}

/**
 * A push is a heartbeat: the server's last heartbeat is now, its agent version the one sent
 * (kept when absent), its monitoring state `up` (`monitor_state_since` moves only on a change).
 */
export async function recordHeartbeat(tx: Executor, serverId: string, agentVersion: string | undefined): Promise<void> {
  await tx.execute(sql`update servers set
      last_heartbeat_at = now(),
      agent_version = coalesce(${agentVersion ?? null}::text, agent_version),
      monitor_state_since = case when monitor_state = 'up' then monitor_state_since else now() end,
      monitor_state = 'up'
    where id = ${serverId}`);
}
