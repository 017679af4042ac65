import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as route from "@/app/api/environnement/route";
import type { Db } from "@/db/client";
import { auditLog, emissionFactors, meters, networks, sites } from "@/db/schema";
import { seedEmissionFactors } from "@/db/seed/energy/emission-factors";
import { targetSchema } from "@/lib/validation/environment";
import type { UserActor } from "@/server/auth/actor";
import { environmentDownload } from "@/server/energy/environment/environment-export";
import { editEmissionFactor } from "@/server/energy/environment/factors-service";
import { listFactors } from "@/server/energy/environment/factors-query";
import { setTarget } from "@/server/energy/environment/targets-service";
import type { EnvironmentResult } from "@/server/energy/environment/types";
import { createApiKey } from "@/server/integrations/api-key-admin";
import { freshDb, systemActor } from "../support/db";
import { makeUser } from "../support/maintenance-fixtures";

/** The browser session the route sees: whoever `signedIn` names (Auth.js itself is not under test). */
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId }, authTime: Date.now() + 60_000 } : null),
}));

process.env.AUTH_SECRET ??= "vitest-only-secret-0c9a7e5d3b1f";
let db: Db;
let admin: UserActor;
let user: UserActor;
let technician: UserActor;
let reader: string;
let unrelated: string;
let substation: string;
let solar: string;
let network: string;
let ip = 0;

type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;
const GET = route.GET as Handler;

/** GET /api/environnement as a partner key, or as the signed-in user `as`. */
async function get(query: string, as: { key?: string; user?: UserActor } = {}) {
  session.userId = as.user?.id ?? null;
  const headers: Record<string, string> = { "x-forwarded-for": `10.9.0.${++ip % 250}` };
  if (as.key) headers.authorization = `Bearer ${as.key}`;
  return GET(new Request(`http://localhost/api/environnement${query}`, { headers }), { params: Promise.resolve({}) });
}
async function indicators(query: string, as: { key?: string; user?: UserActor } = { key: reader }) {
  const response = await get(query, as);
  expect(response.status).toBe(200);
  return (await response.json()) as EnvironmentResult;
}

async function site(code: string, type: string, networkId: string | null) {
  const [row] = await db.insert(sites).values({ code, name: code, type, networkId, country: "DZ", timezone: "Africa/Algiers" }).returning();
  return row!.id;
}
async function meter(siteId: string, code: string, kind: "consumption" | "production") {
  const [row] = await db.insert(meters).values({ siteId, code, name: code, kind, quantity: "energy", unit: "kWh" }).returning();
  return row!.id;
}
/** Daily rollups (site-local days) as the ingest leaves them: kWh per day. */
async function days(meterId: string, values: Record<string, number>) {
  for (const [day, value] of Object.entries(values)) {
    await db.execute(
      sql`insert into readings_daily (meter_id, day, sum, count, min, max) values (${meterId}, ${day}::date, ${value}, 96, 0, ${value})`,
    );
  }
}

beforeAll(async () => {
  db = await freshDb();
  await db.transaction((tx) => seedEmissionFactors(tx));
  admin = await makeUser(db, "admin", "Amina Benali");
  user = await makeUser(db, "user", "Nadia Ouali");
  technician = await makeUser(db, "technician", "Yacine Haddad");
  const key = (scopes: string[]) =>
    db.transaction(async (tx) => (await createApiKey(tx, systemActor, { name: scopes.join(" "), scopes: scopes as never })).value);
  reader = await key(["environment:read"]);
  unrelated = await key(["sites:read"]);
  const [net] = await db.insert(networks).values({ code: "NET-ENV", name: "Réseau test", kind: "fleet" }).returning();
  network = net!.id;
  substation = await site("DZ-ENV-PST", "substation", network);
  solar = await site("DZ-ENV-PV", "solar_park", network);
  const thermal = await site("DZ-ENV-TH", "thermal_plant", null);
  const load = await meter(substation, "ENV-LOAD", "consumption");
  const pv = await meter(solar, "ENV-PV", "production");
  const turbine = await meter(thermal, "ENV-TH", "production");
  // March 2025: 400.1 + 434.4 + 400 = 1 234.5 kWh consumed; 10 000.25 kWh of solar output.
  await days(load, { "2025-02-28": 100, "2025-03-01": 400.1, "2025-03-15": 434.4, "2025-03-31": 400, "2025-04-01": 999 });
  await days(pv, { "2025-03-02": 5000.125, "2025-03-30": 5000.125 });
  await days(turbine, { "2025-03-10": 3000 });
});

describe("GET /api/environnement: a month computed by hand", () => {
  it("CO₂ = 1 234.5 kWh × 0.634 = 782.673 kg with the traced factor; avoided = 10 000.25 × 0.634 = 6 340.1585 kg", async () => {
    const body = await indicators("?from=2025-03&to=2025-03");
    const load = body.data.find((r) => r.site.id === substation)!;
    expect(load).toMatchObject({ month: "2025-03", consumptionKwh: 1234.5, co2Kg: 782.673, avoidedCo2Kg: 0, renewableShare: null });
    expect(load.factor).toMatchObject({ key: "electricity:DZ:kWh:2023:ember", version: 1, value: 0.634, year: 2023 });
    expect(load.factor!.source).toContain("Ember");
    const pv = body.data.find((r) => r.site.id === solar)!;
    expect(pv).toMatchObject({
      productionKwh: 10000.25,
      renewableProductionKwh: 10000.25,
      avoidedCo2Kg: 6340.1585,
      co2Kg: 0,
      renewableShare: 1,
    });
    // The whole set: share = 10 000.25 ÷ (10 000.25 + 3 000) of the thermal plant.
    expect(body.totals).toEqual([
      expect.objectContaining({ month: "2025-03", co2Kg: 782.673, avoidedCo2Kg: 6340.1585, renewableShare: 0.769235 }),
    ]);
  });

  it("months are calendar months of the site: 28 February and 1 April stay out of March", async () => {
    const body = await indicators(`?site=${substation}&from=2025-02&to=2025-04`);
    expect(body.data.map((r) => [r.month, r.consumptionKwh])).toEqual([
      ["2025-02", 100],
      ["2025-03", 1234.5],
      ["2025-04", 999],
    ]);
  });

  it("filters by network: the thermal plant outside it is left out, and the set's share is then 100 %", async () => {
    const body = await indicators(`?network=${network}&from=2025-03&to=2025-03`);
    expect(body.data.map((r) => r.site.code).sort()).toEqual(["DZ-ENV-PST", "DZ-ENV-PV"]);
    expect(body.totals[0]).toMatchObject({ renewableShare: 1, co2Kg: 782.673 });
  });

  it("pages by site with a cursor", async () => {
    const first = await indicators("?from=2025-03&to=2025-03&limit=1");
    expect(first.data).toHaveLength(1);
    expect(first.next_cursor).not.toBeNull();
    const second = await indicators(`?from=2025-03&to=2025-03&limit=1&cursor=${first.next_cursor}`);
    expect(second.data[0]!.site.id).not.toBe(first.data[0]!.site.id);
    expect(second.totals).toEqual(first.totals);
  });

  it("refuses a reversed or malformed period (422)", async () => {
    expect((await get("?from=2025-05&to=2025-03", { key: reader })).status).toBe(422);
    expect((await get("?from=2025-13", { key: reader })).status).toBe(422);
  });
});

describe("who may read", () => {
  it("admins and users read; a technician gets 403; a key without environment:read gets 403", async () => {
    expect((await get("?from=2025-03&to=2025-03", { user: admin })).status).toBe(200);
    const asUser = await indicators("?from=2025-03&to=2025-03", { user });
    expect(asUser.data.find((r) => r.site.id === substation)?.co2Kg).toBe(782.673);
    const tech = await get("?from=2025-03&to=2025-03", { user: technician });
    expect(tech.status).toBe(403);
    expect(tech.headers.get("content-type")).toBe("application/problem+json");
    expect((await get("?from=2025-03&to=2025-03", { key: unrelated })).status).toBe(403);
    expect((await get("?from=2025-03&to=2025-03")).status).toBe(401);
  });
});

describe("targets and year-to-date compliance", () => {
  it("a CO₂ budget of 800 kg for 2025 is met in February (63.4 kg) and missed in March (846.073 kg)", async () => {
    await db.transaction((tx) =>
      setTarget(tx, admin, targetSchema.parse({ siteId: substation, year: "2025", maxCo2Kg: "800", minRenewablePercent: "" })),
    );
    await db.transaction((tx) =>
      setTarget(tx, admin, targetSchema.parse({ siteId: solar, year: "2025", maxCo2Kg: "", minRenewablePercent: "90" })),
    );
    const body = await indicators("?from=2025-02&to=2025-03");
    const load = body.data.filter((r) => r.site.id === substation);
    expect(load.map((r) => [r.month, r.compliance.co2Kg, r.compliance.status])).toEqual([
      ["2025-02", 63.4, "met"],
      ["2025-03", 846.073, "missed"],
    ]);
    expect(load[1]!.target).toMatchObject({ year: 2025, maxCo2Kg: 800, minRenewableShare: null });
    const pv = body.data.find((r) => r.site.id === solar)!;
    expect(pv.compliance).toMatchObject({ renewableShare: 1, shareStatus: "met", co2Status: null, status: "met" });
    expect(pv.target?.minRenewableShare).toBe(0.9);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "environment_target.set"));
    expect(audits).toHaveLength(2);
  });

  it("only admins set targets", async () => {
    await expect(
      db.transaction((tx) =>
        setTarget(tx, user, targetSchema.parse({ siteId: solar, year: "2026", maxCo2Kg: "1", minRenewablePercent: "" })),
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("editing a factor", () => {
  it("creates version 2, used from then on; version 1 stays readable; audited with the reason", async () => {
    const [v1] = await db
      .select()
      .from(emissionFactors)
      .where(and(eq(emissionFactors.key, "electricity:DZ:kWh:2023:ember"), eq(emissionFactors.version, 1)));
    await expect(
      db.transaction((tx) => editEmissionFactor(tx, user, { id: v1!.id, value: "0.7", source: "x", reason: "why not" })),
    ).rejects.toMatchObject({ code: "forbidden" });
    const edited = await db.transaction((tx) =>
      editEmissionFactor(tx, admin, {
        id: v1!.id,
        value: "0.7",
        source: "Sonelgaz, rapport annuel 2023",
        reason: "Facteur national publié",
      }),
    );
    expect(edited.version).toBe(2);

    const body = await indicators(`?site=${substation}&from=2025-03&to=2025-03`);
    // 1 234.5 × 0.7 = 864.15
    expect(body.data[0]).toMatchObject({
      co2Kg: 864.15,
      factor: { id: edited.id, version: 2, value: 0.7, source: "Sonelgaz, rapport annuel 2023" },
    });

    const listed = (await db.transaction((tx) => listFactors(tx, user))).find((f) => f.key === "electricity:DZ:kWh:2023:ember")!;
    expect(listed).toMatchObject({ version: 2, reference: true });
    expect(listed.history).toEqual([expect.objectContaining({ id: v1!.id, version: 1, value: "0.634000" })]);
    expect(listed.history[0]!.supersededAt).toBeInstanceOf(Date);

    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "emission_factor.updated"));
    expect(audit?.entityId).toBe("electricity:DZ:kWh:2023:ember");
    expect(audit?.changes).toMatchObject({ version: { old: 1, new: 2 }, reason: { new: "Facteur national publié" } });

    // Editing the closed version again is refused: someone else changed it meanwhile.
    await expect(
      db.transaction((tx) => editEmissionFactor(tx, admin, { id: v1!.id, value: "0.8", source: "x y z", reason: "late" })),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("seeding again leaves the edited factor alone", async () => {
    expect(await db.transaction((tx) => seedEmissionFactors(tx))).toBe(0);
    const current = await db
      .select()
      .from(emissionFactors)
      .where(and(eq(emissionFactors.key, "electricity:DZ:kWh:2023:ember"), sql`${emissionFactors.supersededAt} is null`));
    expect(current.map((f) => f.version)).toEqual([2]);
  });
});

describe("CSV export", () => {
  it("has the API's numbers, unrounded, and is audited", async () => {
    const response = await db.transaction((tx) =>
      environmentDownload(tx, user, { site: substation, from: "2025-03", to: "2025-03" }, { locale: "fr" }),
    );
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("DZ-ENV-PST");
    expect(lines[1]).toContain(",864.15,");
    expect(lines[1]).toContain("electricity:DZ:kWh:2023:ember,2,0.7");
    const exports = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "export.created"), eq(auditLog.entityType, "environment_indicators")));
    expect(exports).toHaveLength(1);
  });
});

describe("power meters", () => {
  it("count as the energy of their intervals: 4 000 kW summed over 15-minute intervals is 1 000 kWh", async () => {
    const id = await site("DZ-ENV-KW", "substation", null);
    const [row] = await db
      .insert(meters)
      .values({ siteId: id, code: "ENV-KW", name: "Départs", kind: "consumption", quantity: "power", unit: "kW", intervalMinutes: 15 })
      .returning();
    await days(row!.id, { "2025-06-10": 4000 });
    const body = await indicators(`?site=${id}&from=2025-06&to=2025-06`);
    // × 0.7 kg/kWh: the DZ grid factor as edited to version 2 above.
    expect(body.data).toEqual([expect.objectContaining({ month: "2025-06", consumptionKwh: 1000, co2Kg: 700 })]);
  });
});
