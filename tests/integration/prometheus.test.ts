import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as metricsRoute from "@/app/api/metrics/route";
import * as pushRoute from "@/app/api/monitoring/metrics/route";
import type { Db } from "@/db/client";
import { alertInstances, incidents } from "@/db/schema";
import { countJob, countReadingsIngested, observeHttp } from "@/server/platform/metrics/prometheus-registry";
import { createApiKey } from "@/server/integrations/api-key-admin";
import { freshDb, systemActor } from "../support/db";
import { makeAgentToken, makeServer } from "../support/monitoring-fixtures";
import { parsePrometheusText, parsePrometheusText as parse, sampleValue, type Family } from "../support/prometheus-text";

let db: Db;
let token: string;
let ip = 0;
type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;
const GET = metricsRoute.GET as Handler;
const POST = pushRoute.POST as Handler;

function scrape(authorization?: string) {
  const headers: Record<string, string> = { "x-forwarded-for": `10.9.1.${++ip % 250}` };
  if (authorization) headers.authorization = authorization;
  return GET(new Request("http://localhost/api/metrics", { headers }), { params: Promise.resolve({}) });
}
const scrapeToken = "scrape-secret-2026";
async function families(): Promise<Map<string, Family>> {
  const response = await scrape(`Bearer ${scrapeToken}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
  return parsePrometheusText(await response.text());
}

beforeAll(async () => {
  db = await freshDb();
  const up = await makeServer(db, { hostname: "web-01.dz", monitorState: "up" });
  await makeServer(db, { hostname: "web-02.dz", monitorState: "up" });
  await makeServer(db, { hostname: "db-01.dz", monitorState: "down" });
  await makeServer(db, { hostname: "old.dz", monitorState: "up", status: "decommissioned" });
  token = await makeAgentToken(db, up.id);
  const alert = (state: string, n: number) => ({
    source: "rule",
    fingerprint: `f-${state}-${n}`,
    name: "CPU élevé",
    severity: "sev2",
    state,
    activeAt: new Date(),
  });
  await db.insert(alertInstances).values([alert("firing", 1), alert("firing", 2), alert("resolved", 3), alert("pending", 4)]);
  const incident = (severity: string, status: string) => ({ title: "Panne", severity, status, source: "ui", openedByLabel: "test" });
  await db
    .insert(incidents)
    .values([
      incident("sev1", "triggered"),
      incident("sev1", "investigating"),
      incident("sev3", "acknowledged"),
      incident("sev2", "closed"),
    ]);
});

beforeEach(() => {
  process.env.DIHYA_METRICS_TOKEN = scrapeToken;
});
afterEach(() => {
  delete process.env.DIHYA_METRICS_TOKEN;
});

describe("GET /api/metrics", () => {
  it("serves a valid text exposition with process metrics and the fleet gauges read from the database", async () => {
    const f = await families();
    expect(f.get("dihya_servers")?.type).toBe("gauge");
    expect(sampleValue(f, "dihya_servers", { monitor_state: "up" })).toBe(2);
    expect(sampleValue(f, "dihya_servers", { monitor_state: "down" })).toBe(1);
    expect(sampleValue(f, "dihya_servers", { monitor_state: "stale" })).toBe(0);
    expect(sampleValue(f, "dihya_servers", { monitor_state: "unknown" })).toBe(0);
    expect(sampleValue(f, "dihya_alerts_firing")).toBe(2);
    expect(sampleValue(f, "dihya_incidents_open", { severity: "sev1" })).toBe(2);
    expect(sampleValue(f, "dihya_incidents_open", { severity: "sev2" })).toBe(0);
    expect(sampleValue(f, "dihya_incidents_open", { severity: "sev3" })).toBe(1);
    expect(f.get("dihya_process_cpu_user_seconds_total")?.type).toBe("counter");
    expect(f.get("dihya_nodejs_heap_size_used_bytes")?.type).toBe("gauge");
    for (const name of ["dihya_http_request_duration_seconds", "dihya_metric_points_ingested_total", "dihya_jobs_completed_total"]) {
      expect(f.get(name)?.help).toBeTruthy();
    }
    expect(f.get("dihya_http_request_duration_seconds")?.type).toBe("histogram");
  });

  it("counts requests, durations, jobs, readings and pushed points", async () => {
    const before = await families();
    const labels = { method: "GET", route: "/api/sites", status: "200" };
    observeHttp("GET", "/api/sites", 200, 0.12);
    observeHttp("GET", "/api/sites", 200, 3);
    observeHttp("POST", 'odd "route" \\ with\nbreak', 422, 0.001);
    countJob("energy.alerts", "succeeded");
    countReadingsIngested(7);
    countReadingsIngested(0);
    const push = await POST(
      new Request("http://localhost/api/monitoring/metrics", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "x-forwarded-for": "10.9.2.1" },
        body: JSON.stringify({
          points: [
            { metric: "cpu", ts: new Date().toISOString(), value: 12 },
            { metric: "cpu", ts: new Date().toISOString(), value: 120 },
          ],
        }),
      }),
      { params: Promise.resolve({}) },
    );
    expect(push.status).toBe(200);
    const after = await families();
    const delta = (name: string, l: Record<string, string> = {}) =>
      (sampleValue(after, name, l) ?? 0) - (sampleValue(before, name, l) ?? 0);
    expect(delta("dihya_http_requests_total", labels)).toBe(2);
    expect(delta("dihya_http_request_duration_seconds_bucket", { ...labels, le: "0.25" })).toBe(1);
    expect(delta("dihya_http_request_duration_seconds_bucket", { ...labels, le: "+Inf" })).toBe(2);
    expect(delta("dihya_http_request_duration_seconds_sum", labels)).toBeCloseTo(3.12);
    expect(sampleValue(after, "dihya_http_requests_total", { method: "POST", route: 'odd "route" \\ with\nbreak', status: "422" })).toBe(1);
    expect(delta("dihya_jobs_completed_total", { kind: "energy.alerts", result: "succeeded" })).toBe(1);
    expect(delta("dihya_readings_ingested_total")).toBe(7);
    expect(delta("dihya_metric_points_ingested_total", { result: "accepted" })).toBe(1);
    expect(delta("dihya_metric_points_ingested_total", { result: "rejected" })).toBe(1);
  });

  it("requires Authorization: Bearer <DIHYA_METRICS_TOKEN> when the token is set", async () => {
    process.env.DIHYA_METRICS_TOKEN = "scrape-secret-2026";
    const none = await scrape();
    expect(none.status).toBe(401);
    expect(none.headers.get("content-type")).toContain("application/problem+json");
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect((await scrape("Bearer scrape-secret-2025")).status).toBe(401);
    expect((await scrape("Bearer scrape-secret-2026x")).status).toBe(401);
    expect((await scrape("Basic c2NyYXBlOnNlY3JldA==")).status).toBe(401);
    const ok = await scrape("Bearer scrape-secret-2026");
    expect(ok.status).toBe(200);
    expect(parse(await ok.text()).has("dihya_servers")).toBe(true);
  });

  it("without DIHYA_METRICS_TOKEN, needs a caller who may read monitoring (never open to anyone)", async () => {
    delete process.env.DIHYA_METRICS_TOKEN;
    const key = (scopes: string[]) =>
      db.transaction(
        async (tx) => (await createApiKey(tx, systemActor, { name: `Scrape ${scopes.join(" ")}`, scopes: scopes as never })).value,
      );
    const anonymous = await scrape();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("content-type")).toContain("application/problem+json");
    expect((await scrape(`Bearer ${await key(["sites:read"])}`)).status).toBe(403);
    const reader = await scrape(`Bearer ${await key(["monitoring:read"])}`);
    expect(reader.status).toBe(200);
    expect(parse(await reader.text()).has("dihya_servers")).toBe(true);
  });

  it("refuses other methods with 405", async () => {
    const post = metricsRoute.POST as unknown as () => Promise<Response>;
    expect((await post()).status).toBe(405);
  });
});

describe("the test parser itself", () => {
  it("rejects what Prometheus would refuse", () => {
    expect(() => parse("# TYPE a counter\na -1\n")).toThrow(/negative counter/);
    expect(() => parse("a 1\n")).toThrow(/no TYPE/);
    expect(() => parse('# TYPE a gauge\na{x="1} 1\n')).toThrow();
    expect(() => parse('# TYPE a gauge\na{x="\\q"} 1\n')).toThrow(/bad escape/);
    expect(() => parse("# TYPE a gauge\na 1\na 2\n")).toThrow(/duplicate/);
    expect(() => parse("# TYPE a gauge\na one\n")).toThrow(/bad value/);
    expect(() => parse('# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_sum 1\nh_count 1\n')).toThrow(/cumulative/);
    expect(() => parse("# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\n# TYPE a gauge\n")).toThrow(/twice/);
    expect(parse('# HELP a A "help"\n# TYPE a gauge\na{x="q\\"\\\\"} 1.5e3 1700000000000\n').get("a")!.samples[0]).toEqual({
      name: "a",
      labels: { x: 'q"\\' },
      value: 1500,
    });
  });
});
