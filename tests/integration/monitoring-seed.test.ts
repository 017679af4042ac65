import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/client";
import { tickDemoAgents } from "@/db/seed/devops/demo-agents";
import { seedMetrics } from "@/db/seed/devops/metrics";
import { freshDb } from "../support/db";
import { makeServer } from "../support/monitoring-fixtures";

let db: Db;
const now = new Date("2026-11-21T10:00:30Z");
const servers: Awaited<ReturnType<typeof makeServer>>[] = [];
const days = Number(process.env.DIHYA_SEED_BENCH_DAYS ?? 1);
const count = Number(process.env.DIHYA_SEED_BENCH_SERVERS ?? 6);

beforeAll(async () => {
  db = await freshDb();
  const roles = ["web", "database", "cache", "batch worker", "api", "web"];
  for (let i = 0; i < count; i++)
    servers.push(await makeServer(db, { hostname: `demo-${String(i).padStart(2, "0")}.dz`, role: roles[i % roles.length]! }));
  servers.push(await makeServer(db, { hostname: "stopped.dz", status: "stopped" }));
});

describe("demo metrics", () => {
  it("generates one point a minute per metric of every running server, last values, heartbeats and two incidents", async () => {
    const started = performance.now();
    const result = await db.transaction((tx) => seedMetrics(tx, servers, now, days));
    const seconds = (performance.now() - started) / 1000;
    console.info(`[seed] ${result.points} points for ${count} servers × ${days} days in ${seconds.toFixed(1)} s`);
    expect(result.points).toBe(count * 6 * days * 1440 - 6 * 20);
    expect(result.diskFilling).toBe("demo-01.dz");
    expect(result.cpuSpike).toBe("demo-00.dz");
    expect(result.silent).toBe(`demo-${String(count - 1).padStart(2, "0")}.dz`);

    const states = rowsOf<{ hostname: string; monitor_state: string; last_heartbeat_at: Date | string | null }>(
      await db.execute(sql`select hostname, monitor_state, last_heartbeat_at from servers order by hostname`),
    );
    const byHost = new Map(states.map((s) => [s.hostname, s]));
    expect(byHost.get("demo-00.dz")!.monitor_state).toBe("up");
    expect(new Date(byHost.get("demo-00.dz")!.last_heartbeat_at!).getTime()).toBe(now.getTime());
    expect(byHost.get(`demo-${String(count - 1).padStart(2, "0")}.dz`)!.monitor_state).toBe("down");
    expect(byHost.get("stopped.dz")!.last_heartbeat_at).toBeNull();

    const last = rowsOf<{ hostname: string; name: string; last_value: number; max: number; min: number }>(
      await db.execute(sql`select s.hostname, m.name, m.last_value,
          (select max(value) from metric_points p where p.series_id = m.id) as max,
          (select min(value) from metric_points p where p.series_id = m.id) as min
        from metric_series m join servers s on s.id = m.server_id`),
    );
    expect(last).toHaveLength(count * 6);
    for (const r of last) {
      expect(r.last_value).not.toBeNull();
      if (["cpu", "memory", "disk"].includes(r.name)) {
        expect(Number(r.min)).toBeGreaterThanOrEqual(0);
        expect(Number(r.max)).toBeLessThanOrEqual(100);
      } else expect(Number(r.min)).toBeGreaterThanOrEqual(0);
    }
    const disk = last.find((r) => r.hostname === "demo-01.dz" && r.name === "disk")!;
    expect(Number(disk.last_value)).toBeGreaterThan(90);
    if (days >= 3) {
      const cpu = last.find((r) => r.hostname === "demo-00.dz" && r.name === "cpu")!;
      expect(Number(cpu.max)).toBeGreaterThan(88);
    }
  });

  it("keeps the demo servers reporting every minute, from their last point, while the silent one stays silent", async () => {
    const later = new Date(now.getTime() + 5 * 60_000);
    const result = await db.transaction((tx) => tickDemoAgents(tx, later));
    expect(result).toEqual({ servers: count - 1, points: (count - 1) * 6 * 5 });
    const again = await db.transaction((tx) => tickDemoAgents(tx, later));
    expect(again.points).toBe(0);
    const rows = rowsOf<{ hostname: string; monitor_state: string; last_heartbeat_at: Date | string; last_ts: Date | string }>(
      await db.execute(sql`select s.hostname, s.monitor_state, s.last_heartbeat_at, max(m.last_ts) as last_ts
        from servers s join metric_series m on m.server_id = s.id group by s.id`),
    );
    for (const r of rows) {
      if (r.hostname === `demo-${String(count - 1).padStart(2, "0")}.dz`) {
        expect(r.monitor_state).toBe("down");
        expect(new Date(r.last_ts).getTime()).toBe(Math.floor(now.getTime() / 60_000) * 60_000 - 20 * 60_000);
      } else {
        expect(r.monitor_state).toBe("up");
        expect(new Date(r.last_heartbeat_at).getTime()).toBe(later.getTime());
        expect(new Date(r.last_ts).getTime()).toBe(Math.floor(later.getTime() / 60_000) * 60_000);
      }
    }
    // The curves continue: the disk that was filling is still nearly full.
    const [disk] = rowsOf<{ last_value: number }>(
      await db.execute(sql`select m.last_value from metric_series m join servers s on s.id = m.server_id
        where s.hostname = 'demo-01.dz' and m.name = 'disk'`),
    );
    expect(Number(disk!.last_value)).toBeGreaterThan(90);
    process.env.DIHYA_DEMO_AGENTS = "off";
    expect(await db.transaction((tx) => tickDemoAgents(tx, new Date(later.getTime() + 120_000)))).toEqual({ servers: 0, points: 0 });
    delete process.env.DIHYA_DEMO_AGENTS;
  });

  it("turns the foreign-key checks it skips for the bulk load back on within the same transaction", async () => {
    const extra = await makeServer(db, { hostname: "zz-extra.dz" });
    const attempt = db.transaction(async (tx) => {
      await seedMetrics(tx, [extra], now, 0.01);
      await tx.execute(sql`insert into metric_points (series_id, ts, value) values (2147483000, now(), 1)`);
    });
    await expect(attempt).rejects.toThrow();
  });
});
