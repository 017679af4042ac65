import type { Tx } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { seedAlertRules } from "./alerts";
import { seedIncidents } from "./incidents";
import { seedMetrics } from "./metrics";
import { seedServers } from "./servers";

/**
 * The IT/DevOps demo, through the same services as real data: about 30 servers in two
 * datacenters and one cloud with their agents, a week of 1-minute metrics, alert rules and
 * silences, and a month of incidents with their SLA history. Returns counts for the start-up log.
 */
export async function seedDevopsDemo(tx: Tx, actor: Actor, now = new Date()) {
  const servers = await seedServers(tx, actor);
  const metrics = await seedMetrics(tx, servers, now);
  const alerts = await seedAlertRules(tx, actor, now);
  const incidents = await seedIncidents(tx, actor, servers, now);
  return { servers: servers.length, points: metrics.points, rules: alerts.rules.length, incidents };
}
