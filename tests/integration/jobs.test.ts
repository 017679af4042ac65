import { and, eq, like, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, idempotencyKeys, jobs, jobSchedules, notifications, rateLimits } from "@/db/schema";
import { runnerOptionsFromEnv, retryDelayMs, type RunnerOptions } from "@/server/platform/jobs/config";
import { enqueue } from "@/server/platform/jobs/enqueue";
import { retryJob, setScheduleEnabled } from "@/server/platform/jobs/jobs-admin";
import { claimJobs, markSucceeded } from "@/server/platform/jobs/lease";
import { defineJob, type JobContext } from "@/server/platform/jobs/registry";
import { createRunner } from "@/server/platform/jobs/runner";
import { ensureSchedule, nextOccurrence, tickSchedules } from "@/server/platform/jobs/scheduler";
import "@/server/platform/jobs/cleanup";
import { createUser } from "@/server/users/users-service";
import { freshDb, systemActor } from "../support/db";

let db: Db;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const runner = (id: string, extra: Partial<RunnerOptions> = {}) =>
  createRunner(db, runnerOptionsFromEnv({ id, pollMs: 20, leaseMs: 2000, backoffBaseMs: 200, graceMs: 2000, ...extra }));
const jobRow = async (id: string) => (await db.select().from(jobs).where(eq(jobs.id, id)))[0]!;
const queue = (kind: string, extra: Parameters<typeof enqueue>[1] extends infer T ? Partial<T> : never = {}) =>
  db.transaction(async (tx) => (await enqueue(tx, { kind, ...extra }))!);

const seen: { kind: string; payload: Record<string, unknown>; ctx: JobContext; lockedBy: string | null }[] = [];
defineJob("test.echo", async (payload, ctx) => {
  const row = await jobRow(ctx.jobId);
  seen.push({ kind: "test.echo", payload, ctx, lockedBy: row.lockedBy });
});
defineJob("test.broken", async () => {
  throw new Error(`the remote end said no ${"x".repeat(5000)}`);
});
defineJob("test.slow", async (payload, ctx) => {
  const ms = Number(payload.ms);
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    ctx.signal.addEventListener("abort", () => {
      clearTimeout(t);
      reject(ctx.signal.reason as Error);
    });
  });
});

let adminId: string;
beforeAll(async () => {
  db = await freshDb();
  const admin = await db.transaction((tx) =>
    createUser(tx, systemActor, {
      name: "Nadia",
      email: "nadia@example.dz",
      role: "admin",
      locale: "fr",
      password: "correct horse battery",
    }),
  );
  adminId = admin.id;
});

describe("job runner", () => {
  beforeEach(async () => {
    await db.delete(jobs);
  });

  it("leases a due job to one runner, runs it as the system actor and records success", async () => {
    const id = await queue("test.echo", { payload: { hello: "azul" } });
    expect(await runner("A").runDue()).toEqual(["succeeded"]);
    const done = seen.find((s) => s.ctx.jobId === id)!;
    expect(done.payload).toEqual({ hello: "azul" });
    expect(done.lockedBy).toBe("A");
    expect(done.ctx.actor).toEqual({ kind: "system", id: "job:test.echo" });
    expect(done.ctx.attempt).toBe(1);
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: "succeeded", attempts: 1, lockedBy: null, lockedUntil: null });
    expect(row.finishedAt).toBeInstanceOf(Date);
    expect(await runner("B").runDue()).toEqual([]);
  });

  it("does not run a job before its run_at", async () => {
    const id = await queue("test.echo", { runAt: new Date(Date.now() + 60_000) });
    expect(await runner("A").runDue()).toEqual([]);
    expect((await jobRow(id)).status).toBe("queued");
    await db.delete(jobs).where(eq(jobs.id, id));
  });

  it("retries a failing job with exponential backoff, then fails it for good with the last error", async () => {
    const id = await queue("test.broken", { maxAttempts: 3 });
    const r = runner("A", { backoffBaseMs: 300 });
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const outcome = await r.runDue();
      expect(outcome).toEqual([attempt < 3 ? "retrying" : "failed"]);
      const row = await jobRow(id);
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toMatch(/^the remote end said no x+…$/);
      expect(row.lastError!.length).toBeLessThanOrEqual(2000);
      if (attempt === 3) break;
      expect(row.status).toBe("queued");
      const delay = row.runAt.getTime() - Date.now();
      delays.push(delay);
      // Not due yet: nothing to claim until run_at.
      expect(await r.runDue()).toEqual([]);
      await sleep(Math.max(0, delay) + 50);
    }
    // base 300: first retry within [150, 300] ms, second within [300, 600] ms (minus elapsed time).
    expect(delays[0]).toBeLessThanOrEqual(300);
    expect(delays[1]).toBeGreaterThan(200);
    expect(delays[1]).toBeLessThanOrEqual(600);
    const row = await jobRow(id);
    expect(row.status).toBe("failed");
    expect(row.finishedAt).toBeInstanceOf(Date);
    const [note] = await db.select().from(notifications).where(eq(notifications.kind, "job.failed"));
    expect(note).toMatchObject({
      userId: adminId,
      severity: "critical",
      titleKey: "notifications.jobFailed.title",
      params: { kind: "test.broken", attempts: 3 },
      link: "/admin/jobs?status=failed&kind=test.broken",
    });
  });

  it("spreads retries: base·2^(n−1) with jitter, capped at one hour", () => {
    expect(retryDelayMs(1, 10_000, 3_600_000, () => 0)).toBe(5_000);
    expect(retryDelayMs(1, 10_000, 3_600_000, () => 1)).toBe(10_000);
    expect(retryDelayMs(4, 10_000, 3_600_000, () => 1)).toBe(80_000);
    expect(retryDelayMs(20, 10_000, 3_600_000, () => 1)).toBe(3_600_000);
  });

  it("fails a job of an unknown kind at once with a clear error", async () => {
    const id = await queue("test.nobody-handles-this");
    expect(await runner("A").runDue()).toEqual(["failed"]);
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row.lastError).toBe('no handler is registered for job kind "test.nobody-handles-this"');
  });

  it("reclaims a job whose runner died (lease expired); the dead runner cannot record an outcome", async () => {
    const id = await queue("test.echo", { payload: { n: 1 } });
    const [claimed] = await claimJobs(db, "dead-runner", 1, 200);
    expect(claimed?.id).toBe(id);
    expect(await runner("B").runDue()).toEqual([]); // still leased
    await sleep(300);
    expect(await runner("B").runDue()).toEqual(["succeeded"]);
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(await markSucceeded(db, id, "dead-runner")).toBe(false);
  });

  it("keeps the lease with a heartbeat while a long job runs", async () => {
    const id = await queue("test.slow", { payload: { ms: 900 } });
    const a = runner("A", { leaseMs: 300 });
    const run = a.runDue();
    await sleep(600); // longer than the lease: only the heartbeat keeps it
    expect(await runner("B", { leaseMs: 300 }).runDue()).toEqual([]);
    expect(await run).toEqual(["succeeded"]);
    expect(await jobRow(id)).toMatchObject({ status: "succeeded", attempts: 1 });
  });

  it("aborts the handler's signal when the lease is lost and leaves the job to its new owner", async () => {
    const id = await queue("test.slow", { payload: { ms: 5000 } });
    const run = runner("A", { leaseMs: 300 }).runDue();
    await sleep(100);
    await db.update(jobs).set({ lockedBy: "B" }).where(eq(jobs.id, id)); // another runner took it over
    expect(await run).toEqual(["lost"]);
    expect(await jobRow(id)).toMatchObject({ status: "running", lockedBy: "B" });
    await db.delete(jobs).where(eq(jobs.id, id));
  });

  it("polls on its own and stops cleanly, letting a running job finish within the grace period", async () => {
    const r = runner("A", { pollMs: 20 });
    r.start();
    const id = await queue("test.slow", { payload: { ms: 300 } });
    while (r.running === 0 && (await jobRow(id)).status === "queued") await sleep(10);
    await r.stop();
    expect(await jobRow(id)).toMatchObject({ status: "succeeded" });
    const late = await queue("test.echo");
    await sleep(100);
    expect((await jobRow(late)).status).toBe("queued");
    await db.delete(jobs).where(eq(jobs.id, late));
  });

  it("aborts jobs still running when the grace period is over", async () => {
    const r = runner("A", { pollMs: 20, graceMs: 100 });
    r.start();
    const id = await queue("test.slow", { payload: { ms: 10_000 }, maxAttempts: 1 });
    while ((await jobRow(id)).status !== "running") await sleep(10);
    const started = Date.now();
    await r.stop();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await jobRow(id)).toMatchObject({ status: "failed", lastError: "the job runner is stopping" });
  });

  it("never gives one job to two runners claiming at the same moment", async () => {
    const ids = await db.transaction(async (tx) => Promise.all(Array.from({ length: 20 }, () => enqueue(tx, { kind: "test.echo" }))));
    const claims = await Promise.all(["A", "B", "C"].map((id) => claimJobs(db, id, 15, 2000)));
    const claimed = claims.flat().map((j) => j.id);
    expect(claimed.sort()).toEqual([...ids].sort());
    expect(new Set(claimed).size).toBe(20);
  });

  it("enqueues once per dedupe key", async () => {
    const first = await queue("test.echo", { dedupeKey: "once-only", runAt: new Date(Date.now() + 60_000) });
    const second = await db.transaction((tx) => enqueue(tx, { kind: "test.echo", dedupeKey: "once-only" }));
    expect(first).toBeTruthy();
    expect(second).toBeNull();
    expect(await db.select().from(jobs).where(eq(jobs.dedupeKey, "once-only"))).toHaveLength(1);
    await db.delete(jobs).where(eq(jobs.id, first));
  });
});

describe("scheduler", () => {
  it("reads cron expressions in Africa/Algiers by default", () => {
    expect(nextOccurrence("0 3 * * *", new Date("2026-07-01T00:00:00Z")).toISOString()).toBe("2026-07-01T02:00:00.000Z");
    expect(nextOccurrence("*/15 * * * *", new Date("2026-07-01T10:07:00Z")).toISOString()).toBe("2026-07-01T10:15:00.000Z");
  });

  it("upserts a schedule, keeping next_run_at unless the cron changed", async () => {
    await ensureSchedule(db, { name: "test.nightly", cron: "0 3 * * *", kind: "test.echo" });
    const far = new Date("2030-01-01T02:00:00Z");
    await db.update(jobSchedules).set({ nextRunAt: far }).where(eq(jobSchedules.name, "test.nightly"));
    await ensureSchedule(db, { name: "test.nightly", cron: "0 3 * * *", kind: "test.echo", payload: { v: 2 } });
    let [row] = await db.select().from(jobSchedules).where(eq(jobSchedules.name, "test.nightly"));
    expect(row?.nextRunAt.toISOString()).toBe(far.toISOString());
    expect(row?.payload).toEqual({ v: 2 });
    await ensureSchedule(db, { name: "test.nightly", cron: "30 4 * * *", kind: "test.echo" });
    [row] = await db.select().from(jobSchedules).where(eq(jobSchedules.name, "test.nightly"));
    expect(row?.nextRunAt.getTime()).toBeLessThan(Date.now() + 25 * 3600_000);
    expect(row?.nextRunAt.getUTCMinutes()).toBe(30);
    await expect(ensureSchedule(db, { name: "test.bad", cron: "not a cron", kind: "test.echo" })).rejects.toThrow();
    await db.delete(jobSchedules).where(eq(jobSchedules.name, "test.nightly"));
  });

  it("queues one job per occurrence even when two processes tick at once, and skips missed occurrences", async () => {
    await ensureSchedule(db, { name: "test.minutely", cron: "* * * * *", kind: "test.echo", payload: { from: "cron" } });
    // The schedule was due two hours ago (no process ran since): one job, not 120.
    const due = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 2 * 3600_000);
    await db.update(jobSchedules).set({ nextRunAt: due }).where(eq(jobSchedules.name, "test.minutely"));
    const a = runner("A");
    const b = runner("B");
    await Promise.all([a.tick(), b.tick(), tickSchedules(db), tickSchedules(db)]);
    const queued = await db.select().from(jobs).where(like(jobs.dedupeKey, "schedule:test.minutely:%"));
    expect(queued).toHaveLength(1);
    expect(queued[0]?.dedupeKey).toBe(`schedule:test.minutely:${due.toISOString()}`);
    expect(queued[0]?.payload).toEqual({ from: "cron" });
    const [row] = await db.select().from(jobSchedules).where(eq(jobSchedules.name, "test.minutely"));
    expect(row!.nextRunAt.getTime()).toBeGreaterThan(Date.now());
    expect(row!.nextRunAt.getTime()).toBeLessThanOrEqual(Date.now() + 60_000);
    expect(row!.lastRunAt).toBeInstanceOf(Date);
    expect(await tickSchedules(db)).toBe(0);
    await Promise.all([a.stop(), b.stop()]);
  });

  it("lets an admin pause and resume a schedule, audited", async () => {
    await db.transaction((tx) => setScheduleEnabled(tx, systemActor, "test.minutely", false));
    await db
      .update(jobSchedules)
      .set({ nextRunAt: new Date(Date.now() - 60_000) })
      .where(eq(jobSchedules.name, "test.minutely"));
    expect(await tickSchedules(db)).toBe(0);
    await db.transaction((tx) => setScheduleEnabled(tx, systemActor, "test.minutely", true));
    const [row] = await db.select().from(jobSchedules).where(eq(jobSchedules.name, "test.minutely"));
    expect(row!.enabled).toBe(true);
    expect(row!.nextRunAt.getTime()).toBeGreaterThan(Date.now());
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, "test.minutely"));
    expect(audit.map((a) => a.action).sort()).toEqual(["job_schedule.disabled", "job_schedule.enabled"]);
  });
});

describe("admin retry and platform cleanup", () => {
  it("retries a failed job now with its attempts reset, audited; a succeeded job cannot be retried", async () => {
    const id = await queue("test.nobody-handles-this-either");
    await runner("A").runDue();
    await db.transaction((tx) => retryJob(tx, systemActor, id));
    expect(await jobRow(id)).toMatchObject({ status: "queued", attempts: 0, finishedAt: null });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "job.retried")));
    expect(entry?.changes).toMatchObject({ status: { old: "failed", new: "queued" }, attempts: { old: 1, new: 0 } });
    const ok = await queue("test.echo");
    await runner("A").runDue();
    await expect(db.transaction((tx) => retryJob(tx, systemActor, ok))).rejects.toMatchObject({ code: "conflict" });
    await db.delete(jobs).where(eq(jobs.id, id));
  });

  it("platform.cleanup deletes expired keys, windows and old succeeded jobs, and nothing else", async () => {
    const old = sql`now() - interval '8 days'`;
    await db.insert(idempotencyKeys).values([
      { principal: "p", key: "old", requestHash: "h", createdAt: sql`now() - interval '25 hours'` as unknown as Date },
      { principal: "p", key: "fresh", requestHash: "h" },
    ]);
    await db.insert(rateLimits).values([
      { key: "old", windowStart: sql`now() - interval '2 days'` as unknown as Date, count: 1 },
      { key: "fresh", windowStart: new Date(), count: 1 },
    ]);
    const [oldJob] = await db
      .insert(jobs)
      .values({ kind: "test.echo", status: "succeeded", finishedAt: old as unknown as Date })
      .returning();
    const [oldFailed] = await db
      .insert(jobs)
      .values({ kind: "test.echo", status: "failed", finishedAt: old as unknown as Date })
      .returning();
    const auditBefore = (await db.select().from(auditLog)).length;
    await queue("platform.cleanup");
    expect(await runner("A").runDue()).toEqual(["succeeded"]);
    expect((await db.select().from(idempotencyKeys)).map((k) => k.key)).toEqual(["fresh"]);
    expect((await db.select().from(rateLimits)).map((k) => k.key)).toEqual(["fresh"]);
    expect(await db.select().from(jobs).where(eq(jobs.id, oldJob!.id))).toHaveLength(0);
    expect(await db.select().from(jobs).where(eq(jobs.id, oldFailed!.id))).toHaveLength(1);
    const audit = await db.select().from(auditLog);
    expect(audit.length).toBe(auditBefore + 1);
    expect(audit.find((a) => a.action === "platform.cleanup")?.changes).toEqual({
      deleted: { old: null, new: { idempotencyKeys: 1, rateLimits: 1, jobs: 1 } },
    });
  });
});
