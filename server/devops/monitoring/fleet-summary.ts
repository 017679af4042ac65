import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { assertCan, type Actor } from "@/server/auth/actor";
import { monitorStates } from "./db-gauges";
import { fleetWhere, type FleetFilters } from "./fleet-filters";

export type MonitorState = (typeof monitorStates)[number];
export const worstMetrics = ["cpu", "memory", "disk"] as const;
export type WorstRow = { serverId: string; hostname: string; monitorState: string; value: number; ts: string };
export type RecentAlert = {
  id: string;
  name: string;
  severity: string;
  state: "firing" | "resolved";
  serverId: string | null;
  hostname: string | null;
  activeAt: string;
  firedAt: string | null;
  resolvedAt: string | null;
};
export type FleetSummary = {
  counts: Record<MonitorState, number>;
  worst: Record<(typeof worstMetrics)[number], WorstRow[]>;
  recentAlerts: RecentAlert[];
};

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

/**
 * The fleet at a glance (`monitoring.read`), aggregated in SQL from the servers and their
 * series' last values (never the points), so it stays fast at thousands of servers:
 * servers per monitoring state, the `worst` highest last cpu/memory/disk values, and the
 * `alerts` latest alerts that fired or resolved. Filters narrow the servers (and the
 * alerts to those on matching servers).
 */
export async function fleetSummary(
  tx: Executor,
  actor: Actor,
  filters: FleetFilters,
  limits: { worst: number; alerts: number } = { worst: 5, alerts: 10 },
): Promise<FleetSummary> {
  assertCan(actor, "monitoring.read");
  const where = fleetWhere(filters);
  const filtered = !!(filters.environment || filters.location || filters.tag);
  const states = await tx.execute(sql`select s.monitor_state as state, count(*) as n from servers s where ${where} group by 1`);
  const worst = await tx.execute(sql`select * from (
        select m.name, s.id, s.hostname, s.monitor_state, m.last_value, m.last_ts,
          row_number() over (partition by m.name order by m.last_value desc, s.hostname) as rank
        from metric_series m join servers s on s.id = m.server_id
        where m.name in ('cpu', 'memory', 'disk') and m.last_value is not null and ${where}
      ) x where x.rank <= ${limits.worst} order by x.name, x.rank`);
  const alerts =
    await tx.execute(sql`select a.id, a.name, a.severity, a.state, a.server_id, s.hostname, a.active_at, a.fired_at, a.resolved_at
      from alert_instances a left join servers s on s.id = a.server_id
      where a.state in ('firing', 'resolved') ${filtered ? sql`and ${where}` : sql``}
      order by coalesce(a.resolved_at, a.fired_at, a.active_at) desc limit ${limits.alerts}`);
  const counts = Object.fromEntries(monitorStates.map((s) => [s, 0])) as Record<MonitorState, number>;
  for (const r of rowsOf<{ state: string; n: number | string }>(states)) {
    if (r.state in counts) counts[r.state as MonitorState] += Number(r.n);
  }
  const worstBy = { cpu: [], memory: [], disk: [] } as FleetSummary["worst"];
  type W = {
    name: "cpu" | "memory" | "disk";
    id: string;
    hostname: string;
    monitor_state: string;
    last_value: number;
    last_ts: string | Date;
  };
  for (const r of rowsOf<W>(worst)) {
    worstBy[r.name].push({
      serverId: r.id,
      hostname: r.hostname,
      monitorState: r.monitor_state,
      value: Number(r.last_value),
      ts: iso(r.last_ts)!,
    });
  }
  type A = {
    id: string;
    name: string;
    severity: string;
    state: "firing" | "resolved";
    server_id: string | null;
    hostname: string | null;
    active_at: string | Date;
    fired_at: string | Date | null;
    resolved_at: string | Date | null;
  };
  const recentAlerts = rowsOf<A>(alerts).map((a) => ({
    id: a.id,
    name: a.name,
    severity: a.severity,
    state: a.state,
    serverId: a.server_id,
    hostname: a.hostname,
    activeAt: iso(a.active_at)!,
    firedAt: iso(a.fired_at),
    resolvedAt: iso(a.resolved_at),
  }));
  return { counts, worst: worstBy, recentAlerts };
}
