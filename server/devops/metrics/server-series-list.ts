import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { assertCan, type Actor } from "@/server/auth/actor";
import { builtinMetrics } from "./metric-kinds";

/**
 * The metrics a server has series for (`monitoring.read`): the built-in ones first in their
 * usual order, then custom names alphabetically. With PROMETHEUS_URL set, a server without
 * any local series lists the built-in metrics (read from Prometheus).
 */
export async function serverMetricNames(tx: Executor, actor: Actor, serverId: string): Promise<string[]> {
  assertCan(actor, "monitoring.read");
  const names = rowsOf<{ name: string }>(await tx.execute(sql`select name from metric_series where server_id = ${serverId}`)).map(
    (r) => r.name,
  );
  if (names.length === 0 && process.env.PROMETHEUS_URL) return [...builtinMetrics];
  const rank = (n: string) => {
    const i = (builtinMetrics as readonly string[]).indexOf(n);
    return i === -1 ? builtinMetrics.length : i;
  };
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
