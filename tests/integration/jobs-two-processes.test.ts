import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog, jobs } from "@/db/schema";
import { freshDb } from "../support/db";

// Two real `npm run worker` processes (the same command) on one PostgreSQL: every minute
// the `platform.selftest` schedule (DIHYA_JOBS_SELFTEST=1) must run exactly once.
const databaseUrl = process.env.TEST_DATABASE_URL;
const root = path.resolve(import.meta.dirname, "../..");
const children: { proc: ChildProcess; out: string[] }[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startWorker(name: string) {
  const out: string[] = [];
  const proc = spawn(process.execPath, ["--import", "tsx", "server/worker.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, DIHYA_JOBS_SELFTEST: "1", DIHYA_JOB_POLL_MS: "200", DIHYA_JOB_GRACE_MS: "5000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout?.on("data", (chunk: Buffer) => out.push(`[${name}] ${chunk}`));
  proc.stderr?.on("data", (chunk: Buffer) => out.push(`[${name}!] ${chunk}`));
  children.push({ proc, out });
  return { proc, out };
}

const exited = (proc: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (proc.exitCode !== null) resolve(proc.exitCode);
    else proc.once("exit", (code) => resolve(code));
  });

afterAll(() => {
  for (const { proc } of children) if (proc.exitCode === null) proc.kill("SIGKILL");
});

describe.skipIf(!databaseUrl)("jobs across two worker processes (PostgreSQL)", () => {
  it("runs each scheduled occurrence exactly once, across two minute boundaries", { timeout: 200_000 }, async () => {
    const db = await freshDb();
    const a = startWorker("A");
    const b = startWorker("B");
    const deadline = Date.now() + 180_000;
    let done: (typeof jobs.$inferSelect)[] = [];
    while (Date.now() < deadline) {
      done = await db
        .select()
        .from(jobs)
        .where(and(eq(jobs.kind, "platform.selftest"), eq(jobs.status, "succeeded")));
      if (done.length >= 2) break;
      await sleep(1000);
    }
    const logs = () => [...a.out, ...b.out].join("");
    expect(done.length, logs()).toBeGreaterThanOrEqual(2);
    expect(a.out.join("")).toContain("[worker] ready");
    expect(b.out.join("")).toContain("[worker] ready");

    const all = await db.select().from(jobs).where(eq(jobs.kind, "platform.selftest"));
    const occurrences = all.map((j) => j.dedupeKey);
    expect(new Set(occurrences).size).toBe(all.length);
    for (const key of occurrences) expect(key).toMatch(/^schedule:platform\.selftest:\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
    for (const job of done) expect(job.attempts).toBe(1);
    const runs = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "job.selftest"),
          inArray(
            auditLog.entityId,
            done.map((j) => j.id),
          ),
        ),
      );
    expect(runs.map((r) => r.entityId).sort()).toEqual(done.map((j) => j.id).sort());
    expect(runs.every((r) => r.actorId === "job:platform.selftest")).toBe(true);

    a.proc.kill("SIGTERM");
    b.proc.kill("SIGTERM");
    expect(await Promise.all([exited(a.proc), exited(b.proc)])).toEqual([0, 0]);
    expect(logs()).toContain("[worker] stopped");
  });
});
