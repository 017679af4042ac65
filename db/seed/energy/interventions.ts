import { eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { equipment as equipmentTable, sites, users } from "@/db/schema";
import type { InterventionInput } from "@/lib/validation/maintenance";
import type { Actor } from "@/server/auth/actor";
import { addDays, dayIn, wallTimeToDate } from "@/server/energy/equipment/dates";
import { seedIntervention, type InterventionHistory } from "@/server/energy/maintenance/interventions-service";
import { reportOverdueInterventions } from "@/server/energy/maintenance/overdue";
import { generatePreventiveInterventions } from "@/server/energy/maintenance/preventive";
import { safeZone } from "@/server/energy/maintenance/site-time";
import { createUser } from "@/server/users/users-service";
import { demoPassword } from "../demo-accounts";
import { cancelReasons, catalogOf, inspections } from "./intervention-catalog";

const demoTechnicianEmail = "technicien@demo.dihya.dz";
const extraTechnicians = [
  { name: "Karim Haddad", email: "karim.haddad@demo.dihya.dz", locale: "fr" as const },
  { name: "Nadia Boukhris", email: "nadia.boukhris@demo.dihya.dz", locale: "ar" as const },
];

/**
 * The demo's three technicians: the demo account technicien@demo.dihya.dz (found by e-mail,
 * first in the list) and two more created through the users service (password of the demo).
 * Accounts that already exist are reused. Returns their ids.
 */
export async function seedTechnicians(tx: Executor, actor: Actor): Promise<string[]> {
  const byEmail = async (email: string) =>
    (
      await tx
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.email}) = ${email}`)
        .limit(1)
    )[0]?.id;
  const ids: string[] = [];
  const demo = await byEmail(demoTechnicianEmail);
  if (demo) ids.push(demo);
  for (const t of extraTechnicians) {
    const existing = await byEmail(t.email);
    ids.push(existing ?? (await createUser(tx, actor, { ...t, role: "technician", password: demoPassword })).id);
  }
  return ids;
}

/** mulberry32: the same demo on every start (dates are relative to `today`). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);
const durationByType: Record<string, number> = { transformer: 240, turbine: 240, generator: 180, meter: 45 };

type Unit = {
  id: string;
  siteId: string;
  name: string;
  type: string;
  planKind: string | null;
  planInterval: number | null;
  lastServiceOn: string | null;
  zone: string;
};
type Planned = { input: InterventionInput; history: InterventionHistory };

/**
 * A year of maintenance on the demo equipment, through the maintenance service
 * (`seedIntervention`: same checks, numbering, insert and audit as a real intervention):
 * - done preventive interventions on each plan's past due dates, ending on the service the
 *   equipment records (`last_service_on`), with reports, parts and checklists;
 * - corrective and inspection history, mostly done, some cancelled with a reason;
 * - now: a few in progress, three overdue (one per technician), today's and upcoming work,
 *   the demo technician (first id) always having some of each;
 * then the preventive generator plans what falls due within its horizon, and the overdue
 * check notifies once. Each site has a usual technician (sometimes replaced).
 */
export async function seedInterventions(
  tx: Executor,
  actor: Actor,
  equipment: { id: string; siteId: string }[],
  technicianIds: string[],
  today: Date,
): Promise<{ created: number; preventivePlanned: number; overdueReported: number }> {
  if (equipment.length === 0 || technicianIds.length === 0) return { created: 0, preventivePlanned: 0, overdueReported: 0 };
  const now = today;
  const day = dayIn(now);
  const random = prng(0x1d1a);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const units: Unit[] = (
    await tx
      .select({
        id: equipmentTable.id,
        siteId: equipmentTable.siteId,
        name: equipmentTable.name,
        type: equipmentTable.type,
        planKind: equipmentTable.planKind,
        planInterval: equipmentTable.planInterval,
        lastServiceOn: equipmentTable.lastServiceOn,
        timezone: sites.timezone,
      })
      .from(equipmentTable)
      .innerJoin(sites, eq(equipmentTable.siteId, sites.id))
      .where(
        inArray(
          equipmentTable.id,
          equipment.map((e) => e.id),
        ),
      )
      .orderBy(equipmentTable.name, equipmentTable.id)
  ).map(({ timezone, ...u }) => ({ ...u, zone: safeZone(timezone) }));
  const siteIds = [...new Set(units.map((u) => u.siteId))].sort();
  const usual = (siteId: string) => technicianIds[siteIds.indexOf(siteId) % technicianIds.length]!;
  const techFor = (u: Unit) => (random() < 0.2 ? pick(technicianIds) : usual(u.siteId));
  const at = (u: Unit, d: string, time: string) => wallTimeToDate(`${d}T${time}`, u.zone)!;
  const plans: Planned[] = [];

  const done = (
    u: Unit,
    start: Date,
    duration: number,
    report: { actions: string; parts: { name: string; quantity: number }[] },
    checklist: string[],
  ) => {
    const startedAt = minutes(start, Math.floor(random() * 40));
    const spent = Math.max(15, Math.round((duration * (0.7 + random() * 0.6)) / 5) * 5);
    return {
      createdAt: minutes(start, -60 * 24 * (3 + Math.floor(random() * 10))),
      status: "done" as const,
      startedAt,
      completedAt: minutes(startedAt, spent),
      report: { ...report, timeSpentMinutes: spent, checklist: checklist.map(() => random() > 0.05) },
    };
  };

  // Preventive history: every past due date of the plan, back one year from the last service.
  for (const u of units) {
    if (!u.planKind || !u.planInterval || !u.lastServiceOn) continue;
    const c = catalogOf(u.type);
    const duration = durationByType[u.type] ?? 120;
    const step = u.planKind === "days" ? u.planInterval : 10_000;
    for (let due = u.lastServiceOn; due >= addDays(day, -365); due = addDays(due, -step)) {
      const start = minutes(at(u, due, "08:00"), Math.floor(random() * 6) * 15);
      const checklist = c.checklist;
      const input: InterventionInput = {
        equipmentId: u.id,
        kind: "preventive",
        source: "plan",
        title: `${u.name} — ${due}`,
        plannedStart: at(u, due, "08:00"),
        plannedDurationMinutes: duration,
        assignedTo: techFor(u),
        planDueOn: due,
        checklist: checklist.map((label) => ({ label })),
      };
      plans.push({
        input,
        history: { ...done(u, start, duration, pick(c.preventive), checklist), createdAt: at(u, addDays(due, -14), "02:15") },
      });
    }
  }

  // Corrective and inspection history over the past year.
  for (let i = 0; i < 90; i++) {
    const u = pick(units);
    const d = addDays(day, -(3 + Math.floor(random() * 360)));
    const start = at(u, d, pick(["08:30", "09:00", "10:30", "13:00", "14:30"]));
    const c = catalogOf(u.type);
    const inspection = i % 3 === 2;
    const repair = inspection ? null : pick(c.corrective);
    const what = inspection ? pick(inspections) : repair!;
    const duration = inspection ? 60 : 120;
    const checklist = inspection ? c.checklist.slice(1, 3) : [];
    const input: InterventionInput = {
      equipmentId: u.id,
      kind: inspection ? "inspection" : "corrective",
      source: inspection ? "manual" : pick(["manual", "manual", "fault_report", "alarm"] as const),
      title: what.title,
      plannedStart: start,
      plannedDurationMinutes: duration,
      assignedTo: techFor(u),
      checklist: checklist.map((label) => ({ label })),
    };
    const history: InterventionHistory =
      random() < 0.12
        ? { createdAt: minutes(start, -60 * 24 * 2), status: "cancelled", cancelReason: pick(cancelReasons) }
        : done(u, start, duration, { actions: what.actions, parts: repair?.parts ?? [] }, checklist);
    plans.push({ input, history });
  }

  // Now: in progress, overdue, today's and upcoming work.
  const demo = technicianIds[0]!;
  const [first, ...others] = technicianIds;
  const quarter = (d: Date) => new Date(Math.ceil(d.getTime() / 900_000) * 900_000);
  const current = (u: Unit, assignee: string, start: Date, status: "planned" | "in_progress", inspection: boolean) => {
    const c = catalogOf(u.type);
    const what = inspection ? pick(inspections) : pick(c.corrective);
    const checklist = inspection ? c.checklist.slice(0, 3) : c.checklist.slice(0, 2);
    plans.push({
      input: {
        equipmentId: u.id,
        kind: inspection ? "inspection" : "corrective",
        source: inspection ? "manual" : "fault_report",
        title: what.title,
        description: inspection ? null : "Signalé par l’exploitant lors de la ronde du matin.",
        plannedStart: start,
        plannedDurationMinutes: inspection ? 90 : 180,
        assignedTo: assignee,
        checklist: checklist.map((label) => ({ label })),
      },
      history: {
        createdAt: minutes(start, -60 * 24 * 2),
        status,
        ...(status === "in_progress" ? { startedAt: minutes(start, 10) } : {}),
      },
    });
  };
  const homeUnits = (tech: string) => units.filter((u) => usual(u.siteId) === tech);
  const unitOf = (tech: string, n: number) => {
    const own = homeUnits(tech);
    const list = own.length > 0 ? own : units;
    return list[(n * 7919) % list.length]!;
  };
  technicianIds.forEach((tech, n) => {
    current(unitOf(tech, 1), tech, minutes(now, -75), "in_progress", false);
    current(unitOf(tech, 2), tech, at(unitOf(tech, 2), addDays(day, -(1 + n * 2)), "09:00"), "planned", n % 2 === 1);
  });
  current(unitOf(demo, 3), demo, quarter(minutes(now, 60)), "planned", false);
  current(unitOf(demo, 4), demo, quarter(minutes(now, 180)), "planned", true);
  for (let i = 0; i < 14; i++) {
    const tech = i % 3 === 0 || !others.length ? first! : others[i % others.length]!;
    const u = unitOf(tech, 5 + i);
    current(u, tech, at(u, addDays(day, 1 + Math.floor((i * 21) / 14)), pick(["08:00", "09:30", "13:30"])), "planned", i % 4 === 1);
  }

  plans.sort((a, b) => a.history.createdAt.getTime() - b.history.createdAt.getTime());
  let created = 0;
  for (const p of plans) if (await seedIntervention(tx, actor, p.input, p.history, now)) created++;
  const preventive = await generatePreventiveInterventions(tx, actor, { today: day, now });
  const overdue = await reportOverdueInterventions(tx, actor, now);
  return { created, preventivePlanned: preventive.length, overdueReported: overdue };
}
