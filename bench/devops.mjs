#!/usr/bin/env node
// IT/DevOps benchmark on a production server and PostgreSQL, with 2,000 servers × 5 metrics:
// (a) metric ingest through POST /api/monitoring/metrics (agent tokens, batches of 1,000 points)
//     against postgres.js inserting the same rows, as a ratio;
// (b) time from a threshold crossing (the push of a value over a rule's threshold) to its
//     notification row, p95, while every server keeps pushing (goal ≤ 30 s);
// (c) server render time of the fleet page at 2,000 servers (goal < 1 s).
// See bench/README.md.
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import postgres from "postgres";
import { migrateSchema } from "./measurements-data.mjs";
import { BenchError, fail, signIn, sleep, startServer, stopServer, waitReady } from "./measurements-server.mjs";

const root = process.cwd();
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const databaseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/dihya_bench_devops";
const serverCount = env("BENCH_SERVERS", 2000);
const metrics = ["cpu", "memory", "disk", "load", "net_rx"];
const batches = env("BENCH_BATCHES", 30);
const batchSize = 1000;
const crossings = env("BENCH_CROSSINGS", 40);
const renderRuns = env("BENCH_RENDER_RUNS", 20);
const port = env("BENCH_PORT", 3197);
const origin = `http://localhost:${port}`;
const goals = { notifyP95s: 30, renderMs: 1000 };
const adminEmail = "bench-admin@bench.dihya.dz";
const adminPassword = randomBytes(18).toString("base64url");

const secs = (ms) => (ms / 1000).toFixed(1);
const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
const pad = (n) => String(n).padStart(4, "0");

/** Drops and recreates the bench database (never anything but a database named *bench*). */
async function recreateDatabase() {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!/bench/.test(name)) fail(`refusing to drop "${name}": BENCH_DATABASE_URL must name a database containing "bench".`);
  const adminUrl = new URL(databaseUrl);
  adminUrl.pathname = "/postgres";
  const admin = postgres(adminUrl.href, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    await admin`select 1`;
  } catch (error) {
    fail(`PostgreSQL is unreachable at ${adminUrl.host} (${error.code ?? error.message}). Start it or set BENCH_DATABASE_URL.`);
  }
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
}

/**
 * 2,000 running servers (plus two for the ingest comparison), an agent token each (stored as
 * the app stores them: SHA-256), and their five series with a last value an hour old.
 */
async function createFleet(sql) {
  const rows = [...Array(serverCount + 2).keys()].map((i) => ({
    hostname: i < serverCount ? `bench-${pad(i + 1)}` : `bench-ingest-${i - serverCount + 1}`,
    kind: "vm",
    location: i % 2 ? "DC Alger" : "DC Casablanca",
    country: i % 2 ? "DZ" : "MA",
    environment: i % 10 === 0 ? "staging" : "production",
    role: ["web", "db", "cache", "k8s-node"][i % 4],
    status: "running",
    monitor_state: "up",
  }));
  const servers = [];
  for (let i = 0; i < rows.length; i += 1000)
    servers.push(...(await sql`insert into servers ${sql(rows.slice(i, i + 1000))} returning id, hostname`));
  const tokens = servers.map((s) => ({ server: s, value: `dha_${randomBytes(24).toString("base64url")}` }));
  const tokenRows = tokens.map((t) => ({
    server_id: t.server.id,
    hash: createHash("sha256").update(t.value).digest("hex"),
    hint: t.value.slice(-4),
    created_by: "bench",
  }));
  for (let i = 0; i < tokenRows.length; i += 1000) await sql`insert into agent_tokens ${sql(tokenRows.slice(i, i + 1000))}`;
  await sql`insert into metric_series (server_id, name, last_value, last_ts)
    select s.id, m.name, 20, now() - interval '1 hour' from servers s cross join unnest(${metrics}::text[]) as m(name)`;
  const byHost = new Map(tokens.map((t) => [t.server.hostname, t]));
  return {
    fleet: tokens.slice(0, serverCount),
    ingest: byHost.get("bench-ingest-1"),
    raw: byHost.get("bench-ingest-2"),
  };
}

async function push(token, points) {
  const res = await fetch(`${origin}/api/monitoring/metrics`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ points }),
  });
  const answer = await res.json();
  if (res.status !== 200 || answer.rejected?.length) fail(`metrics ingest answered ${res.status}: ${JSON.stringify(answer).slice(0, 400)}`);
  return answer;
}

/** Batch `i` of one server: 200 consecutive minutes × 5 metrics, ending before now. */
function batchPoints(i, now) {
  const minutes = batchSize / metrics.length;
  const start = now - (batches + 2) * minutes * 60_000;
  return [...Array(minutes).keys()].flatMap((k) =>
    metrics.map((metric, j) => ({
      metric,
      ts: new Date(start + (i * minutes + k) * 60_000).toISOString(),
      value: Math.round((30 + 10 * j + 8 * Math.sin(k / 9)) * 100) / 100,
    })),
  );
}

/** (a) Alternating rounds after a warm-up each: HTTP ingest vs a raw multi-row INSERT of the same points. */
async function measureIngest(sql, fleet) {
  const now = Date.now();
  const [rawSeries] = await sql`select id from metric_series where server_id = ${fleet.raw.server.id} and name = 'cpu'`;
  const ids = new Map((await sql`select id, name from metric_series where server_id = ${fleet.raw.server.id}`).map((r) => [r.name, r.id]));
  if (!rawSeries) fail("bench series missing");
  const insert = async (points) => {
    const values = points.map((p) => ({ series_id: ids.get(p.metric), ts: p.ts, value: p.value }));
    const started = performance.now();
    await sql`insert into metric_points ${sql(values, "series_id", "ts", "value")}`;
    return performance.now() - started;
  };
  const post = async (points) => {
    const started = performance.now();
    const answer = await push(fleet.ingest.value, points);
    if (answer.accepted !== points.length) fail(`ingest accepted ${answer.accepted} of ${points.length}`);
    return performance.now() - started;
  };
  await post(batchPoints(0, now));
  await insert(batchPoints(0, now));
  let http = 0;
  let direct = 0;
  for (let i = 1; i <= batches; i++) {
    http += await post(batchPoints(i, now));
    direct += await insert(batchPoints(i, now));
  }
  const rows = batches * batchSize;
  return { httpRate: rows / (http / 1000), rawRate: rows / (direct / 1000), http, direct };
}

/**
 * (b) A CPU rule (> 90 %, no pending period, notifying admins). Every server pushes its five
 * metrics once a minute (spread over the minute, as agents do); `crossings` servers, one every
 * 1.5 s, push a CPU of 99 %. The latency is the notification row's time minus the push time.
 */
async function measureNotify(sql, cookie, fleet) {
  const rule = await fetch(`${origin}/api/monitoring/rules`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({
      name: "Bench CPU",
      metric: "cpu",
      selector: {},
      comparator: "gt",
      threshold: 90,
      forSeconds: 0,
      severity: "sev2",
      openIncident: false,
      notifyRoles: ["admin"],
      repeatMinutes: 240,
      enabled: true,
    }),
  });
  if (rule.status !== 201) fail(`rule creation answered ${rule.status}: ${(await rule.text()).slice(0, 300)}`);
  const crossing = fleet.fleet.slice(0, crossings);
  const crossedAt = new Map();
  let stop = false;
  // Background load: every server once per minute, spread evenly (≈ 33 pushes/s for 2,000).
  const background = (async () => {
    let i = 0;
    const spacing = 60_000 / fleet.fleet.length;
    while (!stop) {
      const t = fleet.fleet[i % fleet.fleet.length];
      i++;
      if (crossedAt.has(t.server.hostname)) continue;
      const ts = new Date().toISOString();
      push(
        t.value,
        metrics.map((metric) => ({ metric, ts, value: metric === "cpu" ? 35 : 40 })),
      ).catch((e) => console.error(e.message));
      await sleep(spacing);
    }
  })();
  for (const t of crossing) {
    const ts = new Date();
    crossedAt.set(t.server.hostname, ts.getTime());
    await push(t.value, [{ metric: "cpu", ts: ts.toISOString(), value: 99 }]);
    await sleep(1500);
  }
  const deadline = Date.now() + 120_000;
  let latencies = [];
  while (Date.now() < deadline) {
    const rows = await sql`select n.params->>'server' as host, min(n.created_at) as at
      from notifications n join users u on u.id = n.user_id
      where n.kind = 'devops.alert.firing' and u.email = ${adminEmail}
      group by 1`;
    latencies = rows.filter((r) => crossedAt.has(r.host)).map((r) => (new Date(r.at).getTime() - crossedAt.get(r.host)) / 1000);
    if (latencies.length >= crossing.length) break;
    await sleep(1000);
  }
  stop = true;
  await background;
  const [dupes] = await sql`select count(*)::int as n from notifications where kind = 'devops.alert.firing'`;
  latencies.sort((a, b) => a - b);
  return { latencies, expected: crossing.length, notifications: dupes.n };
}

/** (c) GET /devops/fleet, whole HTML drained, after 3 warm-ups. */
async function measureRender(cookie) {
  const get = async () => {
    const started = performance.now();
    const res = await fetch(`${origin}/devops/fleet`, { headers: { cookie } });
    const html = await res.text();
    if (res.status !== 200) fail(`/devops/fleet answered ${res.status}: ${html.slice(0, 300)}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) await get();
  const times = [];
  for (let i = 0; i < renderRuns; i++) times.push(await get());
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

async function main() {
  if (!existsSync(join(root, ".next", "BUILD_ID"))) fail("no production build (.next/BUILD_ID is missing): run `npx next build` first.");
  const t0 = performance.now();
  await recreateDatabase();
  const sql = postgres(databaseUrl, { max: 4, onnotice: () => {} });
  let server = null;
  try {
    await migrateSchema(sql, root);
    const fleet = await createFleet(sql);
    console.log(
      `bench: ${serverCount.toLocaleString("en")} servers × ${metrics.length} metrics ready; starting the server on port ${port}…`,
    );
    // Jobs on: the alert rules are evaluated by the scheduled job, as in production.
    server = startServer(root, port, databaseUrl, {
      DIHYA_JOBS: "on",
      DIHYA_ADMIN_EMAIL: adminEmail,
      DIHYA_ADMIN_PASSWORD: adminPassword,
      DIHYA_TEMPLATES: "devops",
    });
    process.on("SIGINT", () => stopServer(server).then(() => process.exit(130)));
    await waitReady(origin);
    const cookie = await signIn(origin, adminEmail, adminPassword);
    const ingest = await measureIngest(sql, fleet);
    const render = await measureRender(cookie);
    const notify = await measureNotify(sql, cookie, fleet);
    const ratio = ingest.httpRate / ingest.rawRate;
    const ok = (b) => (b ? "ok" : "MISSED");
    const r = (v) => Math.round(v).toLocaleString("en").padStart(9);
    const p95 = notify.latencies.length ? percentile(notify.latencies, 0.95) : Infinity;
    const p50 = notify.latencies.length ? percentile(notify.latencies, 0.5) : Infinity;
    const all = notify.latencies.length === notify.expected;
    console.log(`
servers × metrics          ${serverCount.toLocaleString("en")} × ${metrics.length}
(a) metric ingest, ${batches} batches of ${batchSize.toLocaleString("en")} points
    HTTP POST /api/monitoring/metrics  ${r(ingest.httpRate)} points/s   ${secs(ingest.http)} s
    postgres.js INSERT                 ${r(ingest.rawRate)} points/s   ${secs(ingest.direct)} s
    ratio HTTP / INSERT                ${ratio.toFixed(2).padStart(9)}
(b) threshold crossing → notification, ${notify.expected} crossings under load
    notified ${notify.latencies.length} of ${notify.expected} (${notify.notifications} firing notifications in all)
    p50 ${p50.toFixed(1)} s   p95 ${p95.toFixed(1)} s   (goal p95 ≤ ${goals.notifyP95s} s)  ${ok(all && p95 <= goals.notifyP95s)}
(c) fleet page server render, ${renderRuns} runs
    p50 ${render.p50.toFixed(0)} ms   p95 ${render.p95.toFixed(0)} ms   (goal < ${goals.renderMs} ms)  ${ok(render.p95 < goals.renderMs)}
total bench time           ${secs(performance.now() - t0)} s`);
    process.exitCode = all && p95 <= goals.notifyP95s && render.p95 < goals.renderMs ? 0 : 2;
  } finally {
    await sql.end({ timeout: 5 });
    if (server) await stopServer(server);
  }
}

main().catch((error) => {
  console.error(`bench: ${error instanceof BenchError ? error.message : (error.stack ?? error)}`);
  process.exit(1);
});
