import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as route from "@/app/api/monitoring/route";
import type { Db } from "@/db/client";
import { alertInstances, metricSeries, servers } from "@/db/schema";
import type { UserActor } from "@/server/auth/actor";
import type { SeriesAnswer } from "@/server/devops/metrics/read-series";
import type { FleetSummary } from "@/server/devops/monitoring/fleet-summary";
import { createApiKey } from "@/server/integrations/api-key-admin";
import { freshDb, systemActor } from "../support/db";
import { makeUser } from "../support/maintenance-fixtures";
import { makeServer } from "../support/monitoring-fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId }, authTime: Date.now() + 60_000 } : null),
}));

process.env.AUTH_SECRET ??= "vitest-only-secret-0c9a7e5d3b1f";
let db: Db;
let devops: UserActor;
let user: UserActor;
let technician: UserActor;
let readerKey: string;
let busy: string;
let ip = 0;
const now = new Date();

type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;
const GET = route.GET as Handler;

function get(query: string, as: { user?: UserActor; key?: string } = {}) {
  session.userId = as.user?.id ?? null;
  const headers: Record<string, string> = { "x-forwarded-for": `10.8.0.${++ip % 250}` };
  if (as.key) headers.authorization = `Bearer ${as.key}`;
  return GET(new Request(`http://localhost/api/monitoring${query}`, { headers }), { params: Promise.resolve({}) });
}
async function ok<T>(query: string, as: { user?: UserActor; key?: string } = { user: devops }): Promise<T> {
  const response = await get(query, as);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** A server with last values, as the ingest leaves them. */
async function withLast(
  hostname: string,
  values: { cpu?: number; memory?: number; disk?: number },
  extra: Partial<typeof servers.$inferInsert> = {},
) {
  const { id } = await makeServer(db, { hostname, monitorState: "up", lastHeartbeatAt: now, ...extra });
  for (const [name, value] of Object.entries(values)) {
    await db.insert(metricSeries).values({ serverId: id, name, unit: "percent", lastValue: value, lastTs: now });
  }
  return id;
}

beforeAll(async () => {
  db = await freshDb();
  devops = await makeUser(db, "devops", "Samir Hamdi");
  user = await makeUser(db, "user", "Lina Cherif");
  technician = await makeUser(db, "technician", "Yanis Ould");
  readerKey = await db.transaction(
    async (tx) => (await createApiKey(tx, systemActor, { name: "Grafana", scopes: ["monitoring:read"] as never })).value,
  );
  for (let i = 0; i < 8; i++) await withLast(`web-${i}.oran.dz`, { cpu: 10 + i * 5, memory: 40 + i, disk: 30 });
  busy = await withLast("db-01.alger.dz", { cpu: 97.5, memory: 91, disk: 88 }, { location: "Djaweb Alger", tags: ["pci", "db"] });
  await withLast("ci-01.staging.dz", { cpu: 99, memory: 20, disk: 95 }, { environment: "staging", monitorState: "stale" });
  await makeServer(db, { hostname: "new-01.dz", status: "provisioning" });
  await makeServer(db, { hostname: "dead-01.dz", monitorState: "down" });
  await withLast("gone-01.dz", { cpu: 100 }, { status: "decommissioned" });

  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000);
  const alert = (name: string, state: string, minutesAgo: number, serverId: string | null) => ({
    source: "rule",
    serverId,
    fingerprint: `${name}-${serverId}`,
    name,
    severity: "sev2",
    state,
    activeAt: at(minutesAgo + 5),
    firedAt: state === "pending" ? null : at(minutesAgo),
    resolvedAt: state === "resolved" ? at(minutesAgo - 2) : null,
  });
  await db
    .insert(alertInstances)
    .values([
      alert("Disque plein", "firing", 3, busy),
      alert("CPU élevé", "resolved", 30, busy),
      alert("Mémoire", "pending", 1, busy),
      ...Array.from({ length: 11 }, (_, i) => alert(`Ancienne ${i}`, "resolved", 600 + i, null)),
    ]);

  // Seven days of one-minute CPU points for db-01, a ramp 0..100 every 100 minutes.
  const [cpu] = await db
    .select()
    .from(metricSeries)
    .where(sql`${metricSeries.serverId} = ${busy} and ${metricSeries.name} = 'cpu'`);
  await db.execute(sql`insert into metric_points (series_id, ts, value)
    select ${cpu!.id}, date_trunc('minute', ${now.toISOString()}::timestamptz) - make_interval(mins => k), mod(k, 100)
    from generate_series(0, 7 * 1440 - 1) as k`);
});

describe("GET /api/monitoring — fleet summary", () => {
  it("counts servers per state (decommissioned ones aside) and ranks the five highest last values per metric", async () => {
    const summary = await ok<FleetSummary>("");
    expect(summary.counts).toEqual({ up: 9, down: 1, stale: 1, unknown: 1 });
    expect(summary.worst.cpu.map((r) => [r.hostname, r.value])).toEqual([
      ["ci-01.staging.dz", 99],
      ["db-01.alger.dz", 97.5],
      ["web-7.oran.dz", 45],
      ["web-6.oran.dz", 40],
      ["web-5.oran.dz", 35],
    ]);
    expect(summary.worst.disk[0]).toMatchObject({
      hostname: "ci-01.staging.dz",
      value: 95,
      monitorState: "stale",
      serverId: expect.any(String),
    });
    expect(summary.worst.memory[0]).toMatchObject({ serverId: busy, value: 91, ts: now.toISOString() });
  });

  it("lists the ten latest alerts that fired or resolved, newest first, with their server", async () => {
    const { recentAlerts } = await ok<FleetSummary>("");
    expect(recentAlerts).toHaveLength(10);
    expect(recentAlerts.slice(0, 2).map((a) => [a.name, a.state, a.hostname])).toEqual([
      ["Disque plein", "firing", "db-01.alger.dz"],
      ["CPU élevé", "resolved", "db-01.alger.dz"],
    ]);
    expect(recentAlerts.map((a) => a.name)).not.toContain("Mémoire");
    expect(recentAlerts[2]).toMatchObject({ name: "Ancienne 0", serverId: null, hostname: null });
  });

  it("filters by environment, location and tag", async () => {
    const staging = await ok<FleetSummary>("?environment=staging");
    expect(staging.counts).toEqual({ up: 0, down: 0, stale: 1, unknown: 0 });
    expect(staging.worst.cpu.map((r) => r.hostname)).toEqual(["ci-01.staging.dz"]);
    expect(staging.recentAlerts).toEqual([]);
    const tagged = await ok<FleetSummary>(`?tag=pci&location=${encodeURIComponent("Djaweb Alger")}`);
    expect(tagged.counts.up).toBe(1);
    expect(tagged.worst.memory.map((r) => r.hostname)).toEqual(["db-01.alger.dz"]);
    expect(tagged.recentAlerts.map((a) => a.name)).toEqual(["Disque plein", "CPU élevé"]);
  });

  it("is for monitoring readers only: admin, devops, a monitoring:read key — not user or technician", async () => {
    expect((await get("", { user })).status).toBe(403);
    expect((await get("", { user: technician })).status).toBe(403);
    expect((await get("")).status).toBe(401);
    expect((await get("", { key: readerKey })).status).toBe(200);
    const admin = await makeUser(db, "admin", "Kamel Ziani");
    expect((await get("", { user: admin })).status).toBe(200);
  });
});

describe("GET /api/monitoring — one series", () => {
  const range = (days: number) =>
    `&from=${encodeURIComponent(new Date(now.getTime() - days * 86_400_000).toISOString())}&to=${encodeURIComponent(now.toISOString())}`;

  it("aggregates seven days of minute points to at most 1,000 buckets at a nice step, with avg, min and max", async () => {
    const week = await ok<SeriesAnswer>(`?server=${busy}&metric=cpu${range(7)}`);
    expect(week).toMatchObject({ metric: "cpu", unit: "percent", step: 900, source: "local" });
    expect(week.points.length).toBeGreaterThan(600);
    expect(week.points.length).toBeLessThanOrEqual(1000);
    const full = week.points.slice(1, -1);
    for (const [ts, avg, min, max] of full) {
      expect(Date.parse(ts) % 900_000).toBe(0);
      expect(min).toBeLessThanOrEqual(avg);
      expect(avg).toBeLessThanOrEqual(max);
    }
    expect(Math.max(...full.map((p) => p[3]))).toBe(99);
    expect(Math.min(...full.map((p) => p[2]))).toBe(0);

    const day = await ok<SeriesAnswer>(`?server=${busy}&metric=cpu${range(1)}`);
    expect(day.step).toBe(120);
    expect(day.points.length).toBeLessThanOrEqual(1000);
    // Two one-minute points per bucket: k and k + 1 (mod 100).
    for (const [, avg, min, max] of day.points.slice(1, -1)) {
      expect([1, 99]).toContain(max - min);
      expect(avg).toBe((min + max) / 2);
    }

    const hour = await ok<SeriesAnswer>(
      `?server=${busy}&metric=cpu&from=${encodeURIComponent(new Date(now.getTime() - 3_600_000).toISOString())}`,
    );
    expect(hour.step).toBe(60);
    expect(hour.points.length).toBeGreaterThanOrEqual(59);
    expect(hour.points.length).toBeLessThanOrEqual(61);

    const year = await ok<SeriesAnswer>(`?server=${busy}&metric=cpu${range(365)}`);
    expect(year.step).toBe(43_200);
    expect(year.points.length).toBeLessThanOrEqual(1000);
  });

  it("answers an empty series for a metric the server does not have, 404 for an unknown server, 422 for a bad range", async () => {
    const none = await ok<SeriesAnswer>(`?server=${busy}&metric=net_rx`);
    expect(none).toMatchObject({ points: [], unit: "bytes_per_second", source: "local", step: 120 });
    expect((await get(`?server=00000000-0000-4000-8000-000000000000&metric=cpu`, { user: devops })).status).toBe(404);
    expect((await get(`?server=${busy}`, { user: devops })).status).toBe(422);
    expect((await get(`?server=${busy}&metric=CPU!`, { user: devops })).status).toBe(422);
    const inverted = await get(`?server=${busy}&metric=cpu&from=${encodeURIComponent(now.toISOString())}&to=2020-01-01T00:00:00Z`, {
      user: devops,
    });
    expect(inverted.status).toBe(422);
    expect((await get(`?server=${busy}&metric=cpu&source=prometheus`, { user: devops })).status).toBe(422);
    expect((await get(`?server=${busy}&metric=cpu`, { user })).status).toBe(403);
  });
});

describe("GET /api/monitoring — from Prometheus", () => {
  let fake: http.Server;
  let queries: URLSearchParams[] = [];
  let fail = false;

  beforeAll(async () => {
    fake = http.createServer((req, res) => {
      const url = new URL(req.url!, "http://x");
      queries.push(url.searchParams);
      res.setHeader("content-type", "application/json");
      if (fail) {
        res.statusCode = 400;
        res.end(JSON.stringify({ status: "error", errorType: "bad_data", error: '1:5: parse error: unexpected "}"' }));
        return;
      }
      const start = Number(url.searchParams.get("start"));
      const step = Number(url.searchParams.get("step"));
      const values = (offset: number) => [0, 1, 2].map((i) => [start + i * step, String(10 + i + offset)]);
      res.end(
        JSON.stringify({
          status: "success",
          data: {
            resultType: "matrix",
            result: [
              { metric: { instance: "dead-01.dz:9100" }, values: values(0) },
              { metric: { instance: "dead-01.dz:9101" }, values: [...values(4), [start + 3 * step, "NaN"]] },
            ],
          },
        }),
      );
    });
    await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
    process.env.PROMETHEUS_URL = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    delete process.env.PROMETHEUS_URL;
    await new Promise((resolve) => fake.close(resolve));
  });

  it("reads a server without local points from query_range at the same step, merging series into avg/min/max", async () => {
    const [dead] = await db.select().from(servers).where(eq(servers.hostname, "dead-01.dz"));
    queries = [];
    const answer = await ok<SeriesAnswer>(`?server=${dead!.id}&metric=cpu`);
    expect(answer.source).toBe("prometheus");
    expect(answer.step).toBe(120);
    expect(answer.points.map((p) => p.slice(1))).toEqual([
      [12, 10, 14],
      [13, 11, 15],
      [14, 12, 16],
    ]);
    expect(queries).toHaveLength(1);
    expect(queries[0]!.get("step")).toBe("120");
    expect(queries[0]!.get("query")).toContain('instance=~"dead-01\\\\.dz(:.*)?"');
    expect(queries[0]!.get("query")).toContain("node_cpu_seconds_total");

    // A server with local points stays local unless asked.
    expect((await ok<SeriesAnswer>(`?server=${busy}&metric=cpu`)).source).toBe("local");
    expect((await ok<SeriesAnswer>(`?server=${busy}&metric=cpu&source=prometheus`)).source).toBe("prometheus");
  });

  it("uses DIHYA_PROMQL_<METRIC> when set, and answers 502 with Prometheus's error text", async () => {
    process.env.DIHYA_PROMQL_LOAD = 'max(custom_load{{{selector}}, job="node"})';
    queries = [];
    await ok<SeriesAnswer>(`?server=${busy}&metric=load&source=prometheus`);
    expect(queries[0]!.get("query")).toBe('max(custom_load{instance=~"db-01\\\\.alger\\\\.dz(:.*)?", job="node"})');
    delete process.env.DIHYA_PROMQL_LOAD;

    fail = true;
    const response = await get(`?server=${busy}&metric=cpu&source=prometheus`, { user: devops });
    fail = false;
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe("prometheus_failed");
    expect(problem.detail).toContain('bad_data: 1:5: parse error: unexpected "}"');
  });

  it("answers 502 when Prometheus is unreachable", async () => {
    process.env.PROMETHEUS_URL = "http://127.0.0.1:1/";
    const response = await get(`?server=${busy}&metric=cpu&source=prometheus`, { user: devops });
    process.env.PROMETHEUS_URL = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/`;
    expect(response.status).toBe(502);
    expect(((await response.json()) as { detail: string }).detail).toContain("unreachable");
  });
});
