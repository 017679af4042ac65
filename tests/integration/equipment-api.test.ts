import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as itemRoute from "@/app/api/equipements/[id]/route";
import * as listRoute from "@/app/api/equipements/route";
import type { Db } from "@/db/client";
import { auditLog, equipment, sites } from "@/db/schema";
import { createApiKey } from "@/server/integrations/api-key-admin";
import { freshDb, systemActor } from "../support/db";

process.env.AUTH_SECRET ??= "vitest-only-secret-0c9a7e5d3b1f";
let db: Db;
let ip = 0;
let reader: string;
let writer: string;
let solar: string;
let substation: string;
let retired: string;

type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;
const noParams = { params: Promise.resolve({}) };
const withId = (id: string) => ({ params: Promise.resolve({ id }) });

/** A partner request; each one from its own address so the per-IP limit never interferes. */
function call(method: string, path: string, init: { key?: string; body?: unknown; raw?: string } = {}) {
  const headers: Record<string, string> = { "x-forwarded-for": `10.4.0.${++ip % 250}` };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(`http://localhost${path}`, { method, headers, body });
}
const list = listRoute as unknown as Record<string, Handler>;
const item = itemRoute as unknown as Record<string, Handler>;

async function expectProblem(response: Response, status: number, code?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = (await response.json()) as { code: string; errors?: { path: string; message: string }[] };
  if (code) expect(body.code).toBe(code);
  return body;
}

const key = async (scopes: string[]) =>
  (await db.transaction((tx) => createApiKey(tx, systemActor, { name: "GMAO Atlas", scopes: scopes as never }))).value;

const post = (body: Record<string, unknown>) => list.POST!(call("POST", "/api/equipements", { key: writer, body }), noParams);

async function create(body: Record<string, unknown>) {
  const response = await post(body);
  return { response, json: (await response.json()) as Record<string, unknown> & { id: string } };
}

beforeAll(async () => {
  db = await freshDb();
  reader = await key(["equipment:read"]);
  writer = await key(["equipment:read", "equipment:write"]);
  const insert = async (code: string, type: string, status = "in_service") =>
    (
      await db
        .insert(sites)
        .values({ code, name: `Site ${code}`, type, status })
        .returning({ id: sites.id })
    )[0]!.id;
  solar = await insert("MA-OZT-PV01", "solar_park");
  substation = await insert("DZ-ALG-SS01", "substation");
  retired = await insert("DZ-ORN-TG01", "thermal_plant", "decommissioned");
});

describe("/api/equipements with partner keys", () => {
  it("creates (201 + Location), audits with the partner as actor, and reads it back", async () => {
    const { response, json } = await create({
      siteId: solar,
      name: "Onduleur OND-01",
      type: "inverter",
      serialNumber: "HW-2021-554120",
      manufacturer: "Huawei",
      model: "SUN2000-330KTL-H1",
      commissionedOn: "2021-06-14",
      criticality: "high",
      planKind: "days",
      planInterval: 30,
      lastServiceOn: "2026-01-05",
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe(`/api/equipements/${json.id}`);
    expect(json).toMatchObject({
      siteId: solar,
      site: { code: "MA-OZT-PV01" },
      state: "operational",
      nextDueOn: "2026-02-04",
      planKind: "days",
    });
    expect(json).not.toHaveProperty("qrToken");
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, json.id), eq(auditLog.action, "equipment.created")));
    expect(audit).toMatchObject({ actorType: "api_key", actorLabel: "GMAO Atlas" });

    const got = await item.GET!(call("GET", `/api/equipements/${json.id}`, { key: reader }), withId(json.id));
    expect(got.status).toBe(200);
    expect(await got.json()).toMatchObject({ id: json.id, serialNumber: "HW-2021-554120", overdue: expect.any(Boolean) });
  });

  it("answers 422 with field errors for bad input and for domain rules", async () => {
    const invalid = await expectProblem(
      await list.POST!(
        call("POST", "/api/equipements", { key: writer, body: { siteId: "nope", name: "x", type: "toaster", planKind: "days" } }),
        noParams,
      ),
      422,
      "validation_failed",
    );
    expect(invalid.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(["siteId", "name", "type"]));
    const noInterval = await expectProblem(
      await list.POST!(
        call("POST", "/api/equipements", {
          key: writer,
          body: { siteId: solar, name: "Batterie BESS-01", type: "battery", planKind: "days" },
        }),
        noParams,
      ),
      422,
    );
    expect(noInterval.errors).toEqual([{ path: "planInterval", message: "planIntervalRequired" }]);
    const extra = await expectProblem(
      await list.POST!(
        call("POST", "/api/equipements", { key: writer, body: { siteId: solar, name: "Compteur", type: "meter", qrToken: "mine" } }),
        noParams,
      ),
      422,
    );
    expect(extra.errors?.length).toBeGreaterThan(0);
    const decommissioned = await expectProblem(
      await post({ siteId: retired, name: "Alternateur G1", type: "generator" }),
      422,
      "validation_failed",
    );
    expect(decommissioned.errors).toEqual([{ path: "siteId", message: "equipmentSiteDecommissioned" }]);
    const duplicate = await expectProblem(
      await post({ siteId: solar, name: "Onduleur OND-02", type: "inverter", serialNumber: "HW-2021-554120" }),
      409,
      "conflict",
    );
    expect(duplicate.errors).toEqual([{ path: "serialNumber", message: "serialTaken" }]);
    await expectProblem(await list.POST!(call("POST", "/api/equipements", { key: writer, raw: "{oops" }), noParams), 400, "malformed_json");
    await expectProblem(await list.GET!(call("GET", "/api/equipements?state=broken", { key: reader }), noParams), 422, "validation_failed");
  });

  it("answers 401 without a key, 403 without the scope, 404 for unknown or malformed ids", async () => {
    await expectProblem(await list.GET!(call("GET", "/api/equipements"), noParams), 401);
    await expectProblem(
      await list.POST!(
        call("POST", "/api/equipements", { key: reader, body: { siteId: solar, name: "Pompe P-01", type: "pump" } }),
        noParams,
      ),
      403,
      "forbidden",
    );
    const missing = "5b0f7c9e-1d2a-4c3b-9e8f-0a1b2c3d4e5f";
    await expectProblem(await item.GET!(call("GET", `/api/equipements/${missing}`, { key: reader }), withId(missing)), 404, "not_found");
    await expectProblem(await item.GET!(call("GET", "/api/equipements/42", { key: reader }), withId("42")), 404);
    await expectProblem(
      await item.PATCH!(call("PATCH", `/api/equipements/${missing}`, { key: writer, body: { name: "Pompe" } }), withId(missing)),
      404,
    );
    expect((await item.PUT!(call("PUT", `/api/equipements/${missing}`, { key: writer }), withId(missing))).status).toBe(405);
  });

  it("lists with filters, search and cursor pagination", async () => {
    for (let i = 1; i <= 5; i++) {
      await create({
        siteId: substation,
        name: `Disjoncteur DJ-0${i}`,
        type: "breaker",
        manufacturer: i % 2 ? "ABB" : "Siemens Energy",
        criticality: "high",
      });
    }
    const get = async (query: string) => {
      const response = await list.GET!(call("GET", `/api/equipements?${query}`, { key: reader }), noParams);
      expect(response.status).toBe(200);
      return (await response.json()) as {
        data: { id: string; name: string; siteId: string; manufacturer: string }[];
        next_cursor: string | null;
      };
    };
    const abb = await get(`site=${substation}&q=abb`);
    expect(abb.data.map((e) => e.name)).toEqual(["Disjoncteur DJ-01", "Disjoncteur DJ-03", "Disjoncteur DJ-05"]);
    const first = await get(`type=breaker&limit=2`);
    expect(first.data.map((e) => e.name)).toEqual(["Disjoncteur DJ-01", "Disjoncteur DJ-02"]);
    expect(first.next_cursor).toEqual(expect.any(String));
    const names: string[] = [...first.data.map((e) => e.name)];
    let cursor = first.next_cursor;
    while (cursor) {
      const page = await get(`type=breaker&limit=2&cursor=${cursor}`);
      names.push(...page.data.map((e) => e.name));
      cursor = page.next_cursor;
    }
    expect(names).toEqual(["Disjoncteur DJ-01", "Disjoncteur DJ-02", "Disjoncteur DJ-03", "Disjoncteur DJ-04", "Disjoncteur DJ-05"]);
    const desc = await get(`type=breaker&sort=-name&limit=1`);
    expect(desc.data[0]?.name).toBe("Disjoncteur DJ-05");
    expect((await get(`criticality=low&type=breaker`)).data).toEqual([]);
  });

  it("updates fields and state through PATCH; failed is audited as a state change", async () => {
    const { json } = await create({ siteId: substation, name: "Transformateur TR-1", type: "transformer" });
    const patched = await item.PATCH!(
      call("PATCH", `/api/equipements/${json.id}`, {
        key: writer,
        body: {
          manufacturer: "Hitachi Energy",
          planKind: "hours",
          planInterval: 2000,
          operatingHours: 2100,
          state: "failed",
          stateReason: "Buchholz déclenché",
        },
      }),
      withId(json.id),
    );
    expect(patched.status).toBe(200);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Algiers" }).format(new Date());
    expect(await patched.json()).toMatchObject({ manufacturer: "Hitachi Energy", state: "failed", operatingHours: 2100, nextDueOn: today });
    const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, json.id))).map(
      (r) => r.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["equipment.created", "equipment.updated", "equipment.state_changed"]));
    const nothing = await expectProblem(
      await item.PATCH!(call("PATCH", `/api/equipements/${json.id}`, { key: writer, body: {} }), withId(json.id)),
      422,
    );
    expect(nothing.errors?.[0]?.message).toBe("nothingToChange");
    const cleared = await item.PATCH!(
      call("PATCH", `/api/equipements/${json.id}`, { key: writer, body: { serialNumber: null, planKind: null } }),
      withId(json.id),
    );
    expect(await cleared.json()).toMatchObject({ serialNumber: null, planKind: null, planInterval: null, nextDueOn: null });
  });

  it("DELETE is refused to partner keys (403): deleting is for signed-in admins", async () => {
    const { json } = await create({ siteId: substation, name: "Compteur CPT-01", type: "meter" });
    await expectProblem(await item.DELETE!(call("DELETE", `/api/equipements/${json.id}`, { key: writer }), withId(json.id)), 403);
    expect(await db.select().from(equipment).where(eq(equipment.id, json.id))).toHaveLength(1);
  });
});
