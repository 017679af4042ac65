import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as ruleItemRoute from "@/app/api/monitoring/rules/[id]/route";
import * as rulesRoute from "@/app/api/monitoring/rules/route";
import * as silenceItemRoute from "@/app/api/monitoring/silences/[id]/route";
import * as silencesRoute from "@/app/api/monitoring/silences/route";
import type { Db } from "@/db/client";
import { alertInstances, auditLog, incidentServers, incidents, jobSchedules, metricSeries, notifications, servers } from "@/db/schema";
import { createSilenceSchema, type CreateSilenceInput } from "@/lib/devops/alert-silence-schema";
import { blankRuleForm, ruleFormSchema } from "@/lib/devops/alert-rule-form";
import { metricRuleSchema, type MetricRuleInput } from "@/lib/validation/metric-rules";
import type { UserActor } from "@/server/auth/actor";
import { evaluateAlerts } from "@/server/devops/alerts/evaluate";
import { listAlertHistory, listLiveAlerts } from "@/server/devops/alerts/instances-query";
import { devopsAlertsJobKind, ensureDevopsAlertSchedules } from "@/server/devops/alerts/jobs";
import { createMetricRule, deleteMetricRule, setMetricRuleEnabled, updateMetricRule } from "@/server/devops/alerts/rules-service";
import { listMetricRules } from "@/server/devops/alerts/rules-query";
import { listSilences } from "@/server/devops/alerts/silences-query";
import { createSilence, expireSilence } from "@/server/devops/alerts/silences-service";
import { createApiKey } from "@/server/integrations/api-key-admin";
import { DomainError } from "@/server/platform/errors";
import { handlerFor } from "@/server/platform/jobs/registry";
import { freshDb, systemActor } from "../support/db";
import { makeUser } from "../support/maintenance-fixtures";

/** The browser session the routes see (Auth.js itself is not under test). */
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId }, authTime: Date.now() + 60_000 } : null),
}));

process.env.AUTH_SECRET ??= "vitest-only-secret-0c9a7e5d3b1f";
let db: Db;
let admin: UserActor;
let devops: UserActor;
let otherDevops: UserActor;
let user: UserActor;
let readerKey: string;

const second = 1000;
const minute = 60 * second;
/** Each scenario runs on its own day (evaluation time is driven through `now`). */
const day = (n: number) => new Date(Date.UTC(2026, 9, 1 + n, 8, 0, 0));
const later = (t: Date, ms: number) => new Date(t.getTime() + ms);

let ip = 0;
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
function call(handlers: unknown, method: string, path: string, as: { user?: UserActor; key?: string }, body?: unknown, id?: string) {
  session.userId = as.user?.id ?? null;
  const headers: Record<string, string> = { "x-forwarded-for": `10.7.0.${++ip % 250}` };
  if (as.key) headers.authorization = `Bearer ${as.key}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const handler = (handlers as Record<string, Handler>)[method]!;
  return handler(new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), {
    params: Promise.resolve<Record<string, string>>(id ? { id } : {}),
  });
}

async function makeServer(
  hostname: string,
  values: { environment?: string; role?: string; tags?: string[]; status?: string } = {},
): Promise<string> {
  const [row] = await db
    .insert(servers)
    .values({
      hostname,
      kind: "vm",
      location: "DC Alger — Oued Smar",
      environment: values.environment ?? "production",
      role: values.role ?? "",
      tags: values.tags ?? [],
      status: values.status ?? "running",
    })
    .returning({ id: servers.id });
  return row!.id;
}

/** The series' newest point, as the metrics ingest leaves it. */
async function metric(serverId: string, name: string, value: number, ts: Date) {
  await db
    .insert(metricSeries)
    .values({ serverId, name, unit: "%", lastValue: value, lastTs: ts })
    .onConflictDoUpdate({ target: [metricSeries.serverId, metricSeries.name], set: { lastValue: value, lastTs: ts } });
}

const evaluate = (now: Date) => db.transaction((tx) => evaluateAlerts(tx, { now }));

function rule(input: Partial<MetricRuleInput>, actor: UserActor = devops) {
  const parsed = metricRuleSchema.parse({
    name: "CPU au-dessus de 90 %",
    metric: "cpu",
    comparator: "gt",
    threshold: 90,
    forSeconds: 0,
    severity: "sev2",
    ...input,
  });
  return db.transaction((tx) => createMetricRule(tx, actor, parsed));
}

function silence(input: Partial<CreateSilenceInput>, now: Date) {
  const parsed = createSilenceSchema.parse({
    endsAt: later(now, 2 * 60 * minute).toISOString(),
    comment: "maintenance planifiée",
    matchers: [],
    ...input,
  });
  return db.transaction((tx) => createSilence(tx, devops, parsed, now));
}

/** Notifications of `kind` a user received about one server. */
async function told(u: UserActor, kind: "devops.alert.firing" | "devops.alert.resolved", hostname: string) {
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, u.id), eq(notifications.kind, kind)));
  return rows.filter((n) => n.params.server === hostname);
}
const instancesOf = (serverId: string) => db.select().from(alertInstances).where(eq(alertInstances.serverId, serverId));

async function expectDomainError(promise: Promise<unknown>, code: string, messageKey?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (messageKey) expect((error as DomainError).messageKey).toBe(messageKey);
}

beforeAll(async () => {
  db = await freshDb();
  admin = await makeUser(db, "admin", "Amina Benali");
  devops = await makeUser(db, "devops", "Yanis Meziane");
  otherDevops = await makeUser(db, "devops", "Lina Aït Ahmed");
  user = await makeUser(db, "user", "Karim Ould");
  readerKey = (await db.transaction((tx) => createApiKey(tx, systemActor, { name: "Grafana Atlas", scopes: ["monitoring:read"] as never })))
    .value;
});

describe("rule validation and rights", () => {
  it("explains what is wrong with a rule, field by field", () => {
    const issues = (input: Record<string, unknown>) => {
      const parsed = metricRuleSchema.safeParse({
        name: "Disque",
        metric: "disk",
        comparator: "gt",
        threshold: 85,
        severity: "sev3",
        ...input,
      });
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    };
    expect(issues({})).toEqual([]);
    expect(issues({ forSeconds: 86_401 })).toEqual(["forSeconds:metricForRange"]);
    expect(issues({ repeatMinutes: 4 })).toEqual(["repeatMinutes:metricRepeatRange"]);
    expect(issues({ comparator: "eq" })).toEqual(["comparator:invalid"]);
    expect(issues({ severity: "sev5" })).toEqual(["severity:invalid"]);
    expect(issues({ notifyRoles: ["user"] })).toEqual(["notifyRoles.0:metricNotifyRoleInvalid"]);
    expect(issues({ metric: "cpu usage" })).toEqual(["metric:metricNameInvalid"]);
    expect(issues({ selector: { environment: "prod" } })).toEqual(["selector.environment:invalid"]);
    expect(issues({ selector: { tags: ["ok", "pas bien!"] } })).toEqual(["selector.tags.1:metricTagInvalid"]);
    expect(
      metricRuleSchema.parse({
        name: "Disque",
        metric: "disk",
        comparator: "gt",
        threshold: 85,
        severity: "sev3",
        selector: { tags: ["Web", "web"] },
      }).selector,
    ).toEqual({ tags: ["web"] });
  });

  it("reads the form the same way (decimal comma, tags separated by commas)", () => {
    const parsed = ruleFormSchema.safeParse({
      ...blankRuleForm,
      name: "Charge",
      metric: "load",
      threshold: "8,5",
      tags: "k8s, dz",
      role: "k8s-node",
    });
    expect(parsed.success && parsed.data).toMatchObject({ threshold: 8.5, selector: { tags: ["k8s", "dz"], role: "k8s-node" } });
    const bad = ruleFormSchema.safeParse({ ...blankRuleForm, name: "Charge", threshold: "", forSeconds: "-1" });
    expect(bad.success ? [] : bad.error.issues.map((i) => `${i.path.join(".")}:${i.message}`)).toEqual([
      "threshold:numberInvalid",
      "forSeconds:metricForRange",
    ]);
  });

  it("lets admin and devops manage rules (audited with the changes), not a user (403)", async () => {
    const created = await rule({ name: "Mémoire au-dessus de 95 %", metric: "memory", threshold: 95, forSeconds: 600 }, admin);
    expect(created).toMatchObject({
      createdBy: admin.email,
      enabled: true,
      notifyRoles: ["devops"],
      repeatMinutes: 240,
      hasHistory: false,
    });
    const updated = await db.transaction((tx) => updateMetricRule(tx, devops, created.id, { threshold: 97, severity: "sev1" }));
    expect(updated).toMatchObject({ threshold: 97, severity: "sev1" });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, "metric_rule.updated")));
    expect(audit?.changes).toEqual({ threshold: { old: 95, new: 97 }, severity: { old: "sev2", new: "sev1" } });
    await expectDomainError(rule({ name: "Interdit" }, user), "forbidden");
    await db.transaction((tx) => deleteMetricRule(tx, devops, created.id));
    const [deleted] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, "metric_rule.deleted")));
    expect(deleted?.actorLabel).toBe(devops.email);
  });

  it("serves the rules over the API: devops create (201 + Location), readers read, a key cannot write, a rule with alerts is not deleted (409)", async () => {
    const body = {
      name: "Disque au-dessus de 85 %",
      metric: "disk",
      selector: { tags: ["api-test"] },
      comparator: "gt",
      threshold: 85,
      severity: "sev3",
    };
    const created = await call(rulesRoute, "POST", "/api/monitoring/rules", { user: devops }, body);
    expect(created.status).toBe(201);
    const dto = (await created.json()) as { id: string };
    expect(created.headers.get("location")).toBe(`/api/monitoring/rules/${dto.id}`);
    expect((await call(rulesRoute, "POST", "/api/monitoring/rules", { key: readerKey }, body)).status).toBe(403);
    expect((await call(rulesRoute, "POST", "/api/monitoring/rules", { user }, body)).status).toBe(403);
    const invalid = await call(rulesRoute, "POST", "/api/monitoring/rules", { user: devops }, { ...body, forSeconds: 100_000 });
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { errors: { path: string; message: string }[] }).errors).toEqual([
      { path: "forSeconds", message: "metricForRange" },
    ]);
    const list = await call(rulesRoute, "GET", "/api/monitoring/rules?metric=disk", { key: readerKey });
    expect(((await list.json()) as { data: { id: string }[] }).data.map((r) => r.id)).toContain(dto.id);
    const patched = await call(ruleItemRoute, "PATCH", `/api/monitoring/rules/${dto.id}`, { user: admin }, { threshold: 88 }, dto.id);
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { threshold: number }).threshold).toBe(88);
    expect((await call(ruleItemRoute, "GET", "/api/monitoring/rules/nope", { key: readerKey }, undefined, "nope")).status).toBe(404);

    const server = await makeServer("api-test-01", { tags: ["api-test"] });
    await metric(server, "disk", 91, day(0));
    await evaluate(day(0));
    const refused = await call(ruleItemRoute, "DELETE", `/api/monitoring/rules/${dto.id}`, { user: devops }, undefined, dto.id);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toBe("metricRuleHasHistory");
    const unused = (await rule({ name: "Jamais déclenchée", metric: "never_pushed" })).id;
    expect((await call(ruleItemRoute, "DELETE", `/api/monitoring/rules/${unused}`, { user: devops }, undefined, unused)).status).toBe(204);
    await db.transaction((tx) => setMetricRuleEnabled(tx, devops, dto.id, false));
  });
});

describe("a CPU rule above 90 % for 5 minutes", () => {
  const host = "web-cpu-01";
  let serverId: string;
  let ruleId: string;
  const t0 = day(1);

  it("goes pending, then fires once after 5 minutes with exactly one notification per devops", async () => {
    serverId = await makeServer(host, { tags: ["cpu-test"] });
    ruleId = (await rule({ selector: { tags: ["cpu-test"] }, forSeconds: 300, repeatMinutes: 30 })).id;
    await metric(serverId, "cpu", 97, t0);
    await evaluate(t0);
    let [instance] = await instancesOf(serverId);
    expect(instance).toMatchObject({ state: "pending", value: 97, ruleId, firedAt: null });
    expect(instance?.labels).toMatchObject({
      alertname: "CPU au-dessus de 90 %",
      server: host,
      environment: "production",
      severity: "sev2",
      metric: "cpu",
      tags: "cpu-test",
    });
    expect(instance?.fingerprint).toMatch(/^[0-9a-f]{64}$/);

    await metric(serverId, "cpu", 98, later(t0, 2 * minute));
    await evaluate(later(t0, 4 * minute));
    expect((await instancesOf(serverId))[0]?.state).toBe("pending");
    expect(await told(devops, "devops.alert.firing", host)).toHaveLength(0);

    await metric(serverId, "cpu", 99, later(t0, 5 * minute));
    await evaluate(later(t0, 5 * minute));
    [instance] = await instancesOf(serverId);
    expect(instance).toMatchObject({ state: "firing", value: 99 });
    expect(instance?.firedAt?.getTime()).toBe(later(t0, 5 * minute).getTime());
    const first = await told(devops, "devops.alert.firing", host);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      link: "/devops/alerts",
      severity: "critical",
      titleKey: "notifications.messages.devops.alert.firing.title",
    });
    expect(first[0]?.params).toMatchObject({
      alert: "CPU au-dessus de 90 %",
      server: host,
      metric: "cpu",
      comparator: "gt",
      threshold: 90,
      value: 99,
    });
    expect(await told(otherDevops, "devops.alert.firing", host)).toHaveLength(1);
    expect(await told(admin, "devops.alert.firing", host)).toHaveLength(0);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, instance!.id), eq(auditLog.action, "alert_instance.fired")));
    expect(audit?.actorLabel).toBe("devops.alerts");
  });

  it("tells nobody again while it keeps firing, until repeat_minutes have passed", async () => {
    await metric(serverId, "cpu", 96, later(t0, 6 * minute));
    await evaluate(later(t0, 6 * minute));
    await evaluate(later(t0, 6 * minute));
    await metric(serverId, "cpu", 95, later(t0, 33 * minute));
    await evaluate(later(t0, 34 * minute));
    expect(await told(devops, "devops.alert.firing", host)).toHaveLength(1);
    expect((await instancesOf(serverId))[0]?.value).toBe(95);
    await evaluate(later(t0, 35 * minute));
    const repeated = await told(devops, "devops.alert.firing", host);
    expect(repeated).toHaveLength(2);
    expect(repeated.map((n) => n.titleKey)).toContain("notifications.messages.devops.alert.firing.titleRepeat");
    await evaluate(later(t0, 35 * minute + 15 * second));
    expect(await told(devops, "devops.alert.firing", host)).toHaveLength(2);
  });

  it("resolves when the value falls back, with one resolution notification", async () => {
    await metric(serverId, "cpu", 40, later(t0, 36 * minute));
    await evaluate(later(t0, 36 * minute));
    await evaluate(later(t0, 36 * minute + 15 * second));
    const [instance] = await instancesOf(serverId);
    expect(instance).toMatchObject({ state: "resolved" });
    expect(instance?.resolvedAt?.getTime()).toBe(later(t0, 36 * minute).getTime());
    const resolved = await told(devops, "devops.alert.resolved", host);
    expect(resolved).toHaveLength(1);
    expect(resolved[0]).toMatchObject({
      severity: "success",
      bodyKey: "notifications.messages.devops.alert.resolved.body",
      params: expect.objectContaining({ value: 40 }),
    });
    expect(await told(devops, "devops.alert.firing", host)).toHaveLength(2);
  });

  it("drops a pending instance silently when the condition clears before the pending period", async () => {
    await metric(serverId, "cpu", 93, later(t0, 60 * minute));
    await evaluate(later(t0, 60 * minute));
    expect((await instancesOf(serverId)).filter((i) => i.state === "pending")).toHaveLength(1);
    await metric(serverId, "cpu", 50, later(t0, 62 * minute));
    await evaluate(later(t0, 62 * minute));
    expect((await instancesOf(serverId)).map((i) => i.state)).toEqual(["resolved"]);
    expect(await told(devops, "devops.alert.firing", host)).toHaveLength(2);
    expect(await told(devops, "devops.alert.resolved", host)).toHaveLength(1);
  });

  it("shows live and past instances to readers", async () => {
    await metric(serverId, "cpu", 99, later(t0, 70 * minute));
    await evaluate(later(t0, 70 * minute));
    const live = await listLiveAlerts(db, devops);
    expect(live.find((a) => a.server === host)).toMatchObject({ state: "pending", metric: "cpu", threshold: 90, value: 99 });
    const history = await listAlertHistory(db, devops, { state: "resolved", limit: 25 });
    expect(history.data.filter((a) => a.server === host).map((a) => a.state)).toEqual(["resolved"]);
    await expectDomainError(listLiveAlerts(db, user), "forbidden");
    await metric(serverId, "cpu", 20, later(t0, 71 * minute));
    await evaluate(later(t0, 71 * minute));
  });
});

describe("which servers and data a rule looks at", () => {
  it("picks running servers with every tag, the environment and the role of its selector", async () => {
    const t = day(2);
    const ids = {
      match: await makeServer("k8s-node-01", { tags: ["sel", "dz"], environment: "production", role: "k8s-node" }),
      oneTag: await makeServer("k8s-node-02", { tags: ["sel"], environment: "production", role: "k8s-node" }),
      staging: await makeServer("k8s-node-03", { tags: ["sel", "dz"], environment: "staging", role: "k8s-node" }),
      role: await makeServer("db-sel-01", { tags: ["sel", "dz"], environment: "production", role: "database" }),
      stopped: await makeServer("k8s-node-04", { tags: ["sel", "dz"], environment: "production", role: "k8s-node", status: "stopped" }),
    };
    await rule({
      name: "Charge au-dessus de 8",
      metric: "load",
      threshold: 8,
      severity: "sev3",
      selector: { tags: ["sel", "dz"], environment: "production", role: "k8s-node" },
    });
    for (const id of Object.values(ids)) await metric(id, "load", 12, t);
    await evaluate(t);
    for (const [name, id] of Object.entries(ids)) {
      expect({ name, firing: (await instancesOf(id)).length }).toEqual({ name, firing: name === "match" ? 1 : 0 });
    }
  });

  it("treats a series older than 5 minutes as no data: not firing, and a firing alert resolves", async () => {
    const t = day(3);
    const server = await makeServer("stale-01", { tags: ["stale"] });
    await rule({ name: "Disque plein", metric: "disk", threshold: 95, selector: { tags: ["stale"] } });
    await metric(server, "disk", 99, later(t, -6 * minute));
    await evaluate(t);
    expect(await instancesOf(server)).toHaveLength(0);
    await metric(server, "disk", 99, t);
    await evaluate(t);
    expect((await instancesOf(server))[0]?.state).toBe("firing");
    await evaluate(later(t, 5 * minute + second));
    expect((await instancesOf(server))[0]?.state).toBe("resolved");
    const resolved = await told(devops, "devops.alert.resolved", "stale-01");
    expect(resolved.map((n) => n.bodyKey)).toEqual(["notifications.messages.devops.alert.resolved.bodyNoData"]);
  });

  it("is idempotent: evaluating twice at the same time changes nothing", async () => {
    const t = day(4);
    const server = await makeServer("idem-01", { tags: ["idem"] });
    await rule({ name: "Idempotence", metric: "cpu", selector: { tags: ["idem"] } });
    await metric(server, "cpu", 95, t);
    const first = await evaluate(t);
    expect(first?.fired).toBeGreaterThanOrEqual(1);
    const snapshot = await instancesOf(server);
    const second = await evaluate(t);
    expect(second).toMatchObject({ fired: 0, pending: 0, resolved: 0, notified: 0 });
    expect(await instancesOf(server)).toEqual(snapshot);
    expect(await told(devops, "devops.alert.firing", "idem-01")).toHaveLength(1);
  });

  it("announces a breach on many servers over several rounds, most severe first", async () => {
    const t = day(8);
    const hosts = ["wide-01", "wide-02", "wide-03"];
    for (const host of hosts) await metric(await makeServer(host, { tags: ["wide"] }), "cpu", 99, t);
    await rule({ name: "Large", metric: "cpu", selector: { tags: ["wide"] } });
    const notifiedHosts = async () => {
      const rows = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, devops.id), eq(notifications.kind, "devops.alert.firing")));
      return rows.filter((n) => hosts.includes(String(n.params.server))).length;
    };
    expect(await db.transaction((tx) => evaluateAlerts(tx, { now: t, maxAnnouncements: 2 }))).toMatchObject({ fired: 3, notified: 2 });
    expect(await notifiedHosts()).toBe(2);
    expect(await db.transaction((tx) => evaluateAlerts(tx, { now: later(t, 15 * second), maxAnnouncements: 2 }))).toMatchObject({
      fired: 0,
      notified: 1,
    });
    expect(await notifiedHosts()).toBe(3);
  });

  it("closes live alerts without notifying when the rule is disabled", async () => {
    const t = day(5);
    const server = await makeServer("disable-01", { tags: ["disable"] });
    const id = (await rule({ name: "À désactiver", metric: "cpu", selector: { tags: ["disable"] } })).id;
    await metric(server, "cpu", 95, t);
    await evaluate(t);
    await db.transaction((tx) => setMetricRuleEnabled(tx, devops, id, false));
    expect((await instancesOf(server))[0]?.state).toBe("resolved");
    await evaluate(later(t, 15 * second));
    expect(await told(devops, "devops.alert.resolved", "disable-01")).toHaveLength(0);
    expect(await instancesOf(server)).toHaveLength(1);
  });
});

describe("silences", () => {
  it("suppress notifications while in force, and the alert is told when the silence is expired", async () => {
    const t = day(6);
    const server = await makeServer("stg-web-01", { tags: ["silence"], environment: "staging" });
    const other = await makeServer("prd-web-01", { tags: ["silence"], environment: "production" });
    await rule({ name: "CPU silence", metric: "cpu", selector: { tags: ["silence"] } });
    const s = await silence(
      {
        matchers: [
          { name: "environment", op: "=", value: "staging" },
          { name: "server", op: "=~", value: "stg-.*" },
        ],
      },
      t,
    );
    expect(s).toMatchObject({ state: "active", createdBy: devops.email, comment: "maintenance planifiée" });
    await metric(server, "cpu", 99, t);
    await metric(other, "cpu", 99, t);
    await evaluate(t);
    const [silenced] = await instancesOf(server);
    expect(silenced).toMatchObject({ state: "firing", silencedBy: s.id, lastNotifiedAt: null });
    expect(await told(devops, "devops.alert.firing", "stg-web-01")).toHaveLength(0);
    expect(await told(devops, "devops.alert.firing", "prd-web-01")).toHaveLength(1);
    expect((await listLiveAlerts(db, devops)).find((a) => a.server === "stg-web-01")?.silenced).toBe(true);

    await metric(server, "cpu", 99, later(t, 10 * minute));
    await evaluate(later(t, 10 * minute));
    expect(await told(devops, "devops.alert.firing", "stg-web-01")).toHaveLength(0);
    await db.transaction((tx) => expireSilence(tx, devops, s.id, later(t, 11 * minute)));
    await expectDomainError(
      db.transaction((tx) => expireSilence(tx, devops, s.id, later(t, 11 * minute))),
      "conflict",
      "silenceAlreadyExpired",
    );
    await evaluate(later(t, 11 * minute));
    expect(await told(devops, "devops.alert.firing", "stg-web-01")).toHaveLength(1);
    expect((await instancesOf(server))[0]).toMatchObject({ silencedBy: null });
    await evaluate(later(t, 12 * minute));
    expect(await told(devops, "devops.alert.firing", "stg-web-01")).toHaveLength(1);
  });

  it("are created and expired over the API, with validated matchers", async () => {
    const endsAt = new Date(Date.now() + 60 * minute).toISOString();
    const ok = await call(
      silencesRoute,
      "POST",
      "/api/monitoring/silences",
      { user: admin },
      {
        matchers: [{ name: "alertname", op: "=~", value: "Disque.*" }],
        endsAt,
        comment: "remplacement des disques",
      },
    );
    expect(ok.status).toBe(201);
    const created = (await ok.json()) as { id: string; state: string; createdBy: string };
    expect(created).toMatchObject({ state: "active", createdBy: admin.email });
    const bad = await call(
      silencesRoute,
      "POST",
      "/api/monitoring/silences",
      { user: admin },
      {
        matchers: [{ name: "server", op: "=~", value: "web-(" }],
        endsAt,
        comment: "regex cassée",
      },
    );
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { path: string; message: string }[] }).errors).toEqual([
      { path: "matchers.0.value", message: "silenceRegexInvalid" },
    ]);
    const everything = await call(
      silencesRoute,
      "POST",
      "/api/monitoring/silences",
      { user: admin },
      {
        matchers: [{ name: "server", op: "=~", value: ".*" }],
        endsAt,
        comment: "tout",
      },
    );
    expect(everything.status).toBe(422);
    expect(
      (await call(silencesRoute, "POST", "/api/monitoring/silences", { key: readerKey }, { matchers: [], endsAt, comment: "x" })).status,
    ).toBe(403);
    const active = await call(silencesRoute, "GET", "/api/monitoring/silences?state=active", { key: readerKey });
    expect(((await active.json()) as { data: { id: string }[] }).data.map((s) => s.id)).toContain(created.id);
    expect(
      (await call(silenceItemRoute, "DELETE", `/api/monitoring/silences/${created.id}`, { user: devops }, undefined, created.id)).status,
    ).toBe(204);
    expect(
      (await call(silenceItemRoute, "DELETE", `/api/monitoring/silences/${created.id}`, { user: devops }, undefined, created.id)).status,
    ).toBe(409);
    const expired = await call(silencesRoute, "GET", "/api/monitoring/silences?state=expired", { key: readerKey });
    expect(((await expired.json()) as { data: { id: string; state: string }[] }).data.find((s) => s.id === created.id)?.state).toBe(
      "expired",
    );
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, "silence.expired")));
    expect(audit?.actorLabel).toBe(devops.email);
  });
});

describe("rules that open incidents", () => {
  it("open one incident with the first notification and resolve it with the alert", async () => {
    const t = day(7);
    const server = await makeServer("db-disk-01", { tags: ["incident"] });
    await rule({
      name: "Disque au-dessus de 95 %",
      metric: "disk",
      threshold: 95,
      severity: "sev1",
      openIncident: true,
      selector: { tags: ["incident"] },
    });
    await metric(server, "disk", 97.5, t);
    await evaluate(t);
    await evaluate(later(t, 15 * second));
    const [instance] = await instancesOf(server);
    expect(instance?.incidentId).toBeTruthy();
    const [incident] = await db.select().from(incidents).where(eq(incidents.id, instance!.incidentId!));
    expect(incident).toMatchObject({
      source: "alert",
      severity: "sev1",
      status: "triggered",
      title: "Disque au-dessus de 95 % — db-disk-01",
    });
    expect(await db.select().from(incidentServers).where(eq(incidentServers.incidentId, incident!.id))).toEqual([
      { incidentId: incident!.id, serverId: server },
    ]);
    const [count] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(incidents)
      .where(sql`${incidents.title} like '%db-disk-01'`);
    expect(count?.n).toBe(1);

    await metric(server, "disk", 60, later(t, 20 * minute));
    await evaluate(later(t, 20 * minute));
    const [after] = await db.select().from(incidents).where(eq(incidents.id, incident!.id));
    expect(after?.status).toBe("resolved");
  });
});

describe("the devops.alerts job", () => {
  it("is scheduled every 15 seconds and registered", async () => {
    await ensureDevopsAlertSchedules(db);
    const [schedule] = await db.select().from(jobSchedules).where(eq(jobSchedules.name, devopsAlertsJobKind));
    expect(schedule).toMatchObject({ cron: "*/15 * * * * *", kind: "devops.alerts" });
    expect(handlerFor(devopsAlertsJobKind)).toBeTypeOf("function");
  });
});

describe("the demo", () => {
  it("seeds five rules, a silence on staging in force and an expired one, through the services", async () => {
    const { seedAlertRules } = await import("@/db/seed/devops/alerts");
    const ids = await db.transaction((tx) => seedAlertRules(tx, devops));
    expect(ids.rules).toHaveLength(5);
    const active = await listSilences(db, devops, { state: "active", limit: 100 });
    expect(active.data.find((s) => s.id === ids.silences[0])).toMatchObject({
      comment: "maintenance planifiée",
      matchers: [{ name: "environment", op: "=", value: "staging" }],
    });
    const expired = await listSilences(db, devops, { state: "expired", limit: 100 });
    expect(expired.data.map((s) => s.id)).toContain(ids.silences[1]);
    const rules = await listMetricRules(db, devops, { limit: 100 });
    expect(
      rules.data
        .filter((r) => ids.rules.includes(r.id) && r.openIncident)
        .map((r) => r.name)
        .sort(),
    ).toEqual(["CPU au-dessus de 90 %", "Disque au-dessus de 95 %"]);
  });
});
