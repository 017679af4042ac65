#!/usr/bin/env node
// Billing benchmark (issue 6): (a) a billing run of BENCH_CONTRACTS (10,000) monthly contracts
// over one month of 15-minute readings on PostgreSQL (goal ≤ 10 s), against a baseline in the
// same run: the month's sum per meter read straight from the raw readings; (b) invoice PDF
// renderings per second (goal ≥ 50); (c) the client invoice page's first-load JavaScript,
// gzipped, from the production build (goal ≤ 130 kB). See bench/README.md.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import postgres from "postgres";
import { loadBillingData } from "./billing-data.mjs";

const root = process.cwd();
const databaseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/dihya_bench_billing";
const contracts = Number(process.env.BENCH_CONTRACTS ?? 10_000);
const goals = { runS: 10, pdfPerS: 50, jsKb: 130 };
const periodStart = process.env.BENCH_PERIOD_START ?? "2026-10-01";
const periodEnd = process.env.BENCH_PERIOD_END ?? "2026-11-01";

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

/** Whether the bench database already holds BENCH_CONTRACTS meters with their rollups. */
async function hasData() {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    const [row] = await sql`select (select count(*) from meters where code like 'BENCH-PDL-%')::int as meters,
      exists (select 1 from readings_daily) as rollups`;
    return row.meters === contracts && row.rollups;
  } catch {
    return false;
  } finally {
    await sql.end();
  }
}

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
 * First-load JavaScript of a page of the production build: the root chunks every page loads
 * plus every entry chunk of its route (layouts, page, error and not-found boundaries; from the
 * client reference manifest), each gzipped (level 9).
 */
function firstLoadJs(route) {
  const dir = join(root, ".next");
  if (!existsSync(join(dir, "BUILD_ID"))) return null;
  const manifestFile = join(dir, "server", "app", ...route.split("/").filter(Boolean), "page_client-reference-manifest.js");
  if (!existsSync(manifestFile)) return null;
  const text = readFileSync(manifestFile, "utf8");
  const json = JSON.parse(text.slice(text.indexOf("= {") + 2, text.lastIndexOf("}") + 1));
  const files = new Set();
  for (const list of Object.values(json.entryJSFiles ?? {})) for (const f of list) files.add(f);
  const build = JSON.parse(readFileSync(join(dir, "build-manifest.json"), "utf8"));
  // Polyfills are served with `nomodule`: modern browsers never download them.
  for (const f of build.rootMainFiles ?? []) files.add(f);
  const rootFiles = new Set(build.rootMainFiles ?? []);
  let raw = 0;
  let gz = 0;
  let frameworkGz = 0;
  for (const f of files) {
    if (!f.endsWith(".js")) continue;
    const bytes = readFileSync(join(dir, f));
    const size = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gz += size;
    if (rootFiles.has(f)) frameworkGz += size;
  }
  return { files: files.size, raw, gz, frameworkGz };
}

async function main() {
  // BENCH_KEEP_DATA=1 reuses the readings of a previous run (same BENCH_CONTRACTS); the timed part
  // then starts by emptying the billing tables. Handy when working on the billing code.
  if (!(process.env.BENCH_KEEP_DATA === "1" && (await hasData()))) {
    await recreateDatabase();
    const sql = postgres(databaseUrl, { max: 4, onnotice: () => {} });
    await loadBillingData(sql, root, {
      contracts,
      monthStart: Date.parse(`${periodStart}T00:00:00Z`),
      monthEnd: Date.parse(`${periodEnd}T00:00:00Z`),
      streams: 2,
    });
    await sql.end();
  } else console.log("bench: BENCH_KEEP_DATA=1, reusing the readings already loaded");

  const child = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--config", "bench/vitest.config.mts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      BENCH_PERIOD_START: periodStart,
      BENCH_PERIOD_END: periodEnd,
      DIHYA_SEED: "none",
      NO_COLOR: "1",
    },
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const figures = Object.fromEntries(
    (child.stdout ?? "")
      .split("\n")
      .map((l) => l.replace(/\x1b\[[0-9;]*m/g, "").trim())
      .filter((l) => l.startsWith("BENCH "))
      .map((l) => l.slice(6).split(" ")),
  );
  if (child.status !== 0 || !figures.run_ms) {
    console.error(child.stdout?.slice(-4000), child.stderr?.slice(-4000));
    fail("the timed part failed (output above)");
  }
  const runS = Number(figures.run_ms) / 1000;
  const baselineS = Number(figures.baseline_ms) / 1000;
  const pdf = Math.min(Number(figures.pdf_fr_per_s), Number(figures.pdf_ar_per_s));
  const js = firstLoadJs("/(client)/client/invoices/[id]");
  const ok = (pass) => (pass ? "ok" : "MISSED");
  const n = (v) => Number(v).toLocaleString("en");
  console.log(
    `contracts billed            ${n(figures.run_created)} of ${n(figures.contracts)} (failed ${figures.run_failed}), ${n(contracts * 96 * 33)} readings in the database`,
  );
  console.log(`billing run (one month)     ${runS.toFixed(2)} s   (goal ≤ ${goals.runS} s)  ${ok(runS <= goals.runS)}`);
  console.log(`baseline: month's sum per meter from raw readings, one SQL statement   ${baselineS.toFixed(2)} s`);
  console.log(
    `ratio baseline / billing run   ${(baselineS / runS).toFixed(2)}   (> 1: the whole run costs less than reading the raw month once)`,
  );
  console.log(
    `re-run of the same month    ${(Number(figures.rerun_ms) / 1000).toFixed(2)} s   created ${figures.rerun_created}, updated ${n(figures.rerun_updated)} (no duplicate)`,
  );
  console.log(
    `invoice PDF                 ${figures.pdf_fr_per_s}/s French, ${figures.pdf_ar_per_s}/s Arabic (${figures.pdf_fr_kb} kB, ${figures.pdf_ar_kb} kB)  (goal ≥ ${goals.pdfPerS}/s)  ${ok(pdf >= goals.pdfPerS)}`,
  );
  // kB = 1,000 bytes (as the goal and Next.js's own build output count them).
  const kb = (bytes) => (bytes / 1000).toFixed(1);
  if (js) {
    console.log(
      `client invoice page JS      ${kb(js.gz)} kB gzipped (${kb(js.raw)} kB raw, ${js.files} files)  (goal ≤ ${goals.jsKb} kB)  ${ok(js.gz / 1000 <= goals.jsKb)}`,
    );
    console.log(
      `  of which Next.js + React  ${kb(js.frameworkGz)} kB (root chunks every page loads), ours ${kb(js.gz - js.frameworkGz)} kB`,
    );
  } else console.log("client invoice page JS      no production build (.next): run `npx next build` first");
  const missed = runS > goals.runS || pdf < goals.pdfPerS || !js || js.gz / 1000 > goals.jsKb;
  process.exit(missed ? 2 : 0);
}

main().catch((error) => fail(error.stack ?? String(error)));
