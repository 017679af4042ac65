import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { castOf, demoAgentVersion, demoUnits, originOf, profileOf, silentDemoAgentVersion, type SeedServer } from "./demo-profiles";
import { insertGeneratedPoints, refreshLastValues } from "./generate-points";

export type { SeedServer } from "./demo-profiles";

/**
 * Demo metrics, generated in SQL: `days` (DIHYA_DEMO_METRIC_DAYS, default 7) of 1-minute
 * points of cpu, memory, disk, load, net_rx and net_tx for every running server, shaped by
 * role (web, db, cache, batch, app: daily cycle peaking mid-afternoon in Algiers, quieter
 * Friday–Saturday weekend, nightly batch jobs) with deterministic hashed noise, and two
 * incidents: the disk of the first database server fills up over the last two days, the
 * CPU of the first web server was pinned for 40 minutes two days ago. Every running server
 * is `up` with a heartbeat at `now` and the demo agent version (the demo agents' job keeps
 * them reporting, see demo-agents.ts), except one: silent for 20 minutes, so it shows `down`.
 * For an empty database (plain inserts).
 */
export async function seedMetrics(
  tx: Executor,
  servers: SeedServer[],
  now: Date,
  days = Number(process.env.DIHYA_DEMO_METRIC_DAYS ?? 7),
): Promise<{ series: number; points: number; diskFilling: string | null; cpuSpike: string | null; silent: string | null }> {
  const running = servers.filter((s) => s.status === "running");
  if (running.length === 0 || !(days > 0)) return { series: 0, points: 0, diskFilling: null, cpuSpike: null, silent: null };
  const end = Math.floor(now.getTime() / 60_000) * 60_000;
  const span = Math.round(days * 1440);
  const after = end - span * 60_000;
  const cast = castOf(running);
  const profiles = running.map((s) =>
    profileOf(s, cast, { after, last: s.id === cast.silent?.id ? end - 20 * 60_000 : end, origin: originOf(now.getTime()) }),
  );
  await tx.execute(sql`insert into metric_series (server_id, name, unit)
    select p.id::uuid, m.name, m.unit from json_array_elements_text(${JSON.stringify(running.map((s) => s.id))}::json) as p(id)
    cross join json_each_text(${JSON.stringify(demoUnits)}::json) as m(name, unit)
    on conflict (server_id, name) do nothing`);
  const points = await insertGeneratedPoints(tx, profiles, { bulk: true });
  await refreshLastValues(
    tx,
    running.map((s) => s.id),
  );
  const lag = now.getTime() - end;
  await tx.execute(sql`update servers s set
      last_heartbeat_at = p.last + make_interval(secs => ${lag / 1000}),
      agent_version = case when p.id = ${cast.silent?.id ?? null}::uuid then ${silentDemoAgentVersion} else ${demoAgentVersion} end,
      monitor_state = case when p.id = ${cast.silent?.id ?? null}::uuid then 'down' else 'up' end,
      monitor_state_since = case when p.id = ${cast.silent?.id ?? null}::uuid then p.last + interval '3 minutes' else p.after end
    from json_to_recordset(${JSON.stringify(profiles)}::json) as p(id uuid, after timestamptz, last timestamptz)
    where s.id = p.id`);
  return {
    series: running.length * Object.keys(demoUnits).length,
    points,
    diskFilling: cast.fill?.hostname ?? null,
    cpuSpike: cast.spike?.hostname ?? null,
    silent: cast.silent?.hostname ?? null,
  };
}
