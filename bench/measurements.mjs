#!/usr/bin/env node
// Measurements benchmark: 10 million readings generated into PostgreSQL with COPY, then on a
// production server (a) HTTP ingest of batches of 1,000 readings against postgres.js inserting
// the same rows, (b) p50/p95 of the 30-day daily and 1-year monthly series of one site,
// (c) server RSS. Goals: ratio ≥ 0.8, p95 ≤ 50 ms. `--data-only`: only the data part (no build
// needed). See bench/README.md.
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import postgres from "postgres";
import { buildRollups, copyReadings, createFleet, migrateSchema, slotMs, slotsPerMeter } from "./measurements-data.mjs";
import { BenchError, fail, rssOf, sampleRss, sleep, startServer, stopServer, waitReady } from "./measurements-server.mjs";

const root = process.cwd();
const env = (name, fallback) => Number(process.env[name] ?? fallback);
const databaseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/dihya_bench_measurements";
const total = env("BENCH_READINGS", 10_000_000);
const batches = env("BENCH_BATCHES", 30);
const batchSize = 1_000;
const ingestMeters = 10;
const queryRuns = env("BENCH_QUERY_RUNS", 50);
const copyStreams = env("BENCH_COPY_STREAMS", 2);
const port = env("BENCH_PORT", 3198);
const origin = `http://localhost:${port}`;
const goals = { ratio: 0.8, p95Ms: 50 };
const dataOnly = process.argv.includes("--data-only");

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
const secs = (ms) => (ms / 1000).toFixed(1);
const day = (t) => new Date(t).toISOString().slice(0, 10);

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

/** Schema, fleet, readings (COPY) and rollups; prints the timings of each step. */
async function loadData(sql, end) {
  const start = end - slotsPerMeter * slotMs;
  let t = performance.now();
  await migrateSchema(sql, root);
  const fleet = await createFleet(sql, Math.ceil(total / slotsPerMeter), ingestMeters);
  console.log(
    `bench: schema and ${fleet.generated.length} meters ready in ${secs(performance.now() - t)} s; COPY of ${total.toLocaleString("en")} readings…`,
  );
  t = performance.now();
  const rows = await copyReadings(sql, fleet.generated, { start, total, streams: copyStreams });
  const copyMs = performance.now() - t;
  console.log(
    `bench: COPY ${rows.toLocaleString("en")} readings in ${secs(copyMs)} s (${Math.round(rows / (copyMs / 1000)).toLocaleString("en")} rows/s); rollups…`,
  );
  t = performance.now();
  await buildRollups(sql);
  const [h] = await sql`select (select count(*) from readings_hourly)::int as hours, (select count(*) from readings_daily)::int as days`;
  console.log(
    `bench: rollups (${h.hours.toLocaleString("en")} hours, ${h.days.toLocaleString("en")} days) and ANALYZE in ${secs(performance.now() - t)} s`,
  );
  return { ...fleet, start, rows };
}

/** A partner key with measurements:read and :write, stored as the app stores keys (SHA-256). */
async function createKey(sql) {
  const value = `dihya_${randomBytes(16).toString("hex")}`;
  const hash = createHash("sha256").update(value).digest("hex");
  await sql`insert into api_keys (name, prefix, hash, scopes, rate_limit)
    values ('Bench', ${value.slice(0, 10)}, ${hash}, ${JSON.stringify(["measurements:read", "measurements:write"])}::jsonb, 1000000)`;
  return value;
}

/** Batch `i`: 100 consecutive quarters of each of the ten meters, from `start`. */
function batchRows(meters, start, i) {
  const perMeter = batchSize / meters.length;
  return meters.flatMap((m, j) =>
    [...Array(perMeter).keys()].map((k) => {
      const ts = new Date(start + (i * perMeter + k) * slotMs);
      return { meter: m, ts, value: Math.round((5 + j + Math.sin(k / 8) * 3) * 1000) / 1000 };
    }),
  );
}

async function postBatch(key, rows) {
  const body = JSON.stringify({
    readings: rows.map((r) => ({ meter: r.meter.code, ts: r.ts.toISOString(), value: r.value, unit: "kWh" })),
  });
  const started = performance.now();
  const res = await fetch(`${origin}/api/consommation`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body,
  });
  const answer = await res.json();
  const ms = performance.now() - started;
  if (res.status !== 200 || answer.accepted !== rows.length) fail(`ingest answered ${res.status}: ${JSON.stringify(answer).slice(0, 400)}`);
  return ms;
}

async function insertBatch(sql, rows) {
  const values = rows.map((r) => ({
    meter_id: r.meter.id,
    ts: r.ts.toISOString(),
    value: r.value,
    original_value: r.value,
    original_unit: "kWh",
    source: "api",
  }));
  const started = performance.now();
  await sql`insert into readings ${sql(values, "meter_id", "ts", "value", "original_value", "original_unit", "source")}`;
  return performance.now() - started;
}

/** (a) Alternating rounds, after one warm-up batch each: HTTP ingest vs raw multi-row INSERT of the same rows. */
async function measureIngest(sql, key, fleet) {
  const through = (i) => batchRows(fleet.ingest, fleet.start, i);
  const inserted = (i) => batchRows(fleet.raw, fleet.start, i);
  await postBatch(key, through(0));
  await insertBatch(sql, inserted(0));
  let http = 0;
  let direct = 0;
  for (let i = 1; i <= batches; i++) {
    http += await postBatch(key, through(i));
    direct += await insertBatch(sql, inserted(i));
  }
  const rows = batches * batchSize;
  return { httpRate: rows / (http / 1000), rawRate: rows / (direct / 1000), http, direct, rows };
}

const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];

/** (b) `runs` timed GETs of one series URL after 5 warm-ups; p50/p95 in ms. */
async function measureQuery(key, path) {
  const get = async () => {
    const started = performance.now();
    const res = await fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${key}` } });
    const body = await res.json();
    const ms = performance.now() - started;
    if (res.status !== 200) fail(`${path} answered ${res.status}: ${JSON.stringify(body).slice(0, 400)}`);
    return { ms, points: body.points.length, meters: body.meters.length };
  };
  let first;
  for (let i = 0; i < 5; i++) first = await get();
  const times = [];
  for (let i = 0; i < queryRuns; i++) times.push((await get()).ms);
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), points: first.points, meters: first.meters };
}

async function main() {
  if (!dataOnly && !existsSync(join(root, ".next", "BUILD_ID")))
    fail("no production build (.next/BUILD_ID is missing): run `npx next build` first.");
  const t0 = performance.now();
  const end = Math.floor(Date.now() / 86_400_000) * 86_400_000; // today 00:00 UTC
  await recreateDatabase();
  const sql = postgres(databaseUrl, { max: Math.max(2, copyStreams), onnotice: () => {} });
  let server = null;
  try {
    const fleet = await loadData(sql, end);
    if (dataOnly) return console.log(`bench: data only, done in ${secs(performance.now() - t0)} s`);
    const key = await createKey(sql);
    console.log(`bench: starting the server on port ${port}…`);
    server = startServer(root, port, databaseUrl);
    process.on("SIGINT", () => stopServer(server).then(() => process.exit(130)));
    await waitReady(origin);
    await sleep(500);
    const before = rssOf(server.pid);
    const rss = sampleRss(server.pid);
    const ingest = await measureIngest(sql, key, fleet);
    const site = encodeURIComponent(fleet.querySite);
    const daily = await measureQuery(
      key,
      `/api/consommation?site=${site}&granularity=day&from=${day(end - 30 * 86_400_000)}&to=${day(end - 86_400_000)}`,
    );
    const monthly = await measureQuery(
      key,
      `/api/consommation?site=${site}&granularity=month&from=${day(end - 365 * 86_400_000)}&to=${day(end - 86_400_000)}`,
    );
    rss.stop();
    const peak = rss.peak();
    await sleep(1000);
    const after = rssOf(server.pid);
    const ratio = ingest.httpRate / ingest.rawRate;
    const ok = (b) => (b ? "ok" : "MISSED");
    const ms = (v) => `${v.toFixed(1)} ms`;
    const r = (v) => Math.round(v).toLocaleString("en").padStart(9);
    console.log(`
readings in the database   ${fleet.rows.toLocaleString("en")} (+ ${(2 * (batches + 1) * batchSize).toLocaleString("en")} ingested by the bench)
(a) ingest, ${batches} batches of ${batchSize.toLocaleString("en")}
    HTTP POST /api/consommation  ${r(ingest.httpRate)} readings/s   ${secs(ingest.http)} s
    postgres.js INSERT           ${r(ingest.rawRate)} readings/s   ${secs(ingest.direct)} s
    ratio HTTP / INSERT          ${ratio.toFixed(2).padStart(9)}   (goal ≥ ${goals.ratio})  ${ok(ratio >= goals.ratio)}
(b) series of ${fleet.querySite} (${daily.meters} consumption meters), ${queryRuns} runs each
    day, 30 days (${daily.points} points)     p50 ${ms(daily.p50)}   p95 ${ms(daily.p95)}   (goal p95 ≤ ${goals.p95Ms} ms)  ${ok(daily.p95 <= goals.p95Ms)}
    month, 1 year (${monthly.points} points)  p50 ${ms(monthly.p50)}   p95 ${ms(monthly.p95)}   (goal p95 ≤ ${goals.p95Ms} ms)  ${ok(monthly.p95 <= goals.p95Ms)}
(c) server RSS              ${mb(before)} MB before, ${mb(peak)} MB peak, ${mb(after)} MB after
total bench time            ${secs(performance.now() - t0)} s`);
    process.exitCode = ratio >= goals.ratio && daily.p95 <= goals.p95Ms && monthly.p95 <= goals.p95Ms ? 0 : 2;
  } finally {
    await sql.end({ timeout: 5 });
    if (server) await stopServer(server);
  }
}

main().catch((error) => {
  console.error(`bench: ${error instanceof BenchError ? error.message : (error.stack ?? error)}`);
  process.exit(1);
});
