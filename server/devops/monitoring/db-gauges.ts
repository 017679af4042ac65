import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { severities } from "@/lib/devops/severity";
import { promMetrics } from "@/server/platform/metrics/prometheus-registry";

export const monitorStates = ["up", "down", "stale", "unknown"] as const;

/**
 * Reads the fleet gauges from the database at scrape time (one statement): servers by
 * monitoring state, alerts firing, open incidents by severity. Every label value is always
 * emitted (0 when none), so series never vanish between scrapes.
 */
export async function refreshDbGauges(tx: Executor): Promise<void> {
  const rows = rowsOf<{ k: string; label: string; n: number | string }>(
    await tx.execute(sql`
      select 'server' as k, monitor_state as label, count(*) as n from servers where status <> 'decommissioned' group by monitor_state
      union all
      select 'alert', '', count(*) from alert_instances where state = 'firing'
      union all
      select 'incident', severity, count(*) from incidents where status not in ('resolved', 'closed', 'cancelled') group by severity`),
  );
  const { servers, alertsFiring, incidentsOpen } = promMetrics();
  const count = (k: string, label: string) => rows.filter((r) => r.k === k && r.label === label).reduce((s, r) => s + Number(r.n), 0);
  for (const state of monitorStates) servers.set({ monitor_state: state }, count("server", state));
  alertsFiring.set(rows.filter((r) => r.k === "alert").reduce((s, r) => s + Number(r.n), 0));
  for (const severity of severities) incidentsOpen.set({ severity }, count("incident", severity));
}
