import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as metricsRoute from "@/app/api/metrics/route";
import type { Db } from "@/db/client";
import { queryRange, PrometheusError } from "@/server/devops/metrics/prometheus-client";
import { readServerSeries } from "@/server/devops/metrics/read-series";
import { freshDb } from "../support/db";
import { makeServer } from "../support/monitoring-fixtures";

/**
 * A real Prometheus (Debian's /usr/bin/prometheus) scrapes /api/metrics through a tiny
 * node:http server every second; then Dihya's query_range client reads a series back.
 */
const binary = process.env.PROMETHEUS_BIN ?? "/usr/bin/prometheus";
const present = existsSync(binary);
if (!present) console.warn(`[prometheus-server.test] skipped: no Prometheus binary at ${binary} (apt-get install prometheus)`);

type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;
let db: Db;
let exposition: http.Server;
let prometheus: ChildProcess | null = null;
let dir: string;
let baseUrl: string;
let serverId: string;
let log = "";

async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitFor<T>(what: string, fn: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value !== null) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what} (${String(last)}); Prometheus log:\n${log.slice(-2000)}`);
}

describe.skipIf(!present)("a real Prometheus scraping /api/metrics", () => {
  beforeAll(async () => {
    db = await freshDb();
    // Scraped as documented in the README: a bearer token from DIHYA_METRICS_TOKEN.
    process.env.DIHYA_METRICS_TOKEN = "prometheus-scrape-token";
    // The scrape target's instance label is 127.0.0.1:<port>: a server of that hostname matches the default selector.
    ({ id: serverId } = await makeServer(db, { hostname: "127.0.0.1", monitorState: "up" }));
    const GET = metricsRoute.GET as Handler;
    exposition = http.createServer((req, res) => {
      const headers: Record<string, string> = { "x-forwarded-for": "127.0.0.1" };
      if (req.headers.authorization) headers.authorization = req.headers.authorization;
      GET(new Request(`http://localhost${req.url}`, { headers }), { params: Promise.resolve({}) })
        .then(async (response) => {
          res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "text/plain" });
          res.end(await response.text());
        })
        .catch((error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        });
    });
    await new Promise<void>((resolve) => exposition.listen(0, "127.0.0.1", resolve));
    const target = `127.0.0.1:${(exposition.address() as AddressInfo).port}`;
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    dir = mkdtempSync(path.join(tmpdir(), "dihya-prometheus-"));
    writeFileSync(
      path.join(dir, "prometheus.yml"),
      [
        "global:",
        "  scrape_interval: 1s",
        "  evaluation_interval: 1s",
        "scrape_configs:",
        "  - job_name: dihya",
        "    metrics_path: /api/metrics",
        "    authorization: { credentials: prometheus-scrape-token }",
        `    static_configs: [{ targets: ["${target}"] }]`,
        "",
      ].join("\n"),
    );
    prometheus = spawn(
      binary,
      [
        `--config.file=${path.join(dir, "prometheus.yml")}`,
        `--storage.tsdb.path=${path.join(dir, "data")}`,
        `--web.listen-address=127.0.0.1:${port}`,
        "--storage.tsdb.retention.time=1h",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    prometheus.stdout!.on("data", (d: Buffer) => (log += d.toString()));
    prometheus.stderr!.on("data", (d: Buffer) => (log += d.toString()));
    await waitFor(
      "dihya_servers in Prometheus",
      async () => {
        const r = await fetch(`${baseUrl}/api/v1/query?query=dihya_servers`, { signal: AbortSignal.timeout(2000) });
        const body = (await r.json()) as { data?: { result?: unknown[] } };
        return (body.data?.result?.length ?? 0) > 0 ? true : null;
      },
      40_000,
    );
  }, 55_000);

  afterAll(async () => {
    delete process.env.DIHYA_METRICS_TOKEN;
    if (prometheus?.pid) {
      const exited = new Promise((resolve) => prometheus!.once("exit", resolve));
      process.kill(prometheus.pid, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (prometheus.exitCode === null && prometheus.signalCode === null) process.kill(prometheus.pid, "SIGKILL");
    }
    await new Promise((resolve) => exposition?.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
    delete process.env.PROMETHEUS_URL;
    delete process.env.DIHYA_PROMQL_CPU;
  });

  it("reads back a scraped series through the query_range client, at the server-side step", async () => {
    process.env.PROMETHEUS_URL = baseUrl;
    process.env.DIHYA_PROMQL_CPU = 'sum(dihya_servers{job="dihya",{{selector}}})';
    const to = new Date(Math.ceil(Date.now() / 1000) * 1000 + 5_000);
    const from = new Date(to.getTime() - 3 * 60_000);
    const series = await readServerSeries(db, { kind: "system", id: "test" }, { serverId, metric: "cpu", from, to, source: "prometheus" });
    expect(series.source).toBe("prometheus");
    expect(series.step).toBe(60);
    expect(series.points.length).toBeGreaterThanOrEqual(1);
    expect(series.points.length).toBeLessThanOrEqual(4);
    const last = series.points[series.points.length - 1]!;
    expect(last.slice(1)).toEqual([1, 1, 1]);
    expect((Date.parse(last[0]) - from.getTime()) % 60_000).toBe(0);
  });

  it("turns a Prometheus error into a PrometheusError carrying its text", async () => {
    const error = await queryRange(baseUrl, "sum(dihya_servers{", new Date(Date.now() - 60_000), new Date(), 60).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrometheusError);
    expect((error as Error).message).toMatch(/bad_data: .*parse error/);
  });
});
