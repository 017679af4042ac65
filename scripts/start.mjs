#!/usr/bin/env node
// `npm start`: builds when the sources are newer than the last build, then serves with
// `next start`, which applies migrations and loads the demo data at start-up
// (instrumentation.ts). Signals are forwarded to the server.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = process.cwd();
const sources = [
  "app",
  "components",
  "db",
  "server",
  "lib",
  "i18n",
  "messages",
  "public",
  "auth.ts",
  "auth.config.ts",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "tailwind.config.ts",
  "package.json",
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), st.mtimeMs);
}

/** A stable secret kept in ./data/auth-secret when AUTH_SECRET is not set (first run, demo). */
function localSecret() {
  const file = join(root, "data", "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(join(root, "data"), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
env.AUTH_SECRET ||= localSecret();

const buildId = join(root, ".next", "BUILD_ID");
const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
if (built < Math.max(...sources.map((s) => newest(join(root, s))))) {
  console.log("[dihya] building (sources changed since the last build)…");
  const r = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const port = process.env.PORT ?? "3000";
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
