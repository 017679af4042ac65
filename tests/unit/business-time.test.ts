import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { incidentEvents, incidents, notifications } from "@/db/schema";
import { calendarSeeds, easterPlus, seedSlaReference } from "@/db/seed/devops/sla";
import { addBusinessSeconds, businessSecondsBetween, currentWindowEnd, type BusinessCalendar } from "@/lib/devops/business-time";
import type { UserActor } from "@/server/auth/actor";
import { getIncident } from "@/server/devops/incidents/incident-detail";
import { openIncident } from "@/server/devops/incidents/open-incident";
import { pauseIncident, resumeIncident } from "@/server/devops/incidents/pause-incident";
import { checkSlaClocks } from "@/server/devops/incidents/sla-check";
import { transitionIncident } from "@/server/devops/incidents/transition-incident";
import { freshDb } from "../support/db";
import { makeUser } from "../support/maintenance-fixtures";

const calendar = (code: string): BusinessCalendar => {
  const seed = calendarSeeds.find((c) => c.code === code)!;
  return { timezone: seed.timezone, hours: seed.hours, holidays: new Set(seed.holidays.map(([day]) => day)) };
};
const dz = calendar("DZ");
const ma = calendar("MA");
const fr = calendar("FR");
const at = (iso: string) => new Date(iso);
const hour = 3600;

describe("business time", () => {
  it("crosses the Algerian weekend (Friday–Saturday) and keeps the lunch break", () => {
    // Thursday 15 January 2026, 16:00 in Algiers (UTC+1): 30 min left that day, then Sunday 08:00.
    expect(addBusinessSeconds(at("2026-01-15T15:00:00Z"), hour, dz).toISOString()).toBe("2026-01-18T07:30:00.000Z");
    expect(businessSecondsBetween(at("2026-01-15T15:00:00Z"), at("2026-01-18T08:00:00Z"), dz)).toBe(1.5 * hour);
    // Sunday 11:30 + 1 h: 30 min before lunch, 30 min after 13:00.
    expect(addBusinessSeconds(at("2026-01-18T10:30:00Z"), hour, dz).toISOString()).toBe("2026-01-18T12:30:00.000Z");
    // A deadline that uses the window up to its end stays there (16:30), not the next morning.
    expect(addBusinessSeconds(at("2026-01-18T15:00:00Z"), 0.5 * hour, dz).toISOString()).toBe("2026-01-18T15:30:00.000Z");
    // Started on a Friday (off): counts from Sunday 08:00.
    expect(addBusinessSeconds(at("2026-01-16T09:00:00Z"), 15 * 60, dz).toISOString()).toBe("2026-01-18T07:15:00.000Z");
  });

  it("crosses the Moroccan weekend (Friday → Monday)", () => {
    // Friday 16 January 2026, 17:00 in Casablanca (UTC+1): 1 h until 18:00, then Monday 08:30 + 1 h.
    expect(addBusinessSeconds(at("2026-01-16T16:00:00Z"), 2 * hour, ma).toISOString()).toBe("2026-01-19T08:30:00.000Z");
    expect(businessSecondsBetween(at("2026-01-16T16:00:00Z"), at("2026-01-19T08:30:00Z"), ma)).toBe(2 * hour);
    // Saturday and Sunday count nothing.
    expect(businessSecondsBetween(at("2026-01-17T00:00:00Z"), at("2026-01-18T23:00:00Z"), ma)).toBe(0);
  });

  it("skips a holiday (Yennayer, Monday 12 January 2026 in Algeria)", () => {
    expect(dz.holidays.has("2026-01-12")).toBe(true);
    // Sunday 11 January 16:00: 30 min, Monday off, Tuesday 08:00 + 30 min.
    expect(addBusinessSeconds(at("2026-01-11T15:00:00Z"), hour, dz).toISOString()).toBe("2026-01-13T07:30:00.000Z");
    expect(businessSecondsBetween(at("2026-01-12T00:00:00Z"), at("2026-01-12T23:00:00Z"), dz)).toBe(0);
    // Without the holiday the same hour ends on Monday morning.
    const noHoliday = { ...dz, holidays: new Set<string>() };
    expect(addBusinessSeconds(at("2026-01-11T15:00:00Z"), hour, noHoliday).toISOString()).toBe("2026-01-12T07:30:00.000Z");
  });

  it("follows daylight saving time in Europe/Paris", () => {
    // Friday 27 March 2026 17:00 CET (16:00Z) + 2 h: 1 h on Friday, clocks go forward on Sunday 29,
    // Monday 30 March 09:00 CEST is 07:00Z, + 1 h → 08:00Z.
    expect(addBusinessSeconds(at("2026-03-27T16:00:00Z"), 2 * hour, fr).toISOString()).toBe("2026-03-30T08:00:00.000Z");
    // Friday 09:00 CET → Monday 18:00 CEST: two full 9 h days.
    expect(businessSecondsBetween(at("2026-03-27T08:00:00Z"), at("2026-03-30T16:00:00Z"), fr)).toBe(18 * hour);
    // Back to winter time: Friday 23 October 17:00 CEST (15:00Z) + 2 h → Monday 26 October 10:00 CET (09:00Z).
    expect(addBusinessSeconds(at("2026-10-23T15:00:00Z"), 2 * hour, fr).toISOString()).toBe("2026-10-26T09:00:00.000Z");
    // Easter Monday 2026 (6 April) and 2027 (29 March) are off.
    expect(easterPlus(2026, 1)).toBe("2026-04-06");
    expect(easterPlus(2027, 1)).toBe("2027-03-29");
    expect(businessSecondsBetween(at("2026-04-06T00:00:00Z"), at("2026-04-06T22:00:00Z"), fr)).toBe(0);
  });

  it("runs 24/7 without a calendar, and says when the clock ticks", () => {
    expect(addBusinessSeconds(at("2026-01-16T16:00:00Z"), 2 * hour).toISOString()).toBe("2026-01-16T18:00:00.000Z");
    expect(businessSecondsBetween(at("2026-01-16T16:00:00Z"), at("2026-01-16T18:00:00Z"), null)).toBe(2 * hour);
    expect(currentWindowEnd(at("2026-01-18T09:00:00Z"), dz)?.toISOString()).toBe("2026-01-18T11:00:00.000Z");
    expect(currentWindowEnd(at("2026-01-18T11:30:00Z"), dz)).toBeNull(); // lunch
    expect(currentWindowEnd(at("2026-01-16T09:00:00Z"), dz)).toBeNull(); // Friday
  });

  it("is computed window by window (a year of business time in a few milliseconds)", () => {
    const started = performance.now();
    const due = addBusinessSeconds(at("2026-01-01T00:00:00Z"), 1500 * hour, dz);
    expect(businessSecondsBetween(at("2026-01-01T00:00:00Z"), due, dz)).toBe(1500 * hour);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("SLA clocks on incidents (Algerian calendar)", () => {
  let db: Db;
  let devops: UserActor;
  beforeAll(async () => {
    db = await freshDb();
    await db.transaction((tx) => seedSlaReference(tx));
    devops = await makeUser(db, "devops", "Karim SLA");
  });

  it("pause and resume move every open deadline by the paused business time", async () => {
    // Sunday 18 January 2026 09:00 Algiers, sev3: ack 2 h → 11:00; resolve 24 business hours → Wednesday 10:30.
    const opened = await db.transaction((tx) =>
      openIncident(
        tx,
        devops,
        { title: "Lenteur VPN", description: "", severity: "sev3", serverIds: [] },
        { at: at("2026-01-18T08:00:00Z") },
      ),
    );
    expect(opened.ackDueAt?.toISOString()).toBe("2026-01-18T10:00:00.000Z");
    expect(opened.resolveDueAt?.toISOString()).toBe("2026-01-21T09:30:00.000Z");
    // Waiting on the requester from 10:00 to 14:00: 2 h before lunch + 1 h after = 3 business hours.
    await db.transaction((tx) => pauseIncident(tx, devops, opened.id, { at: at("2026-01-18T09:00:00Z") }));
    const paused = await db.transaction((tx) => getIncident(tx, devops, opened.id, at("2026-01-18T12:00:00Z")));
    expect(paused.sla.ack?.state).toBe("paused");
    expect(paused.sla.ack?.remainingSeconds).toBe(hour); // frozen at the pause
    expect(paused.sla.ack?.ticking).toBe(false);
    const resumed = await db.transaction((tx) => resumeIncident(tx, devops, opened.id, { at: at("2026-01-18T13:00:00Z") }));
    expect(resumed.pausedSeconds).toBe(3 * hour);
    expect(resumed.pausedAt).toBeNull();
    // Ack: 11:00 + 3 h → 12:00, lunch, 15:00. Resolve: Wednesday 10:30 + 3 h → 14:30.
    expect(resumed.ackDueAt?.toISOString()).toBe("2026-01-18T14:00:00.000Z");
    expect(resumed.resolveDueAt?.toISOString()).toBe("2026-01-21T13:30:00.000Z");
    const after = await db.transaction((tx) => getIncident(tx, devops, opened.id, at("2026-01-18T13:00:00Z")));
    expect(after.sla.ack).toMatchObject({ state: "running", remainingSeconds: hour, ticking: true });
    expect(after.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(["pause", "resume"]));
    // A deadline already stopped does not move: acknowledge, pause, resume → only resolve moves.
    await db.transaction((tx) => transitionIncident(tx, devops, opened.id, "acknowledged", { at: at("2026-01-18T13:30:00Z") }));
    await db.transaction((tx) => pauseIncident(tx, devops, opened.id, { at: at("2026-01-18T14:00:00Z") }));
    const again = await db.transaction((tx) => resumeIncident(tx, devops, opened.id, { at: at("2026-01-18T15:00:00Z") }));
    expect(again.ackDueAt?.toISOString()).toBe("2026-01-18T14:00:00.000Z");
    expect(again.resolveDueAt?.toISOString()).toBe("2026-01-21T14:30:00.000Z");
    expect(again.pausedSeconds).toBe(4 * hour);
  });

  it("the SLA job warns once at 80 % and reports the breach once, lunch not counted", async () => {
    // Sunday 18 January 2026 11:50 Algiers, sev1: 15 min to acknowledge = 10 min before lunch + 5 min after → 13:05.
    const opened = await db.transaction((tx) =>
      openIncident(
        tx,
        devops,
        { title: "Base de données hors ligne", description: "", severity: "sev1", serverIds: [] },
        { at: at("2026-01-18T10:50:00Z") },
      ),
    );
    expect(opened.ackDueAt?.toISOString()).toBe("2026-01-18T12:05:00.000Z");
    const run = (iso: string) => db.transaction((tx) => checkSlaClocks(tx, at(iso)));
    expect(await run("2026-01-18T11:00:00Z")).toEqual({ warnings: 0, breaches: 0 }); // 12:00, 67 %
    expect(await run("2026-01-18T11:50:00Z")).toEqual({ warnings: 0, breaches: 0 }); // 12:50, still 67 % (lunch)
    expect(await run("2026-01-18T12:02:00Z")).toEqual({ warnings: 1, breaches: 0 }); // 13:02, 80 %
    expect(await run("2026-01-18T12:03:00Z")).toEqual({ warnings: 0, breaches: 0 });
    expect(await run("2026-01-18T12:05:00Z")).toEqual({ warnings: 0, breaches: 1 }); // 13:05, 100 %
    expect(await run("2026-01-18T12:30:00Z")).toEqual({ warnings: 0, breaches: 0 });

    const [row] = await db.select().from(incidents).where(eq(incidents.id, opened.id));
    expect(row?.ackWarnedAt?.toISOString()).toBe("2026-01-18T12:02:00.000Z");
    expect(row?.ackBreachedAt?.toISOString()).toBe("2026-01-18T12:05:00.000Z");
    expect(row?.resolveWarnedAt).toBeNull();
    const events = await db.select().from(incidentEvents).where(eq(incidentEvents.incidentId, opened.id));
    expect(events.filter((e) => e.kind === "sla_warning")).toHaveLength(1);
    expect(events.filter((e) => e.kind === "sla_breach")).toHaveLength(1);
    const mine = await db
      .select({ kind: notifications.kind, link: notifications.link })
      .from(notifications)
      .where(and(eq(notifications.userId, devops.id)));
    expect(mine.filter((n) => n.kind === "devops.sla.warning")).toEqual([
      { kind: "devops.sla.warning", link: `/devops/incidents/${opened.id}` },
    ]);
    expect(mine.filter((n) => n.kind === "devops.sla.breached")).toHaveLength(1);

    const detail = await db.transaction((tx) => getIncident(tx, devops, opened.id, at("2026-01-18T12:10:00Z")));
    expect(detail.sla.ack).toMatchObject({ state: "breached", remainingSeconds: -5 * 60 });
    // Acknowledged late: the clock stops, breached; the job leaves it alone.
    await db.transaction((tx) => transitionIncident(tx, devops, opened.id, "acknowledged", { at: at("2026-01-18T12:20:00Z") }));
    const acked = await db.transaction((tx) => getIncident(tx, devops, opened.id, at("2026-01-18T13:00:00Z")));
    expect(acked.sla.ack).toMatchObject({ state: "breached", ticking: false });
    expect(acked.sla.resolve?.state).toBe("running");
  });

  it("skips paused clocks", async () => {
    const opened = await db.transaction((tx) =>
      openIncident(
        tx,
        devops,
        { title: "Messagerie lente", description: "", severity: "sev1", serverIds: [] },
        { at: at("2026-01-19T07:00:00Z") },
      ),
    );
    await db.transaction((tx) => pauseIncident(tx, devops, opened.id, { at: at("2026-01-19T07:01:00Z") }));
    // (The sev1 of the previous test breaches its resolve clock at this time: only this incident matters here.)
    await db.transaction((tx) => checkSlaClocks(tx, at("2026-01-19T09:00:00Z")));
    const events = await db.select().from(incidentEvents).where(eq(incidentEvents.incidentId, opened.id));
    expect(events.filter((e) => e.kind.startsWith("sla_"))).toEqual([]);
    const [row] = await db.select().from(incidents).where(eq(incidents.id, opened.id));
    expect(row?.ackWarnedAt).toBeNull();
    expect(row?.ackBreachedAt).toBeNull();
    // Resumed at 10:00 (1 min used before the pause): the deadline moved from 08:15 to 10:14, the job judges it again.
    await db.transaction((tx) => resumeIncident(tx, devops, opened.id, { at: at("2026-01-19T09:00:00Z") }));
    await db.transaction((tx) => checkSlaClocks(tx, at("2026-01-19T09:14:00Z")));
    const [later] = await db.select().from(incidents).where(eq(incidents.id, opened.id));
    expect(later?.ackBreachedAt?.toISOString()).toBe("2026-01-19T09:14:00.000Z");
  });
});
