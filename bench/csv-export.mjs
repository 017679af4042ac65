#!/usr/bin/env node
// CSV export benchmark: GET /api/audit/export?format=csv on a production server against
// PostgreSQL's own COPY … TO STDOUT WITH CSV of the same columns and order, in the same
// run. Goals: export ≥ 0.5× COPY's rows/s, server RSS growth < 100 MB. See bench/README.md.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import postgres from "postgres";
import { BenchError, fail, rssOf, sampleRss, signIn, sleep } from "./measurements-server.mjs";

const root = process.cwd();
const databaseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/dihya_bench";
const rowCount = Number(process.env.BENCH_ROWS ?? 1_000_000);
const port = 3199;
const origin = `http://localhost:${port}`;
const goals = { ratio: 0.5, rssGrowthMb: 100 };

const copyQuery = `copy (
  select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), actor_type, actor_id, actor_label, action,
         entity_type, entity_id, ip, user_agent, request_id, changes::text, id
  from audit_log order by at desc, id desc) to stdout with csv`;

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);

/** Drops and recreates the bench database (never anything but a database named *bench*). */
async function recreateDatabase() {
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
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

function startServer() {
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      DIHYA_SEED: "demo",
      DIHYA_JOBS: "off",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
      DIHYA_SIGNIN_IP_LIMIT: "10000",
    },
  });
  let log = "";
  server.stderr.on("data", (d) => (log = (log + d).slice(-4000)));
  server.on("exit", (code) => {
    if (server.stopping) return;
    console.error(`bench: the server exited early (code ${code}). Its last output:\n${log}`);
    process.exit(1);
  });
  return server;
}

async function stopServer(server) {
  server.stopping = true;
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  if ((await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)])) === false) server.kill("SIGKILL");
}

async function waitReady() {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  fail("the server did not answer /api/health within 90 s.");
}

/** Samples the server's RSS every 100 ms while `work` runs; resolves to the work's result and the peak. */
async function withRssSampling(pid, work) {
  const sampling = sampleRss(pid);
  try {
    const result = await work();
    return { result, peak: sampling.peak() };
  } finally {
    sampling.stop();
  }
}

/**
 * Streams the export body to nowhere; counts bytes and records. `identity` (the default) asks
 * for the bytes as they are, like COPY gives them; with `gzip` Next compresses the body on the
 * server (and fetch inflates it here), which is extra work COPY does not do: printed apart.
 */
async function runExport(cookie, query = "format=csv", encoding = "identity") {
  const started = performance.now();
  const res = await fetch(`${origin}/api/audit/export?${query}`, { headers: { cookie, "accept-encoding": encoding } });
  if (res.status !== 200) fail(`export answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body) {
    bytes += chunk.byteLength;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return { seconds: (performance.now() - started) / 1000, bytes, rows: lines - 1 };
}

/** COPY of the same columns and order through postgres.js, drained to nowhere. */
async function runCopy(sql) {
  const started = performance.now();
  const stream = await sql.unsafe(copyQuery).readable();
  let bytes = 0;
  await new Promise((resolve, reject) => {
    stream.on("data", (chunk) => (bytes += chunk.length));
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  return { seconds: (performance.now() - started) / 1000, bytes };
}

async function main() {
  if (!existsSync(join(root, ".next", "BUILD_ID"))) fail("no production build (.next/BUILD_ID is missing): run `npx next build` first.");
  const t0 = performance.now();
  await recreateDatabase();
  console.log(`bench: database recreated; starting the server on port ${port} (migrations and demo data)…`);
  const server = startServer();
  process.on("SIGINT", () => stopServer(server).then(() => process.exit(130)));
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await waitReady();
    const cookie = await signIn(origin, "admin@demo.dihya.dz", "Dihya-demo-2026");
    console.log(`bench: generating ${rowCount.toLocaleString("en")} audit rows…`);
    await sql.unsafe(`
      insert into audit_log (at, actor_type, actor_id, actor_label, action, entity_type, entity_id, changes, ip, user_agent, request_id)
      select now() - g * interval '10 millisecond', 'user', 'u-' || (g % 50), 'agent' || (g % 50) || '@demo.dihya.dz',
             (array['user.updated','site.created','invoice.issued','export.created'])[1 + g % 4], 'site', 's-' || (g % 5000),
             jsonb_build_object('power_kw', jsonb_build_object('old', g % 300, 'new', g % 300 + 5), 'name', jsonb_build_object('old', 'Poste ' || g, 'new', 'Poste, Béjaïa ' || g)),
             '198.51.' || (g % 250) || '.' || (g % 199), 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36',
             'req-' || g
      from generate_series(1, ${rowCount}) as g`);
    await sql`analyze audit_log`;

    await runExport(cookie, "format=csv&action=none"); // compiles and warms the route
    await sleep(500);
    const before = rssOf(server.pid);
    const copies = [await runCopy(sql), await runCopy(sql)];
    const { result: exports, peak } = await withRssSampling(server.pid, async () => [await runExport(cookie), await runExport(cookie)]);
    const gzipped = await runExport(cookie, "format=csv", "gzip");
    const copy = copies.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
    const best = exports.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
    const copyRate = best.rows / copy.seconds;
    const exportRate = best.rows / best.seconds;
    const ratio = exportRate / copyRate;
    const growth = (peak - before) / 1024 / 1024;
    const pad = (s) => String(s).padStart(12);
    console.log(`
rows exported           ${pad(best.rows.toLocaleString("en"))}
export  (HTTP, CSV)     ${pad(Math.round(exportRate).toLocaleString("en"))} rows/s   ${best.seconds.toFixed(2)} s   ${mb(best.bytes)} MB   runs: ${exports.map((e) => e.seconds.toFixed(2)).join(" s, ")} s
export, gzip requested   ${pad(Math.round(gzipped.rows / gzipped.seconds).toLocaleString("en"))} rows/s   ${gzipped.seconds.toFixed(2)} s   (for information: compression on the server)
COPY    (postgres.js)   ${pad(Math.round(copyRate).toLocaleString("en"))} rows/s   ${copy.seconds.toFixed(2)} s   ${mb(copy.bytes)} MB   runs: ${copies.map((c) => c.seconds.toFixed(2)).join(" s, ")} s
ratio export / COPY     ${pad(ratio.toFixed(2))}   (goal ≥ ${goals.ratio})  ${ratio >= goals.ratio ? "ok" : "MISSED"}
server RSS              ${pad(mb(before))} MB before, ${mb(peak)} MB peak, growth ${growth.toFixed(1)} MB (goal < ${goals.rssGrowthMb})  ${growth < goals.rssGrowthMb ? "ok" : "MISSED"}
total bench time        ${pad(((performance.now() - t0) / 1000).toFixed(1))} s`);
    process.exitCode = ratio >= goals.ratio && growth < goals.rssGrowthMb ? 0 : 2;
  } finally {
    await sql.end({ timeout: 5 });
    await stopServer(server);
  }
}

main().catch((error) => {
  console.error(`bench: ${error instanceof BenchError ? error.message : (error.stack ?? error)}`);
  process.exit(1);
});
