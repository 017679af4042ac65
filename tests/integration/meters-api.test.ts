import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as itemRoute from "@/app/api/compteurs/[id]/route";
import * as listRoute from "@/app/api/compteurs/route";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import {
  createMeterSchema,
  listMetersQuery,
  updateMeterSchema,
  type CreateMeterInput,
  type UpdateMeterInput,
} from "@/lib/validation/meters";
import type { Actor, UserActor } from "@/server/auth/actor";
import type { MeterDto } from "@/server/energy/meters/meter-dto";
import { getMeter, listMeters } from "@/server/energy/meters/meters-query";
import { createMeter, deactivateMeter, updateMeter } from "@/server/energy/meters/meters-service";
import { ingestReadings } from "@/server/energy/readings/ingest";
import { createApiKey } from "@/server/integrations/api-key-admin";
import { DomainError } from "@/server/platform/errors";
import { freshDb, systemActor } from "../support/db";
import { makeEquipment, makeSite, makeUser } from "../support/maintenance-fixtures";

process.env.AUTH_SECRET ??= "vitest-only-secret-0c9a7e5d3b1f";
let db: Db;
let admin: UserActor;
let user: UserActor;
let technician: UserActor;
let readerKey: string;
let writerKey: string;
let otherKey: string;
let siteId: string;
let otherSiteId: string;
let ip = 0;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const list = listRoute as unknown as Record<"GET" | "POST" | "PUT", Handler>;
const item = itemRoute as unknown as Record<"GET" | "PATCH" | "DELETE" | "POST", Handler>;
function call(method: string, path: string, key?: string, body?: unknown) {
  const headers: Record<string, string> = { "x-forwarded-for": `10.6.0.${++ip % 250}` };
  if (key) headers.authorization = `Bearer ${key}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
const params = (id = "") => ({ params: Promise.resolve<Record<string, string>>(id ? { id } : {}) });
async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (e) {
    if (e instanceof DomainError) return e.status;
    throw e;
  }
}

const create = (actor: Actor, input: Partial<CreateMeterInput>) =>
  db.transaction((tx) =>
    createMeter(
      tx,
      actor,
      createMeterSchema.parse({ siteId, name: "Compteur général", kind: "consumption", quantity: "energy", ...input }),
    ),
  );
const update = (actor: Actor, id: string, input: UpdateMeterInput) =>
  db.transaction((tx) => updateMeter(tx, actor, id, updateMeterSchema.parse(input)));

beforeAll(async () => {
  db = await freshDb();
  admin = await makeUser(db, "admin", "Amina Benali");
  user = await makeUser(db, "user", "Karim Ould");
  technician = await makeUser(db, "technician", "Yacine Haddad");
  siteId = await makeSite(db, { name: "Centrale de Hassi R’Mel" });
  otherSiteId = await makeSite(db, { name: "Parc éolien de Kaberten" });
  const key = (scopes: string[]) =>
    db.transaction(
      async (tx) => (await createApiKey(tx, systemActor, { name: `Partenaire ${scopes.join(" ")}`, scopes: scopes as never })).value,
    );
  readerKey = await key(["measurements:read"]);
  writerKey = await key(["measurements:read", "measurements:write"]);
  otherKey = await key(["sites:read"]);
});

describe("meters service: roles", () => {
  it("lets an admin create a meter (unit from the quantity, audited) and refuses a taken code in any case (409)", async () => {
    const meter = await create(admin, {
      code: "hrm-e-01",
      quantity: "energy",
      register: "cumulative",
      rolloverAt: 999_999,
      jitterTolerance: 0.2,
    });
    expect(meter).toMatchObject({
      code: "HRM-E-01",
      unit: "kWh",
      register: "cumulative",
      rolloverAt: 999_999,
      jitterTolerance: 0.2,
      active: true,
    });
    expect(meter.site).toMatchObject({ id: siteId, name: "Centrale de Hassi R’Mel", timezone: "Africa/Algiers" });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, meter.id), eq(auditLog.action, "meter.created")));
    expect(audit).toMatchObject({ entityType: "meter", actorLabel: admin.email });
    expect(await status(create(admin, { code: "HRM-e-01" }))).toBe(409);
    const power = await create(admin, { code: "HRM-P-01", quantity: "power" });
    expect(power.unit).toBe("kW");
    expect(
      createMeterSchema.safeParse({ siteId, code: "X-1", name: "Puissance", kind: "production", quantity: "power", register: "cumulative" })
        .success,
    ).toBe(false);
    expect(
      createMeterSchema.safeParse({ siteId, code: "bad/code", name: "Compteur", kind: "production", quantity: "energy" }).success,
    ).toBe(false);
  });

  it("lets a user read meters but not create one (403); a technician cannot read them (403)", async () => {
    const page = await listMeters(db, user, listMetersQuery.parse({}));
    expect(page.data.map((m) => m.code)).toContain("HRM-E-01");
    expect(await status(create(user, { code: "HRM-E-99" }))).toBe(403);
    expect(await status(listMeters(db, technician, listMetersQuery.parse({})))).toBe(403);
    expect(await status(getMeter(db, technician, page.data[0]!.id))).toBe(403);
  });

  it("checks linked equipment is on the meter's site", async () => {
    const here = await makeEquipment(db, siteId, { name: "Transformateur T1" });
    const there = await makeEquipment(db, otherSiteId, { name: "Éolienne E4" });
    const linked = await create(admin, { code: "HRM-T1", equipmentId: here });
    expect(linked.equipment).toEqual({ id: here, name: "Transformateur T1" });
    expect(await status(create(admin, { code: "HRM-T2", equipmentId: there }))).toBe(422);
    expect(await status(update(admin, linked.id, { equipmentId: there }))).toBe(422);
    expect((await update(admin, linked.id, { equipmentId: null })).equipment).toBeNull();
  });

  it("edits with an audit of the changed fields, and fixes site, quantity and register once readings exist (409)", async () => {
    const meter = await create(admin, { code: "HRM-E-02" });
    const edited = await update(admin, meter.id, { name: "Départ HTA 2", kind: "production", siteId: otherSiteId });
    expect(edited).toMatchObject({ name: "Départ HTA 2", kind: "production", siteId: otherSiteId });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, meter.id), eq(auditLog.action, "meter.updated")));
    expect(audit!.changes).toEqual({
      name: { old: "Compteur général", new: "Départ HTA 2" },
      kind: { old: "consumption", new: "production" },
      siteId: { old: siteId, new: otherSiteId },
    });
    expect(await status(update(user, meter.id, { name: "Autre" }))).toBe(403);
    await db.transaction((tx) =>
      ingestReadings(tx as unknown as Db, systemActor, [{ meter: "HRM-E-02", ts: "2026-01-10T10:00:00+01:00", value: 5, unit: "kWh" }], {
        source: "api",
      }),
    );
    expect(await status(update(admin, meter.id, { quantity: "volume" }))).toBe(409);
    expect(await status(update(admin, meter.id, { siteId }))).toBe(409);
    expect(await status(update(admin, meter.id, { code: "HRM-E-01" }))).toBe(409);
    expect((await update(admin, meter.id, { code: "HRM-E-02B" })).code).toBe("HRM-E-02B");
  });

  it("deactivates (audited once), then the meter refuses readings until reactivated", async () => {
    const meter = await create(admin, { code: "HRM-E-03" });
    expect((await db.transaction((tx) => deactivateMeter(tx, admin, meter.id))).active).toBe(false);
    await db.transaction((tx) => deactivateMeter(tx, admin, meter.id));
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, meter.id), eq(auditLog.action, "meter.deactivated")));
    expect(audits).toHaveLength(1);
    const reading = [{ meter: "HRM-E-03", ts: "2026-01-10T10:00:00+01:00", value: 5, unit: "kWh" }];
    const refused = await db.transaction((tx) => ingestReadings(tx as unknown as Db, systemActor, reading, { source: "api" }));
    expect(refused.rejected[0]?.code).toBe("inactive_meter");
    expect((await update(admin, meter.id, { active: true })).active).toBe(true);
    expect(await status(db.transaction((tx) => deactivateMeter(tx, user, meter.id)))).toBe(403);
  });
});

describe("/api/compteurs", () => {
  it("answers 401 without credentials and 403 to a key without measurements:read", async () => {
    expect((await list.GET(call("GET", "/api/compteurs"), params())).status).toBe(401);
    expect((await list.GET(call("GET", "/api/compteurs", otherKey), params())).status).toBe(403);
  });

  it("lists with filters and pages with next_cursor until null", async () => {
    for (const code of ["KAB-W-01", "KAB-W-02", "KAB-W-03"]) {
      await db.transaction((tx) =>
        createMeter(
          tx,
          admin,
          createMeterSchema.parse({ siteId: otherSiteId, code, name: `Éolienne ${code}`, kind: "production", quantity: "energy" }),
        ),
      );
    }
    const bySite = await list.GET(call("GET", `/api/compteurs?site=${otherSiteId}&kind=production&limit=2`, readerKey), params());
    expect(bySite.status).toBe(200);
    const first = (await bySite.json()) as { data: MeterDto[]; next_cursor: string | null };
    expect(first.data.map((m) => m.code)).toEqual(["HRM-E-02B", "KAB-W-01"]);
    expect(first.next_cursor).not.toBeNull();
    const next = (await (
      await list.GET(
        call("GET", `/api/compteurs?site=${otherSiteId}&kind=production&limit=2&cursor=${first.next_cursor}`, readerKey),
        params(),
      )
    ).json()) as {
      data: MeterDto[];
      next_cursor: string | null;
    };
    expect(next).toEqual({
      data: [expect.objectContaining({ code: "KAB-W-02" }), expect.objectContaining({ code: "KAB-W-03" })],
      next_cursor: null,
    });
    const searched = (await (await list.GET(call("GET", "/api/compteurs?q=%C3%A9olienne%20kab-w-03", readerKey), params())).json()) as {
      data: MeterDto[];
    };
    expect(searched.data.map((m) => m.code)).toEqual(["KAB-W-03"]);
    await db.transaction((tx) => deactivateMeter(tx, admin, searched.data[0]!.id));
    const inactive = (await (await list.GET(call("GET", "/api/compteurs?active=false", readerKey), params())).json()) as {
      data: MeterDto[];
    };
    expect(inactive.data.map((m) => [m.code, m.active])).toEqual([["KAB-W-03", false]]);
    expect((await list.GET(call("GET", "/api/compteurs?kind=gas", readerKey), params())).status).toBe(422);
  });

  it("reads one meter; an unknown or malformed id is 404", async () => {
    const [one] = (await listMeters(db, admin, listMetersQuery.parse({ q: "KAB-W-01" }))).data;
    const response = await item.GET(call("GET", `/api/compteurs/${one!.id}`, readerKey), params(one!.id));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ code: "KAB-W-01", unit: "kWh", site: { id: otherSiteId } });
    expect(
      (
        await item.GET(
          call("GET", "/api/compteurs/00000000-0000-4000-8000-000000000000", readerKey),
          params("00000000-0000-4000-8000-000000000000"),
        )
      ).status,
    ).toBe(404);
    expect((await item.GET(call("GET", "/api/compteurs/nope", readerKey), params("nope"))).status).toBe(404);
  });

  it("refuses writes to partners, even with measurements:write (meters are managed by admins)", async () => {
    const body = { siteId, code: "HRM-X-01", name: "Compteur partenaire", kind: "consumption", quantity: "energy" };
    expect((await list.POST(call("POST", "/api/compteurs", writerKey, body), params())).status).toBe(403);
    const [one] = (await listMeters(db, admin, listMetersQuery.parse({ q: "KAB-W-02" }))).data;
    expect((await item.PATCH(call("PATCH", `/api/compteurs/${one!.id}`, writerKey, { name: "Renommé" }), params(one!.id))).status).toBe(
      403,
    );
    expect((await item.DELETE(call("DELETE", `/api/compteurs/${one!.id}`, writerKey), params(one!.id))).status).toBe(403);
    expect((await item.POST(call("POST", `/api/compteurs/${one!.id}`, writerKey, {}), params(one!.id))).status).toBe(405);
  });
});

describe("meter form", () => {
  it("turns the typed text into the API shape, with the API's rules and the form's field names", async () => {
    const { meterFormSchema } = await import("@/app/(staff)/energy/meters/meter-form-schema");
    const text = {
      siteId,
      equipmentId: "",
      code: " dz-hrm-c1 ",
      name: "Comptage gaz",
      kind: "consumption",
      quantity: "volume",
      carrier: "natural_gas",
      intervalMinutes: "60",
      register: "cumulative",
      rolloverAt: "99999,9",
      jitterTolerance: "0,01",
    };
    expect(meterFormSchema.parse(text)).toMatchObject({
      code: "DZ-HRM-C1",
      equipmentId: null,
      intervalMinutes: 60,
      rolloverAt: 99_999.9,
      jitterTolerance: 0.01,
    });
    const bad = meterFormSchema.safeParse({ ...text, code: "a", intervalMinutes: "7", rolloverAt: "beaucoup" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual(
      expect.arrayContaining([
        ["code", "meterCodeInvalid"],
        ["intervalMinutes", "meterIntervalInvalid"],
        ["rolloverAt", "numberInvalid"],
      ]),
    );
  });
});
