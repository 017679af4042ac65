import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, jobs, notifications, webhookDeliveries, webhooks } from "@/db/schema";
import type { UserActor } from "@/server/auth/actor";
import { createWebhookSchema, updateWebhookSchema } from "@/lib/validation/webhooks";
import { runnerOptionsFromEnv } from "@/server/platform/jobs/config";
import { createRunner } from "@/server/platform/jobs/runner";
import "@/server/platform/webhooks/deliver-job";
import { postJson } from "@/server/platform/webhooks/send";
import { isPrivateAddress } from "@/server/platform/webhooks/ssrf";
import { listDeliveries, listWebhooks } from "@/server/platform/webhooks/webhooks-query";
import {
  createWebhook,
  pingWebhook,
  rotateWebhookSecret,
  setWebhookEnabled,
  updateWebhook,
} from "@/server/platform/webhooks/webhooks-service";
import { createUser, updateUser } from "@/server/users/users-service";
import { freshDb, systemActor } from "../support/db";

type Received = { headers: IncomingHttpHeaders; body: string };
let db: Db;
let admin: UserActor;
let server: Server;
let receiverUrl: string;
const received: Received[] = [];
/** Statuses to answer, in order; then `fallback`. */
const answers: number[] = [];
let fallback = 200;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const runner = createRunner(
  null as unknown as Db,
  runnerOptionsFromEnv({ id: "test", concurrency: 10, backoffBaseMs: 20, leaseMs: 5000, graceMs: 1000 }),
);
let run: ReturnType<typeof createRunner>;

/** Runs delivery jobs until none is queued or running (retries included). */
async function deliverAll() {
  for (let i = 0; i < 400; i++) {
    await run.runDue();
    const pending = await db.select({ id: jobs.id }).from(jobs).where(eq(jobs.kind, "webhook.deliver"));
    const open = (await db.select().from(jobs)).filter((j) => j.status === "queued" || j.status === "running");
    if (pending.length === 0 || open.length === 0) return;
    await sleep(15);
  }
  throw new Error("deliveries did not settle");
}

function verify(secret: string, r: Received): boolean {
  const timestamp = String(r.headers["dihya-webhook-timestamp"]);
  const expected = `v1=${createHmac("sha256", secret).update(`${timestamp}.${r.body}`).digest("hex")}`;
  const given = String(r.headers["dihya-webhook-signature"]);
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

const make = (input: Record<string, unknown>) => db.transaction((tx) => createWebhook(tx, admin, createWebhookSchema.parse(input)));

beforeAll(async () => {
  process.env.DIHYA_WEBHOOK_ALLOW_PRIVATE = "1";
  db = await freshDb();
  run = createRunner(db, runner.options);
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answers.shift() ?? fallback;
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/dihya`;
  const created = await db.transaction((tx) =>
    createUser(tx, systemActor, {
      name: "Amina Benali",
      email: "amina@example.dz",
      role: "admin",
      locale: "fr",
      password: "correct horse battery",
    }),
  );
  admin = { kind: "user", id: created.id, role: "admin", name: created.name, email: created.email, locale: "fr", theme: "system" };
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("outgoing webhooks", () => {
  let hookId: string;
  let secret: string;

  it("creates a webhook with a one-time secret, audited without the secret", async () => {
    const created = await make({ url: receiverUrl, description: "ERP", eventTypes: ["user.created", "user.created"] });
    hookId = created.webhook.id;
    secret = created.secret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created.webhook.eventTypes).toEqual(["user.created"]);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, hookId), eq(auditLog.action, "webhook.created")));
    expect(entry?.actorId).toBe(admin.id);
    expect(JSON.stringify(entry)).not.toContain(secret);
  });

  it("delivers a subscribed event with headers and a signature that verifies", async () => {
    const user = await db.transaction((tx) =>
      createUser(tx, admin, {
        name: "Lounès",
        email: "lounes@example.dz",
        role: "technician",
        locale: "kab",
        password: "tamurt imazighen 2026",
      }),
    );
    const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hookId));
    expect(delivery).toMatchObject({ eventType: "user.created", status: "pending", attempts: 0 });
    await deliverAll();
    expect(received).toHaveLength(1);
    const r = received[0]!;
    expect(r.headers["content-type"]).toBe("application/json");
    expect(r.headers["user-agent"]).toBe("Dihya-Webhooks/1");
    expect(r.headers["dihya-webhook-id"]).toBe(delivery!.id);
    expect(Math.abs(Number(r.headers["dihya-webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(30);
    expect(verify(secret, r)).toBe(true);
    expect(verify("whsec_wrong", r)).toBe(false);
    const body = JSON.parse(r.body);
    expect(Object.keys(body)).toEqual(["id", "type", "created_at", "data"]);
    expect(body).toMatchObject({
      id: delivery!.eventId,
      type: "user.created",
      data: { id: user.id, email: "lounes@example.dz", role: "technician" },
    });
    expect(r.body).not.toContain("argon2");
    const [after] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, delivery!.id));
    expect(after).toMatchObject({ status: "succeeded", attempts: 1, responseStatus: 200, error: null });
    expect(after!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("does not deliver events the webhook did not subscribe to", async () => {
    const before = (await db.select().from(webhookDeliveries)).length;
    const idir = await db.transaction((tx) =>
      createUser(tx, admin, { name: "Idir", email: "idir@example.dz", role: "user", locale: "fr", password: "another long password" }),
    );
    await db.transaction((tx) => updateUser(tx, admin, idir.id, { name: "Idir Aït" })); // user.updated: not subscribed
    expect((await db.select().from(webhookDeliveries)).length).toBe(before + 1);
    await deliverAll();
    received.length = 0;
  });

  it("retries after a 500 (after the backoff) and records every attempt on the delivery", async () => {
    await db.transaction((tx) =>
      updateWebhook(tx, admin, hookId, updateWebhookSchema.parse({ eventTypes: ["user.created", "user.updated"] })),
    );
    answers.push(500);
    await db.transaction((tx) => updateUser(tx, admin, admin.id, { name: "Amina Benali-Aït" }));
    const outcome = await run.runDue();
    expect(outcome).toEqual(["retrying"]);
    const [delivery] = await db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.webhookId, hookId), eq(webhookDeliveries.eventType, "user.updated")));
    expect(delivery).toMatchObject({ status: "retrying", attempts: 1, responseStatus: 500, error: "HTTP 500" });
    const [job] = await db.select().from(jobs).where(eq(jobs.status, "queued"));
    expect(job?.kind).toBe("webhook.deliver");
    expect(job!.runAt.getTime()).toBeGreaterThan(job!.startedAt!.getTime()); // backoff before the next attempt
    await deliverAll();
    const [done] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, delivery!.id));
    expect(done).toMatchObject({ status: "succeeded", attempts: 2, responseStatus: 200, error: null });
    expect(received).toHaveLength(2);
    expect(received[0]!.body).toBe(received[1]!.body);
    expect(received[1]!.headers["dihya-webhook-id"]).toBe(delivery!.id);
    expect(verify(secret, received[1]!)).toBe(true);
    received.length = 0;
  });

  it("signs with the new secret after a rotation and pings on demand", async () => {
    const { secret: rotated } = await db.transaction((tx) => rotateWebhookSecret(tx, admin, hookId));
    expect(rotated).not.toBe(secret);
    await db.transaction((tx) => pingWebhook(tx, admin, hookId));
    await deliverAll();
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ type: "webhook.ping", data: { webhook_id: hookId } });
    expect(verify(rotated, received[0]!)).toBe(true);
    expect(verify(secret, received[0]!)).toBe(false);
    secret = rotated;
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, hookId));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["webhook.secret_rotated", "webhook.pinged", "webhook.updated"]));
    expect(JSON.stringify(audit)).not.toContain(rotated);
    received.length = 0;
  });

  it("lists deliveries newest first with cursor pagination, and the webhook with its last delivery", async () => {
    const first = await listDeliveries(db, admin, hookId, { limit: 3 });
    expect(first.data.map((d) => d.eventType)).toEqual(["webhook.ping", "user.updated", "user.created"]);
    expect(first.next_cursor).toBeTruthy();
    const second = await listDeliveries(db, admin, hookId, { limit: 3, cursor: first.next_cursor! });
    expect(second.data.map((d) => d.eventType)).toEqual(["user.created"]);
    expect(second.next_cursor).toBeNull();
    const all = [...first.data, ...second.data];
    expect(new Set(all.map((d) => d.id)).size).toBe(4);
    const list = await listWebhooks(db, admin, { limit: 25 });
    expect(list.data[0]).toMatchObject({
      id: hookId,
      enabled: true,
      consecutiveFailures: 0,
      lastDelivery: { status: "succeeded", responseStatus: 200 },
    });
    await expect(listWebhooks(db, { ...admin, role: "user" }, { limit: 25 })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("disables the webhook after 5 failed deliveries in a row, audits it and notifies the admins", async () => {
    fallback = 500;
    const pings = (n: number) =>
      db.transaction(async (tx) => {
        for (let i = 0; i < n; i++) await pingWebhook(tx, admin, hookId);
      });
    await pings(4);
    await deliverAll();
    let [hook] = await db.select().from(webhooks).where(eq(webhooks.id, hookId));
    expect(hook).toMatchObject({ enabled: true, consecutiveFailures: 4 });
    const failed = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.status, "failed"));
    expect(failed).toHaveLength(4);
    expect(failed.every((d) => d.attempts === 6 && d.responseStatus === 500)).toBe(true);
    expect((await db.select().from(jobs).where(eq(jobs.status, "failed"))).filter((j) => j.kind === "webhook.deliver")).toHaveLength(4);

    // A success in between resets the count.
    answers.push(200);
    await pings(1);
    await deliverAll();
    [hook] = await db.select().from(webhooks).where(eq(webhooks.id, hookId));
    expect(hook?.consecutiveFailures).toBe(0);

    await pings(5);
    await deliverAll();
    [hook] = await db.select().from(webhooks).where(eq(webhooks.id, hookId));
    expect(hook).toMatchObject({ enabled: false, consecutiveFailures: 5 });
    expect(hook?.disabledAt).toBeInstanceOf(Date);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, hookId), eq(auditLog.action, "webhook.disabled")));
    expect(entry).toMatchObject({ actorType: "system", actorId: "job:webhook.deliver" });
    const [note] = await db.select().from(notifications).where(eq(notifications.kind, "webhook.disabled"));
    expect(note).toMatchObject({
      userId: admin.id,
      severity: "warning",
      titleKey: "notifications.webhookDisabled.title",
      bodyKey: "notifications.webhookDisabled.body",
      params: { url: receiverUrl },
      link: `/admin/webhooks/${hookId}`,
    });

    // Disabled: no new deliveries, and a ping is refused.
    const count = (await db.select().from(webhookDeliveries)).length;
    await db.transaction((tx) => updateUser(tx, admin, admin.id, { name: "Amina" }));
    expect((await db.select().from(webhookDeliveries)).length).toBe(count);
    await expect(pings(1)).rejects.toMatchObject({ code: "conflict" });

    // Re-enabling resets the failure count, audited.
    fallback = 200;
    const enabled = await db.transaction((tx) => setWebhookEnabled(tx, admin, hookId, true));
    expect(enabled).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledAt: null });
    const [again] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, hookId), eq(auditLog.action, "webhook.enabled")));
    expect(again?.changes).toMatchObject({ enabled: { old: false, new: true }, consecutiveFailures: { old: 5, new: 0 } });
    received.length = 0;
  });
});

describe("webhook destinations (SSRF)", () => {
  it("classifies private, loopback and link-local addresses", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:a9fe:a9fe",
    ]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["8.8.8.8", "41.111.1.1", "2001:4860:4860::8888", "172.32.0.1"]) expect(isPrivateAddress(a), a).toBe(false);
  });

  it("refuses non-http(s) URLs and URLs with credentials with a field message", () => {
    const issues = (url: string) =>
      createWebhookSchema.safeParse({ url, eventTypes: ["user.created"] }).error?.issues.map((i) => i.message);
    expect(issues("ftp://example.dz/x")).toEqual(["urlScheme"]);
    expect(issues("javascript:alert(1)")).toEqual(["urlScheme"]);
    expect(issues("not a url")).toEqual(["urlInvalid"]);
    expect(issues("https://user:pw@example.dz/")).toEqual(["urlCredentials"]);
    expect(createWebhookSchema.safeParse({ url: "https://example.dz/", eventTypes: [] }).error?.issues[0]?.message).toBe("eventsRequired");
    expect(createWebhookSchema.safeParse({ url: "https://example.dz/", eventTypes: ["nope"] }).success).toBe(false);
  });

  it("without DIHYA_WEBHOOK_ALLOW_PRIVATE refuses private destinations at creation and at delivery", async () => {
    const { webhook } = await make({ url: receiverUrl, eventTypes: ["user.created"] });
    delete process.env.DIHYA_WEBHOOK_ALLOW_PRIVATE;
    try {
      for (const url of [receiverUrl, "http://localhost:8080/x", "http://[::1]/x", "http://169.254.169.254/latest/meta-data"]) {
        await expect(make({ url, eventTypes: ["user.created"] })).rejects.toMatchObject({
          code: "validation_failed",
          messageKey: "urlPrivate",
          field: "url",
        });
      }
      // Resolved by DNS at delivery time: `localhost` answers 127.0.0.1.
      const viaDns = await postJson(receiverUrl.replace("127.0.0.1", "localhost"), "{}", {}, new AbortController().signal);
      expect(viaDns.status).toBeNull();
      expect(viaDns.error).toMatch(/private or loopback/);
      await db.transaction((tx) => pingWebhook(tx, admin, webhook.id));
      const before = received.length;
      expect(await run.runDue()).toEqual(["retrying"]);
      expect(received.length).toBe(before);
      const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhook.id));
      expect(delivery).toMatchObject({ status: "retrying", attempts: 1, responseStatus: null });
      expect(delivery?.error).toMatch(/^refused: 127\.0\.0\.1 .*private or loopback/);
    } finally {
      process.env.DIHYA_WEBHOOK_ALLOW_PRIVATE = "1";
    }
  });
});
