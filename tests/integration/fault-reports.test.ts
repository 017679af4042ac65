import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, equipment, faultReports, interventions, notifications, sites } from "@/db/schema";
import { acceptFaultReportSchema, faultReportSchema, listFaultReportsQuery, rejectFaultReportSchema } from "@/lib/validation/fault-reports";
import { createEquipmentSchema } from "@/lib/validation/equipment";
import type { UserActor } from "@/server/auth/actor";
import { createEquipment } from "@/server/energy/equipment/equipment-service";
import { listFaultReports } from "@/server/energy/fault-reports/fault-report-query";
import { acceptFaultReport, rejectFaultReport } from "@/server/energy/fault-reports/review-fault-report";
import { equipmentForReport, reportLimits, submitFaultReport } from "@/server/energy/fault-reports/submit-fault-report";
import { createUser } from "@/server/users/users-service";
import { freshDb, systemActor } from "../support/db";

let db: Db;
let admin: UserActor;
let technician: UserActor;
let technicianId: string;
let turbine: { id: string; token: string };
let meter: { id: string; token: string };
let ipCounter = 0;

/** The request context of one passer-by (own address each time unless given). */
const from = (ip = `198.51.100.${++ipCounter}`) => ({ ip, userAgent: "Mozilla/5.0 (Linux; Android 14)", requestId: null });
const report = (token: string, description = "La nacelle fait un bruit métallique depuis ce matin.", extra: Record<string, string> = {}) =>
  faultReportSchema.parse({ token, description, ...extra });

beforeAll(async () => {
  db = await freshDb();
  const person = async (email: string, role: UserActor["role"], name: string): Promise<UserActor> => {
    const u = await db.transaction((tx) =>
      createUser(tx, systemActor, { name, email, role, locale: "fr", password: "long enough password 2026" }),
    );
    return { kind: "user", id: u.id, role, name, email: u.email, locale: "fr", theme: "system" };
  };
  admin = await person("nadia.admin@example.dz", "admin", "Nadia Belkacem");
  technician = await person("samir.tech@example.dz", "technician", "Samir Aït Saïd");
  technicianId = technician.id;
  const [site] = await db
    .insert(sites)
    .values({ code: "DZ-ADR-WP01", name: "Ferme éolienne Kabertène", type: "wind_park" })
    .returning({ id: sites.id });
  const add = async (name: string, type: string) => {
    const dto = await db.transaction((tx) =>
      createEquipment(tx, admin, createEquipmentSchema.parse({ siteId: site!.id, name, type, serialNumber: `SN-${name}` })),
    );
    const [row] = await db.select({ token: equipment.qrToken }).from(equipment).where(eq(equipment.id, dto.id));
    return { id: dto.id, token: row!.token };
  };
  turbine = await add("Éolienne WTG-03", "turbine");
  meter = await add("Compteur CPT-01", "meter");
});

describe("public fault reports", () => {
  it("shows only the equipment's name and site behind a token; unknown tokens find nothing", async () => {
    expect(await equipmentForReport(db, turbine.token)).toEqual({
      id: turbine.id,
      name: "Éolienne WTG-03",
      siteName: "Ferme éolienne Kabertène",
    });
    expect(await equipmentForReport(db, "A".repeat(32))).toBeNull();
    await expect(submitFaultReport(db, report("A".repeat(32)), from())).rejects.toMatchObject({ code: "not_found", status: 404 });
  });

  it("validates the form: description 10–2000 characters, token shape, short optional fields", () => {
    const short = faultReportSchema.safeParse({ token: turbine.token, description: "panne" });
    expect(short.error?.issues[0]).toMatchObject({ path: ["description"], message: "descriptionTooShort" });
    expect(faultReportSchema.safeParse({ token: turbine.token, description: "x".repeat(2001) }).success).toBe(false);
    expect(faultReportSchema.safeParse({ token: "../../etc", description: "Fumée noire au pied de l’éolienne." }).success).toBe(false);
    expect(
      faultReportSchema.safeParse({ token: turbine.token, description: "Fumée noire au pied de l’éolienne.", admin: true }).success,
    ).toBe(false);
  });

  it("stores a new report, audits it as anonymous with the address, and notifies admins only", async () => {
    const result = await submitFaultReport(
      db,
      report(turbine.token, "  Fuite d’huile visible sous la nacelle, odeur de brûlé.  ", {
        reporterName: "Ahmed, berger",
        reporterContact: "+213 555 12 34 56",
      }),
      from("203.0.113.7"),
    );
    expect(result.status).toBe("created");
    const id = (result as { id: string }).id;
    const [row] = await db.select().from(faultReports).where(eq(faultReports.id, id));
    expect(row).toMatchObject({
      equipmentId: turbine.id,
      status: "new",
      description: "Fuite d’huile visible sous la nacelle, odeur de brûlé.",
      reporterName: "Ahmed, berger",
      reporterContact: "+213 555 12 34 56",
      ip: "203.0.113.7",
    });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "fault_report.created")));
    expect(entry).toMatchObject({ actorType: "anonymous", actorId: null, ip: "203.0.113.7" });
    const sent = await db.select().from(notifications).where(eq(notifications.kind, "fault_report.created"));
    expect(sent.map((n) => n.userId)).toEqual([admin.id]);
    expect(sent[0]).toMatchObject({
      link: "/energy/fault-reports",
      params: { equipment: "Éolienne WTG-03", site: "Ferme éolienne Kabertène" },
    });
  });

  it("answers a filled honeypot like a success and stores nothing", async () => {
    const before = (await db.select().from(faultReports)).length;
    const result = await submitFaultReport(
      db,
      report(meter.token, "Achetez des montres pas chères ici !!!", { website: "http://spam.example" }),
      from(),
    );
    expect(result).toEqual({ status: "ignored" });
    expect(await db.select().from(faultReports)).toHaveLength(before);
  });

  it("limits reports per address per hour", async () => {
    const ip = "192.0.2.77";
    for (let i = 0; i < reportLimits.perIpPerHour; i++)
      await submitFaultReport(db, report(meter.token, `Affichage du compteur éteint, essai ${i}.`), from(ip));
    await expect(submitFaultReport(db, report(meter.token), from(ip))).rejects.toMatchObject({
      code: "rate_limited",
      status: 429,
      messageKey: "faultReportRateLimited",
    });
  });

  it("limits reports per equipment per day, whatever the address", async () => {
    const already = (await db.select().from(faultReports).where(eq(faultReports.equipmentId, meter.id))).length;
    for (let i = already; i < reportLimits.perEquipmentPerDay; i++)
      await submitFaultReport(db, report(meter.token, `Voyant rouge allumé sur le compteur (${i}).`), from());
    await expect(submitFaultReport(db, report(meter.token), from())).rejects.toMatchObject({ code: "rate_limited" });
    expect(await db.select().from(faultReports).where(eq(faultReports.equipmentId, meter.id))).toHaveLength(
      reportLimits.perEquipmentPerDay,
    );
    // Another equipment is not affected.
    expect((await submitFaultReport(db, report(turbine.token, "Pale endommagée visible depuis la piste."), from())).status).toBe("created");
  });
});

describe("reviewing fault reports", () => {
  const newReports = () => listFaultReports(db, admin, listFaultReportsQuery.parse({ status: "new", q: "nacelle" }));

  it("is for maintenance.write holders only", async () => {
    await expect(listFaultReports(db, technician, listFaultReportsQuery.parse({}))).rejects.toMatchObject({ code: "forbidden" });
  });

  it("accepting plans a corrective intervention from the report, links it and audits", async () => {
    const [target] = (await newReports()).data;
    expect(target?.equipment.name).toBe("Éolienne WTG-03");
    const input = acceptFaultReportSchema.parse({
      id: target!.id,
      title: "Fuite d’huile nacelle WTG-03",
      plannedStart: "2026-12-02T08:30",
      plannedDurationMinutes: "180",
      assignedTo: technicianId,
    });
    const accepted = await db.transaction((tx) => acceptFaultReport(tx, admin, input));
    const [work] = await db.select().from(interventions).where(eq(interventions.id, accepted.interventionId));
    expect(work).toMatchObject({
      equipmentId: turbine.id,
      kind: "corrective",
      source: "fault_report",
      title: "Fuite d’huile nacelle WTG-03",
      description: "Fuite d’huile visible sous la nacelle, odeur de brûlé.",
      plannedDurationMinutes: 180,
      assignedTo: technicianId,
      status: "planned",
    });
    // 08:30 in Africa/Algiers (the site's default zone) is 07:30 UTC.
    expect(work!.plannedStart.toISOString()).toBe("2026-12-02T07:30:00.000Z");
    expect(accepted.reference).toBe(work!.reference);
    const [row] = await db.select().from(faultReports).where(eq(faultReports.id, target!.id));
    expect(row).toMatchObject({ status: "accepted", interventionId: work!.id, reviewedBy: admin.email });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, target!.id), eq(auditLog.action, "fault_report.accepted")));
    expect(entry?.changes).toMatchObject({ status: { old: "new", new: "accepted" }, interventionId: { new: work!.id } });
    const listed = await listFaultReports(db, admin, listFaultReportsQuery.parse({ status: "accepted" }));
    expect(listed.data[0]?.intervention).toEqual({ id: work!.id, reference: work!.reference });

    await expect(db.transaction((tx) => acceptFaultReport(tx, admin, input))).rejects.toMatchObject({
      code: "conflict",
      messageKey: "faultReportReviewed",
    });
  });

  it("rejecting records the reason, shown back in the list, and cannot be done twice", async () => {
    const page = await listFaultReports(db, admin, listFaultReportsQuery.parse({ status: "new", q: "pale" }));
    const target = page.data[0]!;
    await db.transaction((tx) =>
      rejectFaultReport(tx, admin, rejectFaultReportSchema.parse({ id: target.id, reason: "Doublon du signalement de ce matin." })),
    );
    const rejected = await listFaultReports(db, admin, listFaultReportsQuery.parse({ status: "rejected" }));
    expect(rejected.data.map((r) => [r.id, r.rejectReason])).toEqual([[target.id, "Doublon du signalement de ce matin."]]);
    expect(rejectFaultReportSchema.safeParse({ id: target.id, reason: "" }).success).toBe(false);
    await expect(
      db.transaction((tx) => rejectFaultReport(tx, admin, rejectFaultReportSchema.parse({ id: target.id, reason: "Encore" }))),
    ).rejects.toMatchObject({ code: "conflict" });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, target.id), eq(auditLog.action, "fault_report.rejected")));
    expect(entry).toMatchObject({ actorId: admin.id, changes: { reason: { new: "Doublon du signalement de ce matin." } } });
  });

  it("pages through reports newest first without repeats", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listFaultReports(db, admin, listFaultReportsQuery.parse({ status: "all", limit: "4", cursor }));
      seen.push(...page.data.map((r) => r.id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    const total = (await db.select().from(faultReports)).length;
    expect(new Set(seen).size).toBe(total);
    expect(seen).toHaveLength(total);
  });
});
