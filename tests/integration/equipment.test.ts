import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, equipment, interventions, notifications, sites, webhookDeliveries, webhooks } from "@/db/schema";
import { createEquipmentSchema, listEquipmentQuery, type CreateEquipmentInput } from "@/lib/validation/equipment";
import type { Actor, UserActor } from "@/server/auth/actor";
import { addDays, dayIn } from "@/server/energy/equipment/dates";
import { stateHistory } from "@/server/energy/equipment/equipment-detail";
import { listEquipment } from "@/server/energy/equipment/equipment-query";
import { createEquipment, deleteEquipment, updateEquipment } from "@/server/energy/equipment/equipment-service";
import { changeEquipmentState } from "@/server/energy/equipment/equipment-state";
import { computeNextDue, recordService } from "@/server/energy/equipment/plan";
import { createUser } from "@/server/users/users-service";
import { freshDb, systemActor } from "../support/db";

let db: Db;
let admin: UserActor;
let technician: UserActor;
let solar: string;
let wind: string;
let retired: string;
const today = dayIn();

const asActor = (u: { id: string; name: string; email: string }, role: UserActor["role"]): UserActor => ({
  kind: "user",
  id: u.id,
  role,
  name: u.name,
  email: u.email,
  locale: "fr",
  theme: "system",
});

async function site(code: string, type: string, status = "in_service") {
  const [row] = await db
    .insert(sites)
    .values({ code, name: `Site ${code}`, type, status })
    .returning({ id: sites.id });
  return row!.id;
}

const make = (input: CreateEquipmentInput, actor: Actor = admin) =>
  db.transaction((tx) => createEquipment(tx, actor, createEquipmentSchema.parse(input)));

beforeAll(async () => {
  db = await freshDb();
  const person = (email: string, role: UserActor["role"], name: string) =>
    db.transaction((tx) => createUser(tx, systemActor, { name, email, role, locale: "fr", password: "long enough password 2026" }));
  admin = asActor(await person("yasmina.admin@example.dz", "admin", "Yasmina Haddad"), "admin");
  const second = await person("karim.admin@example.dz", "admin", "Karim Ould Ali");
  void second;
  technician = asActor(await person("idir.tech@example.dz", "technician", "Idir Meziane"), "technician");
  solar = await site("DZ-ADR-PV01", "solar_park");
  wind = await site("MA-TNT-WP01", "wind_park");
  retired = await site("DZ-ORN-TG01", "thermal_plant", "decommissioned");
});

describe("computeNextDue (preventive plans)", () => {
  const base = {
    planKind: null,
    planInterval: null,
    operatingHours: "0",
    hoursAtLastService: null,
    lastServiceOn: null,
    commissionedOn: null,
    nextDueOn: null,
  };

  it("has no due date without a plan", () => {
    expect(computeNextDue(base, "2026-03-01")).toBeNull();
    expect(computeNextDue({ ...base, planKind: "days", planInterval: 0 }, "2026-03-01")).toBeNull();
  });

  it("counts days from the last service, else commissioning, else today", () => {
    const plan = { ...base, planKind: "days", planInterval: 30 };
    expect(computeNextDue({ ...plan, lastServiceOn: "2026-01-15", commissionedOn: "2020-05-01" }, "2026-03-01")).toBe("2026-02-14");
    expect(computeNextDue({ ...plan, commissionedOn: "2026-02-20" }, "2026-03-01")).toBe("2026-03-22");
    expect(computeNextDue(plan, "2026-12-15")).toBe("2027-01-14");
    expect(computeNextDue({ ...plan, planInterval: 365 }, "2028-02-29")).toBe("2029-02-28");
  });

  it("is due today once the counter has run the interval, and keeps a recorded due date", () => {
    const plan = { ...base, planKind: "hours", planInterval: 4000, hoursAtLastService: "10000.0" };
    expect(computeNextDue({ ...plan, operatingHours: "13999.9" }, "2026-03-01")).toBeNull();
    expect(computeNextDue({ ...plan, operatingHours: "14000.0" }, "2026-03-01")).toBe("2026-03-01");
    expect(computeNextDue({ ...plan, operatingHours: 15000, nextDueOn: "2026-02-10" }, "2026-03-01")).toBe("2026-02-10");
    expect(computeNextDue({ ...plan, hoursAtLastService: null, operatingHours: 3999 }, "2026-03-01")).toBeNull();
  });

  it("reads a Date as its Africa/Algiers calendar day", () => {
    const plan = { ...base, planKind: "days", planInterval: 1 };
    // 23:30 UTC on 31 Dec is already 1 Jan in Algiers (UTC+1).
    expect(computeNextDue(plan, new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-02");
  });
});

describe("equipment service", () => {
  it("creates equipment with a 30-day plan, a random label token, and an audit row", async () => {
    const created = await make({
      siteId: solar,
      name: "Onduleur OND-01",
      type: "inverter",
      serialNumber: "SMA-2019-482193",
      manufacturer: "SMA",
      criticality: "high",
      planKind: "days",
      planInterval: 30,
    });
    expect(created.nextDueOn).toBe(addDays(today, 30));
    expect(created.overdue).toBe(false);
    expect(created.site).toMatchObject({ id: solar, code: "DZ-ADR-PV01" });
    const [row] = await db.select().from(equipment).where(eq(equipment.id, created.id));
    expect(row!.qrToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(created).not.toHaveProperty("qrToken");
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, "equipment.created")));
    expect(entry?.actorId).toBe(admin.id);
    expect(entry?.changes).toMatchObject({ name: { old: null, new: "Onduleur OND-01" }, planInterval: { old: null, new: 30 } });
  });

  it("gives each piece of equipment its own label token", async () => {
    const a = await make({ siteId: solar, name: "Chaîne PV STR-01", type: "panel_string" });
    const b = await make({ siteId: solar, name: "Chaîne PV STR-02", type: "panel_string" });
    const tokens = await db.select({ t: equipment.qrToken }).from(equipment).where(eq(equipment.siteId, solar));
    expect(new Set(tokens.map((r) => r.t)).size).toBe(tokens.length);
    expect(a.id).not.toBe(b.id);
  });

  it("refuses an unknown or decommissioned site as a field error", async () => {
    await expect(make({ siteId: retired, name: "Alternateur G1", type: "generator" })).rejects.toMatchObject({
      code: "validation_failed",
      messageKey: "equipmentSiteDecommissioned",
      field: "siteId",
    });
    await expect(make({ siteId: "00000000-0000-4000-8000-000000000000", name: "Pompe P-01", type: "pump" })).rejects.toMatchObject({
      messageKey: "siteUnknown",
      field: "siteId",
    });
  });

  it("keeps serial numbers unique per site, whatever their case", async () => {
    await make({ siteId: wind, name: "Éolienne WTG-01", type: "turbine", serialNumber: "VES-2018-100200" });
    await expect(make({ siteId: wind, name: "Éolienne WTG-02", type: "turbine", serialNumber: "ves-2018-100200" })).rejects.toMatchObject({
      code: "conflict",
      messageKey: "serialTaken",
      field: "serialNumber",
    });
    const elsewhere = await make({ siteId: solar, name: "Compteur CPT-01", type: "meter", serialNumber: "VES-2018-100200" });
    expect(elsewhere.serialNumber).toBe("VES-2018-100200");
  });

  it("validates plans: an interval is required and bounded", () => {
    const parsed = createEquipmentSchema.safeParse({ siteId: solar, name: "Batterie BESS-01", type: "battery", planKind: "days" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toContainEqual(["planInterval", "planIntervalRequired"]);
    const tooLong = createEquipmentSchema.safeParse({
      siteId: solar,
      name: "Batterie BESS-01",
      type: "battery",
      planKind: "days",
      planInterval: 4000,
    });
    expect(tooLong.error?.issues[0]?.message).toBe("planIntervalTooLarge");
  });

  it("audits only the fields that changed and recomputes the due date from the plan", async () => {
    const e = await make({
      siteId: solar,
      name: "Transformateur TR-1",
      type: "transformer",
      planKind: "days",
      planInterval: 180,
      lastServiceOn: "2026-01-10",
    });
    expect(e.nextDueOn).toBe("2026-07-09");
    const after = await db.transaction((tx) =>
      updateEquipment(tx, admin, e.id, { lastServiceOn: "2026-02-01", manufacturer: "Hitachi Energy" }),
    );
    expect(after.nextDueOn).toBe("2026-07-31");
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, e.id), eq(auditLog.action, "equipment.updated")));
    expect(entry?.changes).toEqual({
      manufacturer: { old: null, new: "Hitachi Energy" },
      lastServiceOn: { old: "2026-01-10", new: "2026-02-01" },
      nextDueOn: { old: "2026-07-09", new: "2026-07-31" },
    });
    const cleared = await db.transaction((tx) => updateEquipment(tx, admin, e.id, { planKind: null }));
    expect(cleared).toMatchObject({ planKind: null, planInterval: null, nextDueOn: null });
    await expect(db.transaction((tx) => updateEquipment(tx, admin, e.id, { planKind: "hours" }))).rejects.toMatchObject({
      messageKey: "planIntervalRequired",
      field: "planInterval",
    });
  });

  it("lets technicians read but not write", async () => {
    await expect(make({ siteId: solar, name: "Onduleur OND-09", type: "inverter" }, technician)).rejects.toMatchObject({
      code: "forbidden",
    });
    const page = await listEquipment(db, technician, listEquipmentQuery.parse({}));
    expect(page.data.length).toBeGreaterThan(0);
  });
});

describe("equipment state", () => {
  it("setting failed notifies every admin (critical, linked) and queues an equipment.alarm delivery", async () => {
    const [hook] = await db
      .insert(webhooks)
      .values({ url: "https://erp.example.dz/hooks", eventTypes: ["equipment.alarm"], secret: "whsec_test" })
      .returning({ id: webhooks.id });
    const e = await make({ siteId: wind, name: "Éolienne WTG-07", type: "turbine", criticality: "critical" });
    const dto = await db.transaction((tx) => changeEquipmentState(tx, admin, e.id, "failed", "Défaut d’isolement au pied de mât"));
    expect(dto.state).toBe("failed");

    const sent = await db.select().from(notifications).where(eq(notifications.kind, "equipment.failed"));
    const admins = await db.query.users.findMany({ where: (u, { eq: is }) => is(u.role, "admin") });
    expect(sent.map((n) => n.userId).sort()).toEqual(admins.map((a) => a.id).sort());
    expect(sent.every((n) => n.severity === "critical" && n.link === `/energy/equipment/${e.id}`)).toBe(true);
    expect(sent[0]?.params).toMatchObject({ equipment: "Éolienne WTG-07", site: "Site MA-TNT-WP01" });
    expect(sent.some((n) => n.userId === technician.id)).toBe(false);

    const deliveries = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hook!.id));
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]?.eventType).toBe("equipment.alarm");
    expect(deliveries[0]?.payload).toMatchObject({
      type: "equipment.alarm",
      data: { state: "failed", previous_state: "operational", reason: "Défaut d’isolement au pied de mât", equipment: { id: e.id } },
    });

    const history = await stateHistory(db, admin, e.id);
    expect(history[0]).toMatchObject({ from: "operational", to: "failed", reason: "Défaut d’isolement au pied de mât", by: admin.email });
  });

  it("setting another state raises no alarm; setting the same state records nothing", async () => {
    const e = await make({ siteId: solar, name: "Onduleur OND-04", type: "inverter" });
    const before = await db.select().from(notifications);
    await db.transaction((tx) => changeEquipmentState(tx, admin, e.id, "degraded"));
    await db.transaction((tx) => changeEquipmentState(tx, admin, e.id, "degraded"));
    expect(await db.select().from(notifications)).toHaveLength(before.length);
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, e.id), eq(auditLog.action, "equipment.state_changed")));
    expect(rows).toHaveLength(1);
  });

  it("PATCH-style update with state goes through the state change", async () => {
    const e = await make({ siteId: solar, name: "Onduleur OND-05", type: "inverter" });
    const dto = await db.transaction((tx) =>
      updateEquipment(tx, admin, e.id, { state: "out_of_service", stateReason: "Remplacement programmé" }),
    );
    expect(dto.state).toBe("out_of_service");
    expect((await stateHistory(db, admin, e.id))[0]).toMatchObject({ to: "out_of_service", reason: "Remplacement programmé" });
  });
});

describe("equipment list", () => {
  it("searches name, serial and manufacturer, and filters", async () => {
    const bySerial = await listEquipment(db, admin, listEquipmentQuery.parse({ q: "smA-2019" }));
    expect(bySerial.data.map((e) => e.name)).toEqual(["Onduleur OND-01"]);
    const byMaker = await listEquipment(db, admin, listEquipmentQuery.parse({ q: "hitachi" }));
    expect(byMaker.data.map((e) => e.name)).toEqual(["Transformateur TR-1"]);
    const failed = await listEquipment(db, admin, listEquipmentQuery.parse({ state: "failed", site: wind }));
    expect(failed.data.map((e) => e.name)).toEqual(["Éolienne WTG-07"]);
    const turbines = await listEquipment(db, admin, listEquipmentQuery.parse({ type: "turbine" }));
    expect(turbines.data.every((e) => e.type === "turbine")).toBe(true);
  });

  it("filters by due date and overdue", async () => {
    const late = await make({
      siteId: solar,
      name: "Disjoncteur DJ-01",
      type: "breaker",
      planKind: "days",
      planInterval: 30,
      lastServiceOn: addDays(today, -45),
    });
    expect(late.overdue).toBe(true);
    const overdue = await listEquipment(db, admin, listEquipmentQuery.parse({ overdue: "true" }));
    expect(overdue.data.map((e) => e.id)).toEqual([late.id]);
    const soon = await listEquipment(db, admin, listEquipmentQuery.parse({ due_before: addDays(today, 31) }));
    expect(soon.data.map((e) => e.name).sort()).toEqual(["Disjoncteur DJ-01", "Onduleur OND-01"]);
  });

  it("pages through everything once, in every order", async () => {
    const all = (await listEquipment(db, admin, listEquipmentQuery.parse({ limit: "500" }))).data.map((e) => e.id);
    for (const sort of ["name", "-name", "next_due", "-next_due", "-criticality", "commissioned"]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listEquipment(db, admin, listEquipmentQuery.parse({ limit: "3", sort, cursor }));
        seen.push(...page.data.map((e) => e.id));
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      expect(seen.sort(), sort).toEqual([...all].sort());
    }
    const byDue = (await listEquipment(db, admin, listEquipmentQuery.parse({ sort: "next_due", limit: "2" }))).data;
    expect(byDue[0]?.name).toBe("Disjoncteur DJ-01");
  });

  it("treats a malformed cursor as the first page", async () => {
    const page = await listEquipment(db, admin, listEquipmentQuery.parse({ cursor: "not-a-cursor", limit: "1" }));
    expect(page.data).toHaveLength(1);
    const forged = Buffer.from(JSON.stringify(["a", "not-a-uuid"])).toString("base64url");
    expect((await listEquipment(db, admin, listEquipmentQuery.parse({ cursor: forged, limit: "1" }))).data).toHaveLength(1);
  });
});

describe("deleting and servicing", () => {
  it("deletes equipment without history, refuses with history (409), and never for partner keys", async () => {
    const bare = await make({ siteId: solar, name: "Compteur CPT-09", type: "meter" });
    const partner: Actor = { kind: "partner", credential: "api_key", id: "k1", name: "ERP", scopes: ["equipment:write"] };
    await expect(db.transaction((tx) => deleteEquipment(tx, partner, bare.id))).rejects.toMatchObject({ code: "forbidden" });
    await db.transaction((tx) => deleteEquipment(tx, admin, bare.id));
    expect(await db.select().from(equipment).where(eq(equipment.id, bare.id))).toHaveLength(0);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, bare.id), eq(auditLog.action, "equipment.deleted")));
    expect(entry?.changes).toMatchObject({ name: { old: "Compteur CPT-09", new: null } });

    const used = await make({ siteId: solar, name: "Compteur CPT-10", type: "meter" });
    await db.insert(interventions).values({
      reference: "INT-2026-09001",
      equipmentId: used.id,
      siteId: solar,
      kind: "corrective",
      title: "Remplacement du module de communication",
      plannedStart: new Date(),
    });
    await expect(db.transaction((tx) => deleteEquipment(tx, admin, used.id))).rejects.toMatchObject({
      code: "conflict",
      status: 409,
      messageKey: "equipmentHasHistory",
    });
    expect(await db.select().from(equipment).where(eq(equipment.id, used.id))).toHaveLength(1);
  });

  it("recordService moves the last service and the next due date (days and hours plans)", async () => {
    const days = await make({
      siteId: solar,
      name: "Onduleur OND-06",
      type: "inverter",
      planKind: "days",
      planInterval: 90,
      lastServiceOn: "2026-01-01",
    });
    const done = await db.transaction((tx) => recordService(tx, days.id, "2026-04-05"));
    expect(done).toEqual({ lastServiceOn: "2026-04-05", nextDueOn: "2026-07-04" });
    // A late report of an older service never moves the last service backwards.
    expect((await db.transaction((tx) => recordService(tx, days.id, "2026-03-01"))).lastServiceOn).toBe("2026-04-05");

    const hours = await make({
      siteId: wind,
      name: "Éolienne WTG-08",
      type: "turbine",
      planKind: "hours",
      planInterval: 4000,
      operatingHours: 41250,
      hoursAtLastService: 37000,
    });
    expect(hours.nextDueOn).toBe(today);
    await db.transaction((tx) => recordService(tx, hours.id, today));
    const [row] = await db.select().from(equipment).where(eq(equipment.id, hours.id));
    expect(row).toMatchObject({ lastServiceOn: today, hoursAtLastService: "41250.0", nextDueOn: null });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, hours.id), eq(auditLog.action, "equipment.serviced")));
    expect(entry?.actorType).toBe("system");
  });
});
