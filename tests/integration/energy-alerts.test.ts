import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { alertRules, auditLog, energyAlerts, jobSchedules, meters, notifications, webhookDeliveries, webhooks } from "@/db/schema";
import { alertRuleSchema, type AlertRuleInput } from "@/lib/validation/alert-rules";
import type { UserActor } from "@/server/auth/actor";
import { acknowledgeAlert } from "@/server/energy/alerts/alerts-service";
import { listAlertHistory, listOpenAlerts } from "@/server/energy/alerts/alerts-query";
import { evaluateAlerts } from "@/server/energy/alerts/evaluate";
import { alertsJobKind, ensureAlertSchedules } from "@/server/energy/alerts/jobs";
import { createAlertRule, deleteAlertRule, setAlertRuleEnabled, updateAlertRule } from "@/server/energy/alerts/rules-service";
import { ingestReadings } from "@/server/energy/readings/ingest";
import { handlerFor } from "@/server/platform/jobs/registry";
import { DomainError } from "@/server/platform/errors";
import { freshDb } from "../support/db";
import { makeSite, makeUser } from "../support/maintenance-fixtures";

let db: Db;
let admin: UserActor;
let otherAdmin: UserActor;
let agent: UserActor;
let technician: UserActor;
let guest: UserActor;
let siteId: string;
let becharSite: string;

const minute = 60_000;
/** A 15-minute slot boundary 12 hours ago: every test places its readings after it (fresh data). */
const t0 = new Date(Math.floor(Date.now() / (15 * minute)) * 15 * minute - 12 * 60 * minute);
const slot = (i: number) => new Date(t0.getTime() + i * 15 * minute);
/** `now` just after the end of slot i: the readings are fresh. */
const after = (i: number) => new Date(slot(i + 1).getTime() + minute);

let meterCounter = 0;
async function makeMeter(
  site: string,
  values: { kind?: "consumption" | "production"; quantity?: "energy" | "power" | "volume"; interval?: number } = {},
): Promise<string> {
  const quantity = values.quantity ?? "energy";
  const [row] = await db
    .insert(meters)
    .values({
      siteId: site,
      code: `CPT-${Date.now().toString(36)}-${++meterCounter}`,
      name: `Compteur ${meterCounter}`,
      kind: values.kind ?? "consumption",
      quantity,
      unit: quantity === "energy" ? "kWh" : quantity === "power" ? "kW" : "m3",
      intervalMinutes: values.interval ?? 15,
    })
    .returning({ id: meters.id });
  return row!.id;
}

/** Readings as ingest stores them (interval values in the canonical unit), written by SQL. */
async function put(meterId: string, values: [number, number][]) {
  for (const [i, value] of values) {
    await db.execute(sql`
      insert into readings (meter_id, ts, value, original_value, original_unit)
      values (${meterId}, ${slot(i).toISOString()}::timestamptz, ${value}, ${value}, 'kWh')
      on conflict (meter_id, ts) do update set value = excluded.value, original_value = excluded.original_value`);
  }
}

const evaluate = (meterIds: string[] | undefined, now: Date) => db.transaction((tx) => evaluateAlerts(tx, { meterIds, now }));

function rule(actor: UserActor, input: Partial<AlertRuleInput>) {
  const parsed = alertRuleSchema.parse({
    name: "Consommation au-dessus de 500 kW",
    target: "meter",
    comparator: "above",
    threshold: 500,
    durationMinutes: 15,
    severity: "critical",
    ...input,
  });
  return db.transaction((tx) => createAlertRule(tx, actor, parsed));
}

const alertsOf = (ruleId: string) => db.select().from(energyAlerts).where(eq(energyAlerts.ruleId, ruleId));
async function notificationsFor(userId: string, kind: string, ruleName: string) {
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
  return rows.filter((n) => n.params.rule === ruleName);
}

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
  otherAdmin = await makeUser(db, "admin", "Nadir Ouali");
  agent = await makeUser(db, "user", "Salma El Idrissi");
  technician = await makeUser(db, "technician", "Yacine Haddad");
  guest = await makeUser(db, "guest", "Youssef Amrani");
  siteId = await makeSite(db, { name: "Centrale Adrar" });
});

describe("a rule above 500 kW for 15 minutes on a 15-minute energy meter", () => {
  let meterId: string;
  let ruleId: string;
  const name = "Adrar: above 500 kW";

  it("fires once when readings of 130 kWh (520 kW) arrive, with one notification per admin and one webhook", async () => {
    meterId = await makeMeter(siteId);
    await db
      .insert(webhooks)
      .values({ url: "https://hooks.example.com/dihya", eventTypes: ["energy.alert.fired"], secret: "s".repeat(32) });
    ruleId = (await rule(admin, { name, meterId })).id;
    await put(meterId, [
      [0, 100],
      [1, 130],
      [2, 130],
    ]);
    await evaluate([meterId], after(2));

    const alerts = await alertsOf(ruleId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ state: "firing", peakValue: 520, lastValue: 520 });
    expect(alerts[0]!.breachStartedAt.toISOString()).toBe(slot(1).toISOString());
    for (const a of [admin, otherAdmin]) {
      const sent = await notificationsFor(a.id, "energy.alert.fired", name);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({
        severity: "critical",
        titleKey: "notifications.messages.energy.alert.fired.title",
        link: "/energy/alerts",
      });
      expect(sent[0]!.params).toMatchObject({ threshold: 500, unit: "kW", peak: 520, comparator: "above", kind: "meter" });
    }
    expect(await notificationsFor(agent.id, "energy.alert.fired", name)).toHaveLength(0);
    const deliveries = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventType, "energy.alert.fired"));
    expect(deliveries).toHaveLength(1);
    const fired = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, alerts[0]!.id), eq(auditLog.action, "energy_alert.fired")));
    expect(fired).toHaveLength(1);
  });

  it("notifies nobody again while the readings stay high, and keeps the peak", async () => {
    await evaluate([meterId], after(2));
    await put(meterId, [
      [3, 140],
      [4, 135],
    ]);
    await evaluate([meterId], after(4));
    await evaluate(undefined, after(4));

    const alerts = await alertsOf(ruleId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ state: "firing", peakValue: 560, lastValue: 540 });
    for (const a of [admin, otherAdmin]) expect(await notificationsFor(a.id, "energy.alert.fired", name)).toHaveLength(1);
    expect(await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventType, "energy.alert.fired"))).toHaveLength(1);
  });

  it("resolves with one notification per admin when a reading falls back to 100 kWh", async () => {
    await put(meterId, [[5, 100]]);
    await evaluate([meterId], after(5));
    await evaluate([meterId], after(5));
    await put(meterId, [[6, 90]]);
    await evaluate([meterId], after(6));

    const alerts = await alertsOf(ruleId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ state: "resolved", lastValue: 400, peakValue: 560 });
    expect(alerts[0]!.resolvedAt?.toISOString()).toBe(after(5).toISOString());
    for (const a of [admin, otherAdmin]) {
      const sent = await notificationsFor(a.id, "energy.alert.resolved", name);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ severity: "success", titleKey: "notifications.messages.energy.alert.resolved.title" });
    }
  });

  it("fires a new alert (and only one) when the readings rise again", async () => {
    await put(meterId, [[7, 150]]);
    await evaluate([meterId], after(7));
    await evaluate([meterId], after(7));
    const alerts = await alertsOf(ruleId);
    expect(alerts.map((a) => a.state).sort()).toEqual(["firing", "resolved"]);
    expect(await notificationsFor(admin.id, "energy.alert.fired", name)).toHaveLength(2);
  });
});

describe("what does not fire", () => {
  it("a single spike shorter than the duration fires nothing", async () => {
    const meterId = await makeMeter(siteId);
    const name = "Spike: above 500 kW for 30 min";
    const { id } = await rule(admin, { name, meterId, durationMinutes: 30 });
    await put(meterId, [
      [0, 100],
      [1, 130],
    ]);
    await evaluate([meterId], after(1));
    await put(meterId, [[2, 100]]);
    await evaluate([meterId], after(2));
    expect(await alertsOf(id)).toHaveLength(0);
    expect(await notificationsFor(admin.id, "energy.alert.fired", name)).toHaveLength(0);
  });

  it("a window with a missing reading does not count as a breach", async () => {
    const meterId = await makeMeter(siteId);
    const { id } = await rule(admin, { name: "Gap: above 500 kW for 30 min", meterId, durationMinutes: 30 });
    await put(meterId, [
      [0, 130],
      [2, 130],
    ]);
    await evaluate([meterId], after(2));
    expect(await alertsOf(id)).toHaveLength(0);
    await put(meterId, [[3, 130]]);
    await evaluate([meterId], after(3));
    const [alert] = await alertsOf(id);
    expect(alert?.breachStartedAt.toISOString()).toBe(slot(2).toISOString());
  });

  it("old readings (an import of last year) page nobody", async () => {
    const meterId = await makeMeter(siteId);
    const { id } = await rule(admin, { name: "Old data", meterId });
    await put(meterId, [[0, 200]]);
    await evaluate([meterId], new Date(slot(0).getTime() + 3 * 24 * 60 * minute));
    expect(await alertsOf(id)).toHaveLength(0);
  });

  it("a disabled rule is ignored; enabling it evaluates it at once; disabling closes its alert silently", async () => {
    const meterId = await makeMeter(siteId);
    const name = "Disabled rule";
    const { id } = await rule(admin, { name, meterId });
    await db.transaction((tx) => setAlertRuleEnabled(tx, admin, id, false));
    await put(meterId, [[10, 200]]);
    await evaluate([meterId], after(10));
    expect(await alertsOf(id)).toHaveLength(0);

    await db.transaction((tx) => setAlertRuleEnabled(tx, admin, id, true));
    const fired = await alertsOf(id);
    expect(fired).toHaveLength(1);
    expect(fired[0]!.state).toBe("firing");

    await db.transaction((tx) => setAlertRuleEnabled(tx, admin, id, false));
    expect((await alertsOf(id))[0]!.state).toBe("resolved");
    expect(await notificationsFor(admin.id, "energy.alert.resolved", name)).toHaveLength(0);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.map((a) => a.action).sort()).toEqual([
      "alert_rule.created",
      "alert_rule.disabled",
      "alert_rule.disabled",
      "alert_rule.enabled",
    ]);
  });
});

describe("a below rule and a site rule", () => {
  it("below 50 kW for 30 minutes on a power meter fires on the lowest value and resolves above it", async () => {
    const meterId = await makeMeter(siteId, { kind: "production", quantity: "power" });
    const name = "PV below 50 kW";
    const { id } = await rule(admin, { name, meterId, comparator: "below", threshold: 50, durationMinutes: 30, severity: "warning" });
    await put(meterId, [
      [0, 80],
      [1, 40],
    ]);
    await evaluate([meterId], after(1));
    expect(await alertsOf(id)).toHaveLength(0);
    await put(meterId, [[2, 30]]);
    await evaluate([meterId], after(2));
    expect((await alertsOf(id))[0]).toMatchObject({ state: "firing", peakValue: 30 });
    expect((await notificationsFor(admin.id, "energy.alert.fired", name))[0]?.severity).toBe("warning");
    await put(meterId, [[3, 50]]);
    await evaluate([meterId], after(3));
    expect((await alertsOf(id))[0]).toMatchObject({ state: "resolved" });
    expect(await notificationsFor(otherAdmin.id, "energy.alert.resolved", name)).toHaveLength(1);
  });

  it("a site rule sums the site's consumption meters per interval, and only complete intervals", async () => {
    const site = (becharSite = await makeSite(db, { name: "Poste Béchar" }));
    const a = await makeMeter(site);
    const b = await makeMeter(site);
    const pv = await makeMeter(site, { kind: "production" });
    const name = "Béchar consumption above 500 kW";
    const { id } = await rule(admin, { name, target: "site", siteId: site, kind: "consumption", meterId: "" });
    await put(pv, [
      [0, 500],
      [1, 500],
    ]);
    await put(a, [
      [0, 60],
      [1, 70],
    ]);
    await put(b, [[0, 60]]);
    await evaluate([a, b, pv], after(1));
    expect(await alertsOf(id)).toHaveLength(0); // 480 kW complete at slot 0; slot 1 lacks meter b
    await put(b, [[1, 70]]);
    await evaluate([b], after(1));
    const alerts = await alertsOf(id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ state: "firing", peakValue: 560 });
    expect((await notificationsFor(admin.id, "energy.alert.fired", name))[0]?.params).toMatchObject({ kind: "consumption" });
    await put(a, [[2, 50]]);
    await put(b, [[2, 50]]);
    await evaluate([a], after(2));
    expect((await alertsOf(id))[0]).toMatchObject({ state: "resolved", lastValue: 400 });
  });
});

describe("acknowledging and the alert lists", () => {
  it("a user acknowledges a firing alert (recorded, audited); it still resolves and notifies once", async () => {
    const meterId = await makeMeter(siteId);
    const name = "Acknowledged rule";
    const { id } = await rule(admin, { name, meterId });
    await put(meterId, [[20, 200]]);
    await evaluate([meterId], after(20));
    const [alert] = await alertsOf(id);

    await expectDomainError(
      db.transaction((tx) => acknowledgeAlert(tx, guest, alert!.id)),
      "forbidden",
    );
    await db.transaction((tx) => acknowledgeAlert(tx, agent, alert!.id));
    const [acked] = await alertsOf(id);
    expect(acked).toMatchObject({ state: "acknowledged", acknowledgedBy: agent.id });
    expect(acked!.acknowledgedAt).not.toBeNull();
    await expectDomainError(
      db.transaction((tx) => acknowledgeAlert(tx, admin, alert!.id)),
      "conflict",
      "alertNotFiring",
    );
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, alert!.id), eq(auditLog.action, "energy_alert.acknowledged")));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(agent.id);

    const open = await listOpenAlerts(db, agent, {});
    expect(open.find((a) => a.id === alert!.id)).toMatchObject({ state: "acknowledged", acknowledgedByName: agent.name, ruleName: name });

    await put(meterId, [[21, 210]]);
    await evaluate([meterId], after(21));
    expect(await notificationsFor(admin.id, "energy.alert.fired", name)).toHaveLength(1);
    await put(meterId, [[22, 10]]);
    await evaluate([meterId], after(22));
    expect((await alertsOf(id))[0]!.state).toBe("resolved");
    expect(await notificationsFor(admin.id, "energy.alert.resolved", name)).toHaveLength(1);
  });

  it("lists open alerts firing first, and the history of resolved alerts by cursor, filtered by site", async () => {
    const before = await listOpenAlerts(db, agent, {});
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(before.every((a) => a.state === "firing")).toBe(true);
    await db.transaction((tx) => acknowledgeAlert(tx, admin, before[0]!.id));
    const open = await listOpenAlerts(db, agent, {});
    expect(open.map((a) => a.state)).toEqual([...before.slice(1).map(() => "firing"), "acknowledged"]);
    expect(open.at(-1)!.id).toBe(before[0]!.id);
    expect((await listOpenAlerts(db, agent, { state: "acknowledged" })).map((a) => a.id)).toEqual([before[0]!.id]);

    const first = await listAlertHistory(db, agent, { limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.next_cursor).not.toBeNull();
    const second = await listAlertHistory(db, agent, { limit: 50, cursor: first.next_cursor! });
    const ids = [...first.data, ...second.data].map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...first.data, ...second.data].every((a) => a.state === "resolved" && a.resolvedAt)).toBe(true);

    const bechar = await listAlertHistory(db, agent, { limit: 50, site: becharSite });
    expect(bechar.data.map((a) => [a.siteName, a.kind, a.unit])).toEqual([["Poste Béchar", "consumption", "kW"]]);
    expect(await listOpenAlerts(db, agent, { site: becharSite })).toEqual([]);
    await expect(listOpenAlerts(db, technician, {})).rejects.toBeInstanceOf(DomainError);
  });
});

describe("managing rules", () => {
  it("only alerts.manage (admins) writes rules: a user or a technician is refused", async () => {
    const meterId = await makeMeter(siteId);
    await expectDomainError(rule(agent, { meterId }), "forbidden");
    await expectDomainError(rule(technician, { meterId }), "forbidden");
    expect(await db.select().from(alertRules).where(eq(alertRules.meterId, meterId))).toHaveLength(0);
  });

  it("refuses a duration shorter than the meter interval and an unknown meter", async () => {
    const hourly = await makeMeter(siteId, { interval: 60 });
    await expectDomainError(rule(admin, { meterId: hourly, durationMinutes: 30 }), "validation_failed", "alertDurationBelowInterval");
    await expectDomainError(rule(admin, { meterId: "00000000-0000-4000-8000-000000000000" }), "validation_failed", "alertMeterUnknown");
    expect(
      alertRuleSchema.safeParse({
        name: "Site rule",
        target: "site",
        comparator: "above",
        threshold: 1,
        durationMinutes: 15,
        severity: "info",
      }).success,
    ).toBe(false);
  });

  it("edits (audited with the changes), deletes a rule without history, and refuses to delete one with history", async () => {
    const meterId = await makeMeter(siteId);
    const created = await rule(admin, { name: "To edit", meterId });
    const edited = await db.transaction((tx) =>
      updateAlertRule(
        tx,
        admin,
        created.id,
        alertRuleSchema.parse({
          name: created.name,
          target: "meter",
          meterId,
          comparator: "above",
          threshold: 800,
          durationMinutes: 15,
          severity: "critical",
        }),
      ),
    );
    expect(edited).toMatchObject({ threshold: 800, unit: "kW", hasHistory: false, target: "meter" });
    const [updated] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, "alert_rule.updated")));
    expect(updated?.changes).toEqual({ threshold: { old: 500, new: 800 } });
    await expectDomainError(
      db.transaction((tx) => deleteAlertRule(tx, agent, created.id)),
      "forbidden",
    );
    await db.transaction((tx) => deleteAlertRule(tx, admin, created.id));
    expect(await db.select().from(alertRules).where(eq(alertRules.id, created.id))).toHaveLength(0);

    const [used] = await db.select({ ruleId: energyAlerts.ruleId }).from(energyAlerts).limit(1);
    await expectDomainError(
      db.transaction((tx) => deleteAlertRule(tx, admin, used!.ruleId)),
      "conflict",
      "alertRuleHasHistory",
    );
  });
});

describe("on ingest (as server/energy/readings/after-ingest.ts calls it)", () => {
  it("readings posted in Wh and MWh fire one alert in the ingest transaction, and readings back under the threshold resolve it", async () => {
    const meterId = await makeMeter(siteId);
    const [meter] = await db.select({ code: meters.code }).from(meters).where(eq(meters.id, meterId));
    const name = "Ingest path: above 500 kW";
    const { id } = await rule(admin, { name, meterId, durationMinutes: 30 });
    const now = Date.now();
    const at = (k: number) => new Date(Math.floor(now / (15 * minute)) * 15 * minute - k * 15 * minute).toISOString();
    const post = (items: unknown[]) =>
      db.transaction(async (tx) => {
        const result = await ingestReadings(tx, admin, items, { source: "api" });
        await evaluateAlerts(tx, { meterIds: [...new Set(result.touched.map((r) => r.meterId))] });
        return result;
      });
    const first = await post([
      { meter: meter!.code, ts: at(3), value: 130_000, unit: "Wh" },
      { meter: meter!.code, ts: at(2), value: 0.13, unit: "MWh" },
    ]);
    expect(first.accepted).toBe(2);
    expect((await alertsOf(id))[0]).toMatchObject({ state: "firing", peakValue: 520 });
    await post([{ meter: meter!.code, ts: at(1), value: 135, unit: "kWh" }]);
    expect(await notificationsFor(admin.id, "energy.alert.fired", name)).toHaveLength(1);
    await post([{ meter: meter!.code, ts: at(0), value: 100, unit: "kWh" }]);
    expect((await alertsOf(id))[0]).toMatchObject({ state: "resolved", peakValue: 540, lastValue: 400 });
    expect(await notificationsFor(otherAdmin.id, "energy.alert.resolved", name)).toHaveLength(1);
  });
});

describe("the energy.alerts job", () => {
  it("is scheduled every 5 minutes and evaluates every enabled rule", async () => {
    await ensureAlertSchedules(db);
    const [schedule] = await db.select().from(jobSchedules).where(eq(jobSchedules.name, alertsJobKind));
    expect(schedule).toMatchObject({ kind: "energy.alerts", cron: "*/5 * * * *" });

    const meterId = await makeMeter(siteId);
    const now = Date.now();
    const { id } = await rule(admin, { name: "Job rule", meterId });
    const recent = new Date(Math.floor(now / (15 * minute)) * 15 * minute - 15 * minute);
    await db.execute(sql`
      insert into readings (meter_id, ts, value, original_value, original_unit)
      values (${meterId}, ${recent.toISOString()}::timestamptz, 300, 300, 'kWh')`);
    const handler = handlerFor(alertsJobKind)!;
    const signal = new AbortController().signal;
    await handler({}, { jobId: "test", attempt: 1, maxAttempts: 3, actor: { kind: "system", id: "job:energy.alerts" }, signal });
    expect((await alertsOf(id))[0]).toMatchObject({ state: "firing", peakValue: 1200 });
  });
});
