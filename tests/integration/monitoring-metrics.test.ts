import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as route from "@/app/api/monitoring/metrics/route";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/client";
import { agentTokens, metricPoints, metricSeries, notifications, servers } from "@/db/schema";
import type { UserActor } from "@/server/auth/actor";
import { checkHeartbeats } from "@/server/devops/monitoring/heartbeats";
import { purgeOldPoints } from "@/server/devops/monitoring/retention";
import { createApiKey } from "@/server/integrations/api-key-admin";
import { freshDb, systemActor } from "../support/db";
import { makeUser } from "../support/maintenance-fixtures";
import { makeAgentToken, makeServer } from "../support/monitoring-fixtures";

/** The browser session the route sees (Auth.js itself is not under test). */
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId }, authTime: Date.now() + 60_000 } : null),
}));

process.env.AUTH_SECRET ??= "vitest-only-secret-0c9a7e5d3b1f";
let db: Db;
let devops: UserActor;
let serverId: string;
let token: string;
let ip = 0;

type Answer = { accepted: number; duplicates: number; corrected: number; rejected: { index: number; code: string; detail: string }[] };
type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;
const POST = route.POST as Handler;

function push(body: unknown, as: { bearer?: string; user?: UserActor; key?: string } = {}) {
  session.userId = as.user?.id ?? null;
  const headers: Record<string, string> = { "content-type": "application/json", "x-forwarded-for": `10.7.0.${++ip % 250}` };
  if (as.bearer) headers.authorization = `Bearer ${as.bearer}`;
  if (as.key) headers["idempotency-key"] = as.key;
  return POST(new Request("http://localhost/api/monitoring/metrics", { method: "POST", headers, body: JSON.stringify(body) }), {
    params: Promise.resolve({}),
  });
}
async function answer(body: unknown, bearer = token, key?: string): Promise<Answer> {
  const response = await push(body, { bearer, key });
  expect(response.status).toBe(200);
  return (await response.json()) as Answer;
}

const minute = (offset: number) => new Date(Math.floor(Date.now() / 60_000) * 60_000 + offset * 60_000).toISOString();
const sample = (at: string) => [
  { metric: "cpu", ts: at, value: 42.5 },
  { metric: "memory", ts: at, value: 61 },
  { metric: "disk", ts: at, value: 73.25 },
  { metric: "load", ts: at, value: 1.5 },
  { metric: "net_rx", ts: at, value: 125_000 },
  { metric: "net_tx", ts: at, value: 98_000.5 },
];

async function serverRow(id = serverId) {
  const [row] = await db.select().from(servers).where(eq(servers.id, id));
  return row!;
}
async function pointValue(metric: string, ts: string) {
  const [row] = await db
    .select({ value: metricPoints.value })
    .from(metricPoints)
    .innerJoin(metricSeries, eq(metricSeries.id, metricPoints.seriesId))
    .where(and(eq(metricSeries.serverId, serverId), eq(metricSeries.name, metric), eq(metricPoints.ts, new Date(ts))));
  return row?.value;
}

beforeAll(async () => {
  db = await freshDb();
  devops = await makeUser(db, "devops", "Nadia Ait Ali");
  ({ id: serverId } = await makeServer(db, { hostname: "web-01.oran.dz" }));
  token = await makeAgentToken(db, serverId);
});

describe("POST /api/monitoring/metrics", () => {
  it("stores an agent's points on its own server, answers each refused point by index, and counts as a heartbeat", async () => {
    expect((await serverRow()).monitorState).toBe("unknown");
    const at = minute(-1);
    const body = {
      heartbeat: { agentVersion: "dihya-agent 1.0.0", uptimeSeconds: 86_400 },
      points: [
        ...sample(at),
        { metric: "cpu", ts: minute(-2), value: 120 },
        { metric: "Disk Usage", ts: at, value: 1 },
        { metric: "memory", ts: "2026-11-21 10:00", value: 3 },
        { metric: "load", ts: at, value: -1 },
        { metric: "cpu", ts: new Date(Date.now() + 10 * 60_000).toISOString(), value: 1 },
        { metric: "cpu", ts: new Date(Date.now() - 9 * 86_400_000).toISOString(), value: 1 },
        { metric: "cpu", ts: minute(-3), value: "12" },
        "cpu=12",
        { metric: "queue.depth", ts: at, value: 17 },
        { metric: "cpu", ts: at, value: 43 },
        { metric: "cpu", ts: at, value: 42.5 },
      ],
    };
    const result = await answer(body);
    expect(result).toEqual({
      accepted: 7,
      duplicates: 1,
      corrected: 0,
      rejected: [
        { index: 6, code: "out_of_range", detail: expect.stringContaining("0 to 100") },
        { index: 7, code: "invalid_metric", detail: expect.any(String) },
        { index: 8, code: "invalid_timestamp", detail: expect.stringContaining("no offset") },
        { index: 9, code: "negative_value", detail: expect.any(String) },
        { index: 10, code: "future_timestamp", detail: expect.any(String) },
        { index: 11, code: "too_old", detail: expect.any(String) },
        { index: 12, code: "invalid_value", detail: expect.any(String) },
        { index: 13, code: "invalid_item", detail: expect.any(String) },
        { index: 15, code: "conflicting_duplicate", detail: expect.stringContaining("Point 0") },
      ],
    });
    expect(await pointValue("disk", at)).toBe(73.25);
    expect(await pointValue("queue.depth", at)).toBe(17);
    const series = await db.select().from(metricSeries).where(eq(metricSeries.serverId, serverId));
    expect(series.map((s) => [s.name, s.unit, s.lastValue]).sort()).toEqual(
      [
        ["cpu", "percent", 42.5],
        ["disk", "percent", 73.25],
        ["load", "load", 1.5],
        ["memory", "percent", 61],
        ["net_rx", "bytes_per_second", 125_000],
        ["net_tx", "bytes_per_second", 98_000.5],
        ["queue.depth", "", 17],
      ].sort(),
    );
    const server = await serverRow();
    expect(server.monitorState).toBe("up");
    expect(server.agentVersion).toBe("dihya-agent 1.0.0");
    expect(Date.now() - server.lastHeartbeatAt!.getTime()).toBeLessThan(60_000);
    expect(server.monitorStateSince).not.toBeNull();
  });

  it("answers a resent point as a duplicate and another value at the same time as a correction that replaces it", async () => {
    const at = minute(-1);
    const points = sample(at).map((p) => (p.metric === "memory" ? { ...p, value: 64 } : p));
    expect(await answer({ points })).toEqual({ accepted: 0, duplicates: 5, corrected: 1, rejected: [] });
    expect(await pointValue("memory", at)).toBe(64);
    const [memory] = await db
      .select()
      .from(metricSeries)
      .where(and(eq(metricSeries.serverId, serverId), eq(metricSeries.name, "memory")));
    expect(memory!.lastValue).toBe(64);
    // An older point does not move the series' last value back.
    expect(await answer({ points: [{ metric: "memory", ts: minute(-30), value: 10 }] })).toMatchObject({ accepted: 1 });
    const [still] = await db
      .select()
      .from(metricSeries)
      .where(and(eq(metricSeries.serverId, serverId), eq(metricSeries.name, "memory")));
    expect(still!.lastValue).toBe(64);
  });

  it("replays the stored answer for the same Idempotency-Key instead of ingesting twice", async () => {
    const body = { points: sample(minute(-5)) };
    const first = await answer(body, token, "batch-0005");
    const again = await answer(body, token, "batch-0005");
    expect(first).toEqual({ accepted: 6, duplicates: 0, corrected: 0, rejected: [] });
    expect(again).toEqual(first);
  });

  it("takes a heartbeat alone, and refuses more than 5,000 points with 413", async () => {
    await db.update(servers).set({ monitorState: "down", agentVersion: null }).where(eq(servers.id, serverId));
    expect(await answer({})).toEqual({ accepted: 0, duplicates: 0, corrected: 0, rejected: [] });
    expect((await serverRow()).monitorState).toBe("up");
    const many = Array.from({ length: 5001 }, (_, i) => ({ metric: "cpu", ts: minute(-i), value: 1 }));
    const response = await push({ points: many }, { bearer: token });
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(((await response.json()) as { code: string }).code).toBe("too_many_points");
  });

  it("ingests 5,000 points in one push", async () => {
    const { id } = await makeServer(db, { hostname: "bulk.dz" });
    const bulk = await makeAgentToken(db, id);
    const points = ["cpu", "memory", "disk", "load", "net_rx"].flatMap((metric) =>
      Array.from({ length: 1000 }, (_, i) => ({ metric, ts: minute(-i), value: (i % 100) + 0.5 })),
    );
    const started = performance.now();
    const result = await answer({ points }, bulk);
    const ms = performance.now() - started;
    console.info(`[monitoring] 5,000 points in ${ms.toFixed(0)} ms (${Math.round(5000 / (ms / 1000))} points/s)`);
    expect(result).toEqual({ accepted: 5000, duplicates: 0, corrected: 0, rejected: [] });
    const [count] = rowsOf<{ n: number | string }>(
      await db.execute(sql`select count(*) as n from metric_points p join metric_series s on s.id = p.series_id where s.server_id = ${id}`),
    );
    expect(Number(count!.n)).toBe(5000);
  });

  it("refuses unknown and revoked tokens (401), and callers without monitoring.push (403)", async () => {
    const unknown = await push({}, { bearer: "dha_not-a-real-token" });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get("www-authenticate")).toContain("Bearer");
    const { id } = await makeServer(db, { hostname: "revoked.dz" });
    const revoked = await makeAgentToken(db, id);
    await db.update(agentTokens).set({ revokedAt: new Date() }).where(eq(agentTokens.serverId, id));
    expect((await push({}, { bearer: revoked })).status).toBe(401);
    expect((await push({})).status).toBe(401);

    expect((await push({ points: sample(minute(-1)) }, { user: devops })).status).toBe(403);
    const admin = await makeUser(db, "admin", "Amine Belkacem");
    expect((await push({}, { user: admin })).status).toBe(403);
    const key = await db.transaction(
      async (tx) =>
        (await createApiKey(tx, systemActor, { name: "Supervision externe", scopes: ["monitoring:read", "alerts:write"] as never })).value,
    );
    expect((await push({}, { bearer: key })).status).toBe(403);
  });
});

describe("heartbeat check", () => {
  it("marks a silent server stale, then down, notifies role devops once, and a push brings it back up", async () => {
    const { id, hostname } = await makeServer(db, { hostname: "db-02.alger.dz", heartbeatSeconds: 60, missedHeartbeats: 3 });
    const agent = await makeAgentToken(db, id);
    const ignored = await makeServer(db, { hostname: "maint.dz", status: "maintenance" });
    const t0 = new Date();
    await db
      .update(servers)
      .set({ lastHeartbeatAt: t0, monitorState: "up" })
      .where(sql`${servers.id} in (${id}, ${ignored.id})`);
    const check = (secondsLater: number) => db.transaction((tx) => checkHeartbeats(tx, new Date(t0.getTime() + secondsLater * 1000)));
    const downNotices = () =>
      db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.kind, "devops.server.down"),
            eq(notifications.userId, devops.id),
            eq(notifications.link, `/devops/servers/${id}`),
          ),
        );

    await check(80);
    expect((await serverRow(id)).monitorState).toBe("up");
    await check(100);
    const stale = await serverRow(id);
    expect(stale.monitorState).toBe("stale");
    expect(stale.monitorStateSince!.getTime()).toBe(t0.getTime() + 100_000);
    expect(await downNotices()).toHaveLength(0);

    await check(181);
    await check(240);
    await check(3600);
    expect((await serverRow(id)).monitorState).toBe("down");
    const notices = await downNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.link).toBe(`/devops/servers/${id}`);
    expect(notices[0]!.params).toMatchObject({ server: hostname, minutes: 3 });
    expect((await serverRow(ignored.id)).monitorState).toBe("up");
    await db
      .update(servers)
      .set({ monitorState: "up" })
      .where(sql`${servers.monitorState} = 'down'`);

    await answer({ heartbeat: { agentVersion: "dihya-agent 1.0.1" } }, agent);
    const back = await serverRow(id);
    expect(back.monitorState).toBe("up");
    expect(back.agentVersion).toBe("dihya-agent 1.0.1");
  });

  it("sends one summary instead of one notice per server when many go down at once", async () => {
    const before = await db.select().from(notifications).where(eq(notifications.userId, devops.id));
    const t0 = new Date(Date.now() - 3600_000);
    for (let i = 0; i < 12; i++) {
      const { id } = await makeServer(db, { hostname: `fleet-${i}.dz` });
      await db.update(servers).set({ lastHeartbeatAt: t0, monitorState: "up" }).where(eq(servers.id, id));
    }
    const result = await db.transaction((tx) => checkHeartbeats(tx));
    expect(result.down).toBe(12);
    const after = await db.select().from(notifications).where(eq(notifications.userId, devops.id));
    expect(after.length - before.length).toBe(1);
    expect(after.find((n) => n.titleKey.endsWith("many_down.title"))!.params).toEqual({ count: 12 });
  });
});

describe("retention", () => {
  it("deletes points older than the retention, series by series", async () => {
    const { id } = await makeServer(db, { hostname: "old.dz" });
    const [series] = await db.insert(metricSeries).values({ serverId: id, name: "cpu", unit: "percent" }).returning();
    await db.execute(sql`insert into metric_points (series_id, ts, value)
      select ${series!.id}, now() - make_interval(days => d) + interval '1 hour', 1 from generate_series(1, 40) as d`);
    const deleted = await purgeOldPoints(db, { days: 30 });
    expect(deleted).toBeGreaterThanOrEqual(10);
    const [left] = rowsOf<{ n: number | string; oldest: Date | string }>(
      await db.execute(sql`select count(*) as n, min(ts) as oldest from metric_points where series_id = ${series!.id}`),
    );
    expect(Number(left!.n)).toBe(30);
    expect(Date.now() - new Date(left!.oldest).getTime()).toBeLessThanOrEqual(30 * 86_400_000 + 60_000);
  });
});

describe("scripts/dihya-agent.sh", () => {
  /** The agent run once against the real route, through a bare node:http server. */
  async function runAgent(agentToken: string): Promise<{ code: number; stdout: string; stderr: string }> {
    const bridge = http.createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
        headers.set("x-forwarded-for", "10.7.9.9");
        POST(new Request(`http://localhost${req.url}`, { method: "POST", headers, body }), { params: Promise.resolve({}) })
          .then(async (response) => {
            res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "text/plain" });
            res.end(await response.text());
          })
          .catch(() => {
            res.writeHead(500);
            res.end();
          });
      });
    });
    await new Promise<void>((resolve) => bridge.listen(0, "127.0.0.1", resolve));
    const spool = mkdtempSync(path.join(tmpdir(), "dihya-agent-spool-"));
    try {
      return await new Promise((resolve) => {
        execFile(
          "sh",
          [path.resolve(import.meta.dirname, "../../scripts/dihya-agent.sh"), "--once"],
          {
            env: {
              NODE_ENV: "test",
              PATH: process.env.PATH,
              DIHYA_URL: `http://127.0.0.1:${(bridge.address() as AddressInfo).port}`,
              DIHYA_AGENT_TOKEN: agentToken,
              DIHYA_SPOOL: spool,
              DIHYA_RETRIES: "1",
            },
            timeout: 20_000,
          },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      });
    } finally {
      await new Promise((resolve) => bridge.close(resolve));
      rmSync(spool, { recursive: true, force: true });
    }
  }

  it.skipIf(process.platform !== "linux")("sends one batch of six points that the ingest accepts, and marks the server up", async () => {
    const { id } = await makeServer(db, { hostname: "agent-run.dz" });
    const result = await runAgent(await makeAgentToken(db, id));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ accepted: 6, duplicates: 0, corrected: 0, rejected: [] });
    const series = await db.select().from(metricSeries).where(eq(metricSeries.serverId, id));
    expect(series.map((s) => s.name).sort()).toEqual(["cpu", "disk", "load", "memory", "net_rx", "net_tx"]);
    const server = await serverRow(id);
    expect(server.monitorState).toBe("up");
    expect(server.agentVersion).toMatch(/^dihya-agent \d+\.\d+\.\d+$/);
  });

  it.skipIf(process.platform !== "linux")("exits 3 with a clear message when the token is refused", async () => {
    const result = await runAgent("dha_wrong-token-0000");
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("refused the agent token (HTTP 401)");
  });
});
