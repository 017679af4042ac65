import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { equipment, interventions, jobs, jobSchedules, notifications } from "@/db/schema";
import type { UserActor } from "@/server/auth/actor";
import { addDays, dayIn } from "@/server/energy/equipment/dates";
import { ensureMaintenanceSchedules } from "@/server/energy/maintenance/jobs";
import { updateIntervention } from "@/server/energy/maintenance/intervention-transitions";
import { createIntervention } from "@/server/energy/maintenance/interventions-service";
import { generatePreventiveInterventions } from "@/server/energy/maintenance/preventive";
import { runnerOptionsFromEnv } from "@/server/platform/jobs/config";
import { enqueue } from "@/server/platform/jobs/enqueue";
import { createRunner } from "@/server/platform/jobs/runner";
import { freshDb } from "../support/db";
import { makeEquipment, makeSite, makeUser } from "../support/maintenance-fixtures";

let db: Db;
let admin: UserActor;
let yacine: UserActor;
let nadia: UserActor;
const today = dayIn();
const jobActor = { kind: "system", id: "job:energy.preventive" } as const;
const generate = (options: { today?: string; horizonDays?: number } = {}) =>
  db.transaction((tx) => generatePreventiveInterventions(tx, jobActor, { today, ...options }));
const planOf = (equipmentId: string) =>
  db
    .select()
    .from(interventions)
    .where(and(eq(interventions.equipmentId, equipmentId), eq(interventions.kind, "preventive")));

beforeAll(async () => {
  db = await freshDb();
  admin = await makeUser(db, "admin", "Amina Benali");
  yacine = await makeUser(db, "technician", "Yacine Haddad");
  nadia = await makeUser(db, "technician", "Nadia Boukhris");
});

describe("energy.preventive", () => {
  it("creates the next preventive intervention once; running it again creates nothing", async () => {
    const site = await makeSite(db, { name: "Centrale solaire de Ouarzazate", timezone: "Africa/Casablanca" });
    const due = addDays(today, 5);
    const unit = await makeEquipment(db, site, {
      name: "Onduleur central INV-02",
      planKind: "days",
      planInterval: 30,
      lastServiceOn: addDays(today, -25),
      nextDueOn: due,
    });

    const first = await generate();
    const mine = first.filter((i) => i.equipmentId === unit);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      kind: "preventive",
      source: "plan",
      status: "planned",
      planDueOn: due,
      siteTimezone: "Africa/Casablanca",
    });
    // 08:00 on the site's clock on the due date.
    const local = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Africa/Casablanca",
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    }).format(new Date(mine[0]!.plannedStart));
    expect(local).toBe(`${due}, 08:00`);
    expect([yacine.id, nadia.id]).toContain(mine[0]!.assignedTo);
    expect(await notificationsFor(mine[0]!.assignedTo!, mine[0]!.id)).toBe(1);

    expect(await generate()).toEqual([]);
    expect(await generate()).toEqual([]);
    expect(await planOf(unit)).toHaveLength(1);
  });

  it("ignores plans due beyond the horizon, equipment without a plan and decommissioned sites", async () => {
    const site = await makeSite(db);
    const far = await makeEquipment(db, site, { planKind: "days", planInterval: 90, nextDueOn: addDays(today, 40) });
    const none = await makeEquipment(db, site, { nextDueOn: addDays(today, 1) });
    const closed = await makeSite(db, { status: "decommissioned" });
    const old = await makeEquipment(db, closed, { planKind: "days", planInterval: 30, nextDueOn: addDays(today, 1) });
    await generate();
    expect(await planOf(far)).toHaveLength(0);
    expect(await planOf(none)).toHaveLength(0);
    expect(await planOf(old)).toHaveLength(0);
    await generate({ horizonDays: 45 });
    expect(await planOf(far)).toHaveLength(1);
  });

  it("plans a past due date for the next morning, and gives it to the technician who last serviced the equipment", async () => {
    const site = await makeSite(db);
    const unit = await makeEquipment(db, site, { name: "Transformateur TR-3", type: "transformer", planKind: "days", planInterval: 30 });
    const serviced = await db.transaction((tx) =>
      createIntervention(tx, admin, {
        equipmentId: unit,
        kind: "corrective",
        title: "Fuite d’huile",
        plannedStart: new Date(Date.now() - 86_400_000),
        plannedDurationMinutes: 60,
        assignedTo: nadia.id,
      }),
    );
    await db.transaction((tx) => updateIntervention(tx, admin, serviced.id, { status: "in_progress" }));
    await db.transaction((tx) =>
      updateIntervention(tx, admin, serviced.id, {
        status: "done",
        report: { actions: "Joint changé", parts: [], timeSpentMinutes: 50, checklist: [] },
      }),
    );
    await db
      .update(equipment)
      .set({ nextDueOn: addDays(today, -3) })
      .where(eq(equipment.id, unit));
    const created = (await generate()).filter((i) => i.equipmentId === unit);
    expect(created).toHaveLength(1);
    expect(created[0]!.planDueOn).toBe(addDays(today, -3));
    const start = new Date(created[0]!.plannedStart);
    expect(start.getTime()).toBeGreaterThan(Date.now());
    expect([today, addDays(today, 1)]).toContain(dayIn(start));
    expect(new Intl.DateTimeFormat("en-GB", { timeZone: "Africa/Algiers", timeStyle: "short" }).format(start)).toBe("08:00");
    expect(created[0]!.assignedTo).toBe(nadia.id);
    expect(created[0]!.plannedDurationMinutes).toBe(240);
  });

  it("after the service is done, the next run creates the following due date once", async () => {
    const site = await makeSite(db);
    const unit = await makeEquipment(db, site, {
      planKind: "days",
      planInterval: 10,
      lastServiceOn: addDays(today, -9),
      nextDueOn: addDays(today, 1),
    });
    const [first] = (await generate()).filter((i) => i.equipmentId === unit);
    await db.transaction((tx) => updateIntervention(tx, admin, first!.id, { status: "in_progress" }));
    await db.transaction((tx) =>
      updateIntervention(tx, admin, first!.id, {
        status: "done",
        report: { actions: "Nettoyage et contrôle", parts: [], timeSpentMinutes: 30, checklist: [] },
      }),
    );
    const second = (await generate()).filter((i) => i.equipmentId === unit);
    expect(second.map((i) => i.planDueOn)).toEqual([addDays(today, 10)]);
    expect(await generate()).toEqual([]);
    expect((await planOf(unit)).map((i) => i.planDueOn).sort()).toEqual([addDays(today, 1), addDays(today, 10)]);
  });

  it("runs as the scheduled job kind, declared at start with its hourly overdue sibling", async () => {
    await ensureMaintenanceSchedules(db);
    const schedules = await db.select().from(jobSchedules);
    expect(schedules.map((s) => [s.name, s.cron])).toEqual(
      expect.arrayContaining([
        ["energy.preventive", "15 2 * * *"],
        ["energy.overdue", "5 * * * *"],
      ]),
    );
    const site = await makeSite(db);
    const unit = await makeEquipment(db, site, { planKind: "days", planInterval: 30, nextDueOn: addDays(today, 3) });
    const runner = createRunner(db, runnerOptionsFromEnv({ id: "test-preventive", pollMs: 20 }));
    for (let run = 0; run < 2; run++) {
      await db.transaction((tx) => enqueue(tx, { kind: "energy.preventive", payload: { today } }));
      const outcomes = await runner.runDue();
      expect(outcomes).toHaveLength(1);
    }
    const done = await db.select().from(jobs).where(eq(jobs.kind, "energy.preventive"));
    expect(done.map((j) => j.status)).toEqual(["succeeded", "succeeded"]);
    expect(await planOf(unit)).toHaveLength(1);
    expect((await planOf(unit))[0]!.createdBy).toBe("job:energy.preventive");
  });
});

async function notificationsFor(userId: string, interventionId: string) {
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, "intervention.assigned")));
  return rows.filter((n) => n.link === `/energy/my-interventions/${interventionId}`).length;
}
