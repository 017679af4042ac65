import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { assertCan, type Actor } from "@/server/auth/actor";
import { fleetWhere, type FleetFilters } from "./fleet-filters";

export type SilentServer = { id: string; hostname: string; state: "down" | "stale"; since: string | null; lastHeartbeatAt: string | null };

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

/** Down servers first, then stale ones, the longest silent first; at most `limit` (`monitoring.read`). */
export async function silentServers(tx: Executor, actor: Actor, filters: FleetFilters, limit = 25): Promise<SilentServer[]> {
  assertCan(actor, "monitoring.read");
  const rows = rowsOf<{ id: string; hostname: string; state: "down" | "stale"; since: string | Date | null; last: string | Date | null }>(
    await tx.execute(sql`select s.id, s.hostname, s.monitor_state as state, s.monitor_state_since as since, s.last_heartbeat_at as last
      from servers s
      where s.monitor_state in ('down', 'stale') and ${fleetWhere(filters)}
      order by (s.monitor_state = 'down') desc, s.last_heartbeat_at asc nulls first, s.hostname
      limit ${limit}`),
  );
  return rows.map((r) => ({ id: r.id, hostname: r.hostname, state: r.state, since: iso(r.since), lastHeartbeatAt: iso(r.last) }));
}

/** The environments and locations of the fleet, for the filter lists (`monitoring.read`). */
export async function fleetFilterOptions(tx: Executor, actor: Actor): Promise<{ environments: string[]; locations: string[] }> {
  assertCan(actor, "monitoring.read");
  const rows = rowsOf<{ k: string; v: string }>(
    await tx.execute(sql`select distinct 'e' as k, environment as v from servers where status <> 'decommissioned'
      union select distinct 'l', location from servers where status <> 'decommissioned'
      order by 1, 2`),
  );
  return { environments: rows.filter((r) => r.k === "e").map((r) => r.v), locations: rows.filter((r) => r.k === "l").map((r) => r.v) };
}
