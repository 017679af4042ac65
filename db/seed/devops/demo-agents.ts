import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { castOf, demoAgentVersion, originOf, profileOf, silentDemoAgentVersion, type SeedServer } from "./demo-profiles";
import { insertGeneratedPoints, refreshLastValues } from "./generate-points";

/** At most this much is filled in after a pause (a stopped demo does not backfill days). */
const maxCatchUpMs = 60 * 60_000;

export function demoAgentsEnabled(): boolean {
  return process.env.DIHYA_DEMO_AGENTS !== "off";
}

type Row = SeedServer & { agent_version: string; created_at: string | Date; last_ts: string | Date | null };

/**
 * The demo's agents (job devops.demo.agents, every minute): the running servers the demo
 * seeded (agent_version "dihya-agent 1.0 (demo)") report as a real agent would — their
 * curves continue from their last point up to now (the last hour at most), their series'
 * last values move and their heartbeat is now (state `up`). The server that fell silent in
 * the demo stays silent; a server whose real agent reports takes its own version and is
 * left alone. Nothing happens without demo servers, or with DIHYA_DEMO_AGENTS=off.
 */
export async function tickDemoAgents(tx: Executor, now = new Date()): Promise<{ servers: number; points: number }> {
  if (!demoAgentsEnabled()) return { servers: 0, points: 0 };
  const rows = rowsOf<Row>(
    await tx.execute(sql`select s.id, s.hostname, s.status, s.role, s.agent_version, s.created_at,
        (select max(m.last_ts) from metric_series m where m.server_id = s.id) as last_ts
      from servers s
      where s.agent_version in (${demoAgentVersion}, ${silentDemoAgentVersion}) and s.status = 'running'`),
  );
  const live = rows.filter((r) => r.agent_version === demoAgentVersion);
  if (live.length === 0) return { servers: 0, points: 0 };
  const cast = castOf(rows);
  const end = Math.floor(now.getTime() / 60_000) * 60_000;
  const profiles = live.flatMap((r) => {
    const last = r.last_ts ? Math.floor(new Date(r.last_ts).getTime() / 60_000) * 60_000 : 0;
    const after = Math.max(last, end - maxCatchUpMs);
    return after < end ? [profileOf(r, cast, { after, last: end, origin: originOf(new Date(r.created_at).getTime()) })] : [];
  });
  const points = await insertGeneratedPoints(tx, profiles);
  await refreshLastValues(
    tx,
    profiles.map((p) => p.id),
  );
  await tx.execute(sql`update servers set
      last_heartbeat_at = ${now.toISOString()}::timestamptz,
      monitor_state_since = case when monitor_state = 'up' then monitor_state_since else ${now.toISOString()}::timestamptz end,
      monitor_state = 'up'
    where id in (select json_array_elements_text(${JSON.stringify(live.map((r) => r.id))}::json)::uuid)`);
  return { servers: live.length, points };
}
