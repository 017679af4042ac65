import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, equipment, interventions, notifications } from "@/db/schema";
import { updateInterventionSchema } from "@/lib/validation/maintenance";
import type { UserActor } from "@/server/auth/actor";
import { addDays, dayIn } from "@/server/energy/equipment/dates";
import { interventionHistory, interventionNotifications } from "@/server/energy/maintenance/intervention-history";
import { updateIntervention } from "@/server/energy/maintenance/intervention-transitions";
import { getIntervention, listInterventions } from "@/server/energy/maintenance/interventions-query";
import { createIntervention, type InterventionDto } from "@/server/energy/maintenance/interventions-service";
import { reportOverdueInterventions } from "@/server/energy/maintenance/overdue";
import { freshDb, systemActor } from "../support/db";
import { makeEquipment, makeSite, makeUser } from "../support/maintenance-fixtures";

let db: Db;
let admin: UserActor;
let yacine: UserActor;
let karim: UserActor;
let agent: UserActor;
let guest: UserActor;
let disabledTech: UserActor;
let equipmentId: string;
let preventiveEquipmentId: string;

const hour = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * hour);
const listQuery = { order: "asc" as const, limit: 50 };

function plan(actor: UserActor, extra: Partial<Parameters<typeof createIntervention>[2]> = {}): Promise<InterventionDto> {
  return db.transaction((tx) =>
    createIntervention(tx, actor, {
      equipmentId,
      kind: "corrective",
      title: "Remplacement du ventilateur de l’onduleur",
      plannedStart: inHours(2),
      plannedDurationMinutes: 90,
      assignedTo: yacine.id,
      ...extra,
    }),
  );
}
const patch = (actor: UserActor, id: string, body: unknown) =>
  db.transaction((tx) => updateIntervention(tx, actor, id, updateInterventionSchema.parse(body)));
const report = {
  actions: "Ventilateur remplacé, filtres nettoyés.",
  parts: [{ name: "Ventilateur 120 mm", quantity: 1 }],
  timeSpentMinutes: 75,
};
const notificationsOf = (userId: string, kind: string) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
const auditOf = (id: string) => db.select().from(auditLog).where(eq(auditLog.entityId, id));

beforeAll(async () => {
  db = await freshDb();
  admin = await makeUser(db, "admin", "Amina Benali");
  yacine = await makeUser(db, "technician", "Yacine Haddad");
  karim = await makeUser(db, "technician", "Karim Haddad");
  agent = await makeUser(db, "user", "Salma El Idrissi");
  guest = await makeUser(db, "guest", "Youssef Amrani");
  disabledTech = await makeUser(db, "technician", "Omar Disabled", { disabled: true });
  const site = await makeSite(db);
  equipmentId = await makeEquipment(db, site, { name: "Onduleur INV-07" });
  preventiveEquipmentId = await makeEquipment(db, site, {
    name: "Transformateur TR-1",
    type: "transformer",
    planKind: "days",
    planInterval: 30,
    lastServiceOn: addDays(dayIn(), -28),
    nextDueOn: addDays(dayIn(), 2),
  });
});

describe("planning an intervention", () => {
  it("numbers INT-<year>-<5 digits> in order, audits, and notifies the assignee with a link to their view", async () => {
    const first = await plan(admin);
    const second = await plan(admin, { kind: "inspection", title: "Inspection thermographique" });
    const year = dayIn().slice(0, 4);
    expect(first.reference).toMatch(new RegExp(`^INT-${year}-\\d{5}$`));
    expect(Number(second.reference.slice(-5))).toBe(Number(first.reference.slice(-5)) + 1);
    expect(first).toMatchObject({ status: "planned", kind: "corrective", source: "manual", assignedTo: yacine.id, overdue: false });
    expect(first.equipmentName).toBe("Onduleur INV-07");
    expect((await auditOf(first.id)).map((a) => a.action)).toEqual(["intervention.created"]);
    const sent = (await notificationsOf(yacine.id, "intervention.assigned")).filter((n) => n.link?.endsWith(first.id));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.link).toBe(`/energy/my-interventions/${first.id}`);
    expect(sent[0]!.params).toMatchObject({ reference: first.reference, equipment: "Onduleur INV-07" });
  });

  it("refuses an assignee who is not an enabled technician (field error), and an unknown equipment", async () => {
    await expect(plan(admin, { assignedTo: agent.id })).rejects.toMatchObject({ code: "validation_failed", field: "assignedTo" });
    await expect(plan(admin, { assignedTo: disabledTech.id })).rejects.toMatchObject({ field: "assignedTo" });
    await expect(plan(admin, { equipmentId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ field: "equipmentId" });
    expect((await plan(admin, { assignedTo: null })).assignedTo).toBeNull();
  });

  it("lets only maintenance writers plan", async () => {
    await expect(plan(yacine)).rejects.toMatchObject({ code: "forbidden" });
    await expect(plan(agent)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("who sees what", () => {
  it("shows a technician only their own: another technician's answers 404, in reads and updates", async () => {
    const mine = await plan(admin, { assignedTo: karim.id, title: "Contrôle des connecteurs MC4" });
    await expect(getIntervention(db, yacine, mine.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(patch(yacine, mine.id, { status: "in_progress" })).rejects.toMatchObject({ code: "not_found" });
    expect((await getIntervention(db, karim, mine.id)).id).toBe(mine.id);
    const listed = await listInterventions(db, yacine, listQuery);
    expect(listed.data.length).toBeGreaterThan(0);
    expect(listed.data.every((i) => i.assignedTo === yacine.id)).toBe(true);
    // A technician filtering on a colleague still sees nothing of theirs.
    expect((await listInterventions(db, yacine, { ...listQuery, technician: karim.id })).data).toEqual([]);
  });

  it("lets agents read every intervention but change none, and refuses guests", async () => {
    const one = await plan(admin);
    expect((await getIntervention(db, agent, one.id)).id).toBe(one.id);
    await expect(patch(agent, one.id, { status: "in_progress" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(getIntervention(db, guest, one.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listInterventions(db, guest, listQuery)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("filters and paginates by planned start without gaps or repeats", async () => {
    const site = await makeSite(db, { name: "Parc éolien de Tarfaya", timezone: "Africa/Casablanca" });
    const turbine = await makeEquipment(db, site, { name: "Éolienne T-12", type: "turbine" });
    for (let i = 0; i < 5; i++) {
      await plan(admin, {
        equipmentId: turbine,
        kind: "inspection",
        title: `Inspection pale ${i + 1}`,
        plannedStart: inHours(24 * (i + 1)),
      });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listInterventions(db, admin, { ...listQuery, site, limit: 2, cursor });
      seen.push(...page.data.map((i) => i.title));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([1, 2, 3, 4, 5].map((n) => `Inspection pale ${n}`));
    const day3 = dayIn(inHours(72), "Africa/Casablanca");
    const oneDay = await listInterventions(db, admin, { ...listQuery, site, from: day3, to: day3 });
    expect(oneDay.data.map((i) => i.title)).toEqual(["Inspection pale 3"]);
    expect(oneDay.data[0]!.siteTimezone).toBe("Africa/Casablanca");
  });
});

describe("transitions", () => {
  it("starts (assignee only), refuses to start twice or finish a planned one (409), and finishes with the report", async () => {
    const one = await plan(admin, { checklist: [{ label: "Couper l’alimentation" }, { label: "Vérifier les serrages" }] });
    await expect(patch(yacine, one.id, { status: "done", report: { ...report, checklist: [true, true] } })).rejects.toMatchObject({
      code: "conflict",
      messageKey: "interventionNotInProgress",
    });
    const started = await patch(yacine, one.id, { status: "in_progress" });
    expect(started.status).toBe("in_progress");
    expect(started.startedAt).not.toBeNull();
    await expect(patch(yacine, one.id, { status: "in_progress" })).rejects.toMatchObject({
      code: "conflict",
      messageKey: "interventionNotPlanned",
    });
    await expect(patch(yacine, one.id, { status: "done", report: { ...report, checklist: [true] } })).rejects.toMatchObject({
      code: "validation_failed",
      field: "report.checklist",
    });
    const done = await patch(yacine, one.id, { status: "done", report: { ...report, checklist: [true, false] } });
    expect(done).toMatchObject({ status: "done", report: { actions: report.actions, parts: report.parts, timeSpentMinutes: 75 } });
    expect(done.checklist).toEqual([
      { label: "Couper l’alimentation", done: true },
      { label: "Vérifier les serrages", done: false },
    ]);
    expect(done.completedAt).not.toBeNull();
    await expect(patch(admin, one.id, { status: "cancelled", reason: "Doublon" })).rejects.toMatchObject({
      code: "conflict",
      messageKey: "interventionClosed",
    });
    const audit = (await auditOf(one.id)).map((a) => a.action);
    expect(audit).toEqual(["intervention.created", "intervention.started", "intervention.completed"]);
    const completed = (await auditOf(one.id)).find((a) => a.action === "intervention.completed")!;
    expect(completed.actorId).toBe(yacine.id);
    expect(completed.changes).toMatchObject({ status: { old: "in_progress", new: "done" } });
  });

  it("requires the report's actions and a positive time spent", () => {
    const bad = updateInterventionSchema.safeParse({ status: "done", report: { actions: " ", timeSpentMinutes: 0 } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["report.actions", "report.timeSpentMinutes"]));
    expect(updateInterventionSchema.safeParse({ status: "done" }).error!.issues[0]!.path).toEqual(["report"]);
    expect(updateInterventionSchema.safeParse({ status: "cancelled" }).error!.issues[0]!.path).toEqual(["reason"]);
    expect(updateInterventionSchema.safeParse({ status: "in_progress", assignedTo: null }).success).toBe(false);
    expect(updateInterventionSchema.safeParse({}).success).toBe(false);
  });

  it("lets only admins cancel (with a reason), reschedule and reassign a planned one", async () => {
    const one = await plan(admin);
    await expect(patch(yacine, one.id, { status: "cancelled", reason: "Pas le temps" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(patch(yacine, one.id, { plannedStart: inHours(5).toISOString() })).rejects.toMatchObject({ code: "forbidden" });

    const reassigned = await patch(admin, one.id, { assignedTo: karim.id, plannedStart: inHours(48).toISOString() });
    expect(reassigned.assignedTo).toBe(karim.id);
    expect((await notificationsOf(karim.id, "intervention.assigned")).some((n) => n.link?.endsWith(one.id))).toBe(true);
    await expect(patch(admin, one.id, { assignedTo: agent.id })).rejects.toMatchObject({ field: "assignedTo" });
    // Yacine no longer sees it.
    await expect(getIntervention(db, yacine, one.id)).rejects.toMatchObject({ code: "not_found" });

    const cancelled = await patch(admin, one.id, { status: "cancelled", reason: "Équipement remplacé entre-temps" });
    expect(cancelled).toMatchObject({ status: "cancelled", cancelReason: "Équipement remplacé entre-temps" });
    await expect(patch(admin, one.id, { plannedStart: inHours(3).toISOString() })).rejects.toMatchObject({
      code: "conflict",
      messageKey: "interventionNotPlanned",
    });
    expect((await auditOf(one.id)).map((a) => a.action)).toEqual([
      "intervention.created",
      "intervention.updated",
      "intervention.cancelled",
    ]);
  });

  it("records the service on the equipment when a preventive intervention is done", async () => {
    const one = await plan(admin, {
      equipmentId: preventiveEquipmentId,
      kind: "preventive",
      title: "Maintenance préventive TR-1",
      planDueOn: addDays(dayIn(), 2),
    });
    await patch(admin, one.id, { status: "in_progress" });
    await patch(admin, one.id, { status: "done", report });
    const [unit] = await db.select().from(equipment).where(eq(equipment.id, preventiveEquipmentId));
    expect(unit!.lastServiceOn).toBe(dayIn());
    expect(unit!.nextDueOn).toBe(addDays(dayIn(), 30));
    const serviced = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, preventiveEquipmentId), eq(auditLog.action, "equipment.serviced")));
    expect(serviced).toHaveLength(1);
    expect(serviced[0]!.actorId).toBe(admin.id);
    await expect(
      plan(admin, { equipmentId: preventiveEquipmentId, kind: "preventive", title: "Doublon", planDueOn: addDays(dayIn(), 2) }),
    ).rejects.toMatchObject({ code: "conflict", messageKey: "interventionPlanExists" });
  });
});

describe("overdue detection", () => {
  it("notifies the technician and the admins once per intervention", async () => {
    const late = await plan(admin, { title: "Relevé du compteur en retard", plannedStart: inHours(-5), plannedDurationMinutes: 60 });
    expect(late.overdue).toBe(true);
    expect((await listInterventions(db, admin, { ...listQuery, overdue: true })).data.map((i) => i.id)).toContain(late.id);
    const first = await db.transaction((tx) => reportOverdueInterventions(tx, systemActor));
    expect(first).toBeGreaterThanOrEqual(1);
    const toTech = (await notificationsOf(yacine.id, "intervention.overdue")).filter((n) => n.link?.endsWith(late.id));
    const toAdmin = (await notificationsOf(admin.id, "intervention.overdue")).filter((n) => n.link?.endsWith(late.id));
    expect(toTech.map((n) => n.link)).toEqual([`/energy/my-interventions/${late.id}`]);
    expect(toAdmin.map((n) => n.link)).toEqual([`/energy/maintenance/${late.id}`]);
    expect(await db.transaction((tx) => reportOverdueInterventions(tx, systemActor))).toBe(0);
    expect((await notificationsOf(yacine.id, "intervention.overdue")).filter((n) => n.link?.endsWith(late.id))).toHaveLength(1);
    const [row] = await db.select().from(interventions).where(eq(interventions.id, late.id));
    expect(row!.overdueNotifiedAt).not.toBeNull();
    expect((await auditOf(late.id)).map((a) => a.action)).toContain("intervention.overdue");
  });

  it("shows readers of the planning the history and the notifications sent, technicians neither", async () => {
    const late = await plan(admin, { title: "Contrôle en retard", plannedStart: inHours(-4), plannedDurationMinutes: 30 });
    await db.transaction((tx) => reportOverdueInterventions(tx, systemActor));
    const sent = await interventionNotifications(db, agent, late.id);
    expect(sent[0]).toMatchObject({ kind: "intervention.assigned", recipient: "Yacine Haddad", read: false });
    expect(
      sent
        .slice(1)
        .map((n) => `${n.kind} ${n.recipient}`)
        .sort(),
    ).toEqual(["intervention.overdue Amina Benali", "intervention.overdue Yacine Haddad"]);
    expect((await interventionHistory(db, agent, late.id)).map((e) => e.action)).toEqual(["intervention.created", "intervention.overdue"]);
    await expect(interventionNotifications(db, yacine, late.id)).rejects.toMatchObject({ code: "forbidden" });
  });
});
