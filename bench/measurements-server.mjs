// The production server of the measurements benchmark: start, wait, stop, memory.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";

export class BenchError extends Error {}
/** Stops the run: main() stops the server, then the message is printed and the exit code is 1. */
export function fail(message) {
  throw new BenchError(message);
}
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** `next start` on `port` against `databaseUrl`: no demo data, one admin, jobs off, API limits lifted; `overrides` win. */
export function startServer(root, port, databaseUrl, overrides = {}) {
  const env = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    DIHYA_SEED: "none",
    DIHYA_ADMIN_EMAIL: "bench-admin@bench.dihya.dz",
    DIHYA_ADMIN_PASSWORD: randomBytes(18).toString("base64url"),
    DIHYA_JOBS: "off",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    DIHYA_API_RATE_LIMIT: "1000000",
    DIHYA_API_IP_RATE_LIMIT: "1000000",
    ...overrides,
  };
  delete env.MQTT_URL;
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    env,
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

export async function stopServer(server) {
  server.stopping = true;
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  if ((await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)])) === false) server.kill("SIGKILL");
}

export async function waitReady(origin) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  fail("the server did not answer /api/health within 120 s.");
}

export function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** Samples the server's RSS every 100 ms until stopped; `peak()` is the highest seen. */
export function sampleRss(pid) {
  let peak = rssOf(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 100);
  return {
    peak: () => Math.max(peak, rssOf(pid)),
    stop: () => clearInterval(timer),
  };
}

/** Signs in through Auth.js's credentials endpoints (CSRF token, then the callback); returns the Cookie header. */
export async function signIn(origin, email, password) {
  const jar = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = await csrf.json();
  const res = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  keep(res);
  if (res.status !== 302 || (res.headers.get("location") ?? "").includes("error=")) fail(`sign-in failed (${res.status}).`);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) fail("sign-in set no session cookie.");
  return cookie();
}
