import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as itemRoute from "@/app/api/clients/[id]/route";
import * as listRoute from "@/app/api/clients/route";
import type { Db } from "@/db/client";
import { auditLog, clientAccounts, meters } from "@/db/schema";
import { createClientAccountSchema, createDeliveryPointSchema } from "@/lib/validation/clients";
import type { UserActor } from "@/server/auth/actor";
import { authenticate } from "@/server/auth/authenticate";
import { clientScope } from "@/server/energy/clients/client-scope";
import type { ClientDetailDto, ClientDto } from "@/server/energy/clients/client-dto";
import { createClientAccount } from "@/server/energy/clients/client-accounts";
import { createDeliveryPoint, linkMeter, unlinkMeter, updateDeliveryPoint } from "@/server/energy/clients/delivery-points-service";
import { DomainError } from "@/server/platform/errors";
import { freshDb } from "../support/db";
import { makeSite, makeUser } from "../support/maintenance-fixtures";

/** The browser session the route sees: whoever `session.userId` names (Auth.js itself is not under test). */
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId }, authTime: Date.now() + 60_000 } : null),
}));

process.env.AUTH_SECRET ??= "vitest-only-secret-0c9a7e5d3b1f";
let db: Db;
let admin: UserActor;
let user: UserActor;
let technician: UserActor;
let clientUser: UserActor;
let siteId: string;
let ip = 0;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const list = listRoute as unknown as Record<"GET" | "POST" | "DELETE", Handler>;
const item = itemRoute as unknown as Record<"GET" | "PATCH" | "DELETE", Handler>;

function call(handler: Handler, method: string, path: string, as: UserActor | null, body?: unknown, id?: string) {
  session.userId = as?.id ?? null;
  const headers: Record<string, string> = { "x-forwarded-for": `10.7.0.${++ip % 250}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return handler(request, { params: Promise.resolve<Record<string, string>>(id ? { id } : {}) });
}
async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (e) {
    if (e instanceof DomainError) return e.status;
    throw e;
  }
}

const person = {
  kind: "person",
  name: "Yasmine Belkacem",
  email: "Yasmine.Belkacem@example.dz",
  phone: "+213 555 12 34 56",
  addressLine: "12 rue Didouche Mourad",
  city: "Alger",
  postalCode: "16000",
  country: "DZ",
  locale: "kab",
  taxNumber: "000116012345678",
};

beforeAll(async () => {
  db = await freshDb();
  admin = await makeUser(db, "admin", "Amina Benali");
  user = await makeUser(db, "user", "Karim Ould");
  technician = await makeUser(db, "technician", "Yacine Haddad");
  clientUser = await makeUser(db, "client", "Lynda Saidi");
  siteId = await makeSite(db, { name: "Clientèle BT Alger-Centre" });
});

describe("/api/clients", () => {
  let created: ClientDto;

  it("lets an admin create a client: 201, Location, code CLI-000001 then CLI-000002, audited", async () => {
    const response = await call(list.POST, "POST", "/api/clients", admin, person);
    expect(response.status).toBe(201);
    created = (await response.json()) as ClientDto;
    expect(response.headers.get("location")).toBe(`/api/clients/${created.id}`);
    expect(created).toMatchObject({
      code: "CLI-000001",
      name: "Yasmine Belkacem",
      email: "yasmine.belkacem@example.dz",
      locale: "kab",
      status: "active",
    });
    const second = await call(list.POST, "POST", "/api/clients", admin, {
      kind: "company",
      name: "Sarl Tafat Énergie",
      country: "MA",
      locale: "ar",
    });
    expect(second.status).toBe(201);
    expect(((await second.json()) as ClientDto).code).toBe("CLI-000002");
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, "client.created")));
    expect(audit).toMatchObject({ entityType: "client", actorLabel: admin.email });
  });

  it("answers 422 with field errors on a bad body", async () => {
    const response = await call(list.POST, "POST", "/api/clients", admin, {
      kind: "robot",
      name: "Y",
      email: "not-an-email",
      locale: "de",
      country: "ES",
    });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { code: string; errors: { path: string; message: string }[] };
    expect(problem.code).toBe("validation_failed");
    const byPath = Object.fromEntries(problem.errors.map((e) => [e.path, e.message]));
    expect(byPath).toMatchObject({
      kind: "clientKindInvalid",
      name: "nameTooShort",
      email: "emailInvalid",
      locale: "localeInvalid",
      country: "countryInvalid",
    });
  });

  it("lists with search, filters and cursor pagination by name", async () => {
    for (const name of ["Amrouche Idir", "Zerrouki Feriel", "Meziane Sara"]) {
      await call(list.POST, "POST", "/api/clients", admin, { kind: "person", name, country: "DZ" });
    }
    const first = await call(list.GET, "GET", "/api/clients?limit=2", admin);
    expect(first.status).toBe(200);
    const page1 = (await first.json()) as { data: ClientDto[]; next_cursor: string | null };
    expect(page1.data.map((c) => c.name)).toEqual(["Amrouche Idir", "Meziane Sara"]);
    expect(page1.next_cursor).not.toBeNull();
    const page2 = (await (await call(list.GET, "GET", `/api/clients?limit=2&cursor=${page1.next_cursor}`, admin)).json()) as {
      data: ClientDto[];
    };
    expect(page2.data.map((c) => c.name)).toEqual(["Sarl Tafat Énergie", "Yasmine Belkacem"]);
    const companies = (await (await call(list.GET, "GET", "/api/clients?kind=company", admin)).json()) as { data: ClientDto[] };
    expect(companies.data.map((c) => c.code)).toEqual(["CLI-000002"]);
    const search = (await (await call(list.GET, "GET", "/api/clients?q=000116012", admin)).json()) as { data: ClientDto[] };
    expect(search.data.map((c) => c.id)).toEqual([created.id]);
    expect((await call(list.GET, "GET", "/api/clients?status=gone", admin)).status).toBe(422);
  });

  it("gets one client with details; unknown or malformed id → 404", async () => {
    const response = await call(item.GET, "GET", `/api/clients/${created.id}`, admin, undefined, created.id);
    expect(response.status).toBe(200);
    const detail = (await response.json()) as ClientDetailDto;
    expect(detail).toMatchObject({ id: created.id, deliveryPoints: [], contracts: [], accounts: [], invitations: [] });
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await call(item.GET, "GET", `/api/clients/${unknown}`, admin, undefined, unknown)).status).toBe(404);
    expect((await call(item.GET, "GET", "/api/clients/nope", admin, undefined, "nope")).status).toBe(404);
  });

  it("patches a client (status included), audited with the changed fields; 422 on an empty patch", async () => {
    const response = await call(
      item.PATCH,
      "PATCH",
      `/api/clients/${created.id}`,
      admin,
      { status: "suspended", city: "Tizi Ouzou" },
      created.id,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "suspended", city: "Tizi Ouzou" });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, "client.updated")));
    expect(audit?.changes).toMatchObject({ status: { old: "active", new: "suspended" }, city: { old: "Alger", new: "Tizi Ouzou" } });
    expect((await call(item.PATCH, "PATCH", `/api/clients/${created.id}`, admin, {}, created.id)).status).toBe(422);
    await call(item.PATCH, "PATCH", `/api/clients/${created.id}`, admin, { status: "active" }, created.id);
  });

  it("refuses the user, technician and client roles (403) and anonymous callers (401)", async () => {
    for (const actor of [user, technician, clientUser]) {
      expect((await call(list.GET, "GET", "/api/clients", actor)).status).toBe(403);
      expect((await call(list.POST, "POST", "/api/clients", actor, person)).status).toBe(403);
      expect((await call(item.GET, "GET", `/api/clients/${created.id}`, actor, undefined, created.id)).status).toBe(403);
      expect((await call(item.PATCH, "PATCH", `/api/clients/${created.id}`, actor, { city: "Oran" }, created.id)).status).toBe(403);
    }
    expect((await call(list.GET, "GET", "/api/clients", null)).status).toBe(401);
    expect((await call(list.DELETE, "DELETE", "/api/clients", admin)).status).toBe(405);
  });

  it("creates a client account that signs in as role client, in the client's language, linked to the client", async () => {
    const input = createClientAccountSchema.parse({
      clientId: created.id,
      name: "Yasmine Belkacem",
      email: "yasmine.compte@example.dz",
      password: "tafat tazegzawt 2026",
      confirm: "tafat tazegzawt 2026",
    });
    const account = await db.transaction((tx) => createClientAccount(tx, admin, input));
    expect(account).toMatchObject({ role: "client", locale: "kab" });
    const signIn = await authenticate("yasmine.compte@example.dz", "tafat tazegzawt 2026", new Headers({ "x-forwarded-for": "10.7.1.1" }));
    expect(signIn.kind).toBe("ok");
    expect(signIn.kind === "ok" && signIn.user.role).toBe("client");
    const [link] = await db.select().from(clientAccounts).where(eq(clientAccounts.userId, account.id));
    expect(link?.clientId).toBe(created.id);
    const actor: UserActor = {
      kind: "user",
      id: account.id,
      role: "client",
      name: account.name,
      email: account.email,
      locale: "kab",
      theme: "system",
    };
    expect(await clientScope(db, actor, "invoices.read")).toEqual({ all: false, clientId: created.id });
    const detail = (await (
      await call(item.GET, "GET", `/api/clients/${created.id}`, admin, undefined, created.id)
    ).json()) as ClientDetailDto;
    expect(detail.accounts.map((a) => a.email)).toEqual(["yasmine.compte@example.dz"]);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, "client.account.created")));
    expect(audit).toBeDefined();
    // The same address again → 409; a user cannot create accounts.
    expect(await status(db.transaction((tx) => createClientAccount(tx, admin, input)))).toBe(409);
    expect(await status(db.transaction((tx) => createClientAccount(tx, user, { ...input, email: "x@example.dz" })))).toBe(403);
  });

  it("links a meter to one active delivery point only (409 elsewhere), by code or id", async () => {
    const [meter] = await db
      .insert(meters)
      .values({ siteId, code: "DZ-ALG-C0001", name: "Compteur Belkacem", kind: "consumption", quantity: "energy", unit: "kWh" })
      .returning();
    const dp = await db.transaction((tx) =>
      createDeliveryPoint(tx, admin, createDeliveryPointSchema.parse({ clientId: created.id, code: "pdl-16-0001", siteId, city: "Alger" })),
    );
    expect(dp.code).toBe("PDL-16-0001");
    const dp2 = await db.transaction((tx) =>
      createDeliveryPoint(tx, admin, createDeliveryPointSchema.parse({ clientId: created.id, code: "PDL-16-0002" })),
    );
    expect(
      await status(
        db.transaction((tx) =>
          createDeliveryPoint(tx, admin, createDeliveryPointSchema.parse({ clientId: created.id, code: "Pdl-16-0001" })),
        ),
      ),
    ).toBe(409);
    await db.transaction((tx) => linkMeter(tx, admin, dp.id, "dz-alg-c0001"));
    expect(await status(db.transaction((tx) => linkMeter(tx, admin, dp2.id, meter!.id)))).toBe(409);
    expect(await status(db.transaction((tx) => linkMeter(tx, admin, dp2.id, "NO-SUCH-METER")))).toBe(422);
    const detail = (await (
      await call(item.GET, "GET", `/api/clients/${created.id}`, admin, undefined, created.id)
    ).json()) as ClientDetailDto;
    const point = detail.deliveryPoints.find((p) => p.id === dp.id);
    expect(point?.meters.map((m) => m.code)).toEqual(["DZ-ALG-C0001"]);
    // Once the first point is deactivated (or the meter unlinked), the meter is free again.
    await db.transaction((tx) => updateDeliveryPoint(tx, admin, dp.id, { active: false }));
    await db.transaction((tx) => linkMeter(tx, admin, dp2.id, meter!.id));
    expect(await status(db.transaction((tx) => updateDeliveryPoint(tx, admin, dp.id, { active: true })))).toBe(409);
    await db.transaction((tx) => unlinkMeter(tx, admin, dp2.id, meter!.id));
    await db.transaction((tx) => updateDeliveryPoint(tx, admin, dp.id, { active: true }));
    const actions = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityType, "delivery_point"));
    expect(new Set(actions.map((a) => a.action))).toEqual(
      new Set([
        "delivery_point.created",
        "delivery_point.meter_linked",
        "delivery_point.deactivated",
        "delivery_point.updated",
        "delivery_point.meter_unlinked",
      ]),
    );
  });
});
