import { spawn } from "node:child_process";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as itemRoute from "@/app/api/sites/[id]/route";
import * as listRoute from "@/app/api/sites/route";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { seedSites } from "@/db/seed/energy/sites";
import { listSitesQuery, siteFilters } from "@/lib/validation/sites";
import type { UserActor } from "@/server/auth/actor";
import { sitesDownload } from "@/server/energy/sites/sites-export";
import { listSites, type SiteListItem } from "@/server/energy/sites/sites-query";
import { createApiKey } from "@/server/integrations/api-key-admin";
import { createUser } from "@/server/users/users-service";
import { freshDb, systemActor } from "../support/db";

process.env.AUTH_SECRET ??= "vitest-only-secret-0c9a7e5d3b1f";
let db: Db;
let admin: UserActor;
let partner: string;
let reader: string;
let ip = 0;

type Handler = (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;
const noParams = { params: Promise.resolve({}) };
const withId = (id: string) => ({ params: Promise.resolve({ id }) });

/** A request as a partner would send it; each call uses its own client address. */
function call(method: string, path: string, init: { key?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { "x-forwarded-for": `10.4.0.${++ip % 250}` };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return new Request(`http://localhost${path}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}
const list = (query = "", key = partner) => (listRoute.GET as Handler)(call("GET", `/api/sites${query}`, { key }), noParams);
const create = (body: unknown, key = partner) => (listRoute.POST as Handler)(call("POST", "/api/sites", { key, body }), noParams);
const read = (id: string, key = partner) => (itemRoute.GET as Handler)(call("GET", `/api/sites/${id}`, { key }), withId(id));
const patch = (id: string, body: unknown, key = partner) =>
  (itemRoute.PATCH as Handler)(call("PATCH", `/api/sites/${id}`, { key, body }), withId(id));
const remove = (id: string, key = partner) => (itemRoute.DELETE as Handler)(call("DELETE", `/api/sites/${id}`, { key }), withId(id));

async function problem(response: Response, status: number, code?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = (await response.json()) as { code: string; errors?: { path: string; message: string }[] };
  if (code) expect(body.code).toBe(code);
  return body;
}

const newSite = {
  code: "dz-gha-pv01",
  name: "Parc solaire Ghardaïa Oued Nechou",
  type: "solar_park",
  region: "Ghardaïa",
  latitude: 32.4893,
  longitude: 3.6738,
  capacityMw: 1.1,
};

/** RFC 4180 records of a CSV text (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

function pdfText(pdf: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("pdftotext", ["-layout", "-", "-"], { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(Buffer.concat(out).toString("utf8")) : reject(new Error(`pdftotext exited ${code}`)),
    );
    child.stdin.end(pdf);
  }).then((text) => (text as string).replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ""));
}

async function everyPage(query: Record<string, string>): Promise<SiteListItem[]> {
  const out: SiteListItem[] = [];
  let cursor: string | null = null;
  do {
    const page = await listSites(db, admin, listSitesQuery.parse({ ...query, limit: 3, ...(cursor ? { cursor } : {}) }));
    out.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

beforeAll(async () => {
  db = await freshDb();
  const u = await db.transaction((tx) =>
    createUser(tx, systemActor, {
      name: "Amina Benali",
      email: "amina@dihya-energie.dz",
      role: "admin",
      locale: "fr",
      password: "Tassaft-Ouzou-2026",
    }),
  );
  admin = { kind: "user", id: u.id, role: "admin", name: u.name, email: u.email, locale: "fr", theme: "system" };
  await db.transaction((tx) => seedSites(tx, systemActor));
  const key = (scopes: string[]) => db.transaction((tx) => createApiKey(tx, systemActor, { name: "SCADA Atlas", scopes: scopes as never }));
  partner = (await key(["sites:read", "sites:write", "equipment:read"])).value;
  reader = (await key(["sites:read"])).value;
});

describe("/api/sites with a partner key", () => {
  let created: { id: string; code: string };

  it("answers 401 without a key and 403 to a read-only key that writes", async () => {
    await problem(await (listRoute.GET as Handler)(call("GET", "/api/sites"), noParams), 401, "unauthenticated");
    await problem(await create(newSite, reader), 403, "forbidden");
  });

  it("creates a site: 201, Location, the stored object, audited with the key as actor", async () => {
    const response = await create(newSite);
    expect(response.status).toBe(201);
    created = (await response.json()) as { id: string; code: string };
    expect(response.headers.get("location")).toBe(`/api/sites/${created.id}`);
    expect(created).toMatchObject({
      code: "DZ-GHA-PV01",
      status: "in_service",
      capacityMw: 1.1,
      timezone: "Africa/Algiers",
      latitude: 32.4893,
    });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit).toMatchObject({ action: "site.created", actorType: "api_key", actorLabel: "SCADA Atlas" });
  });

  it("answers 422 with field errors, and 409 codeTaken for a code already used", async () => {
    const invalid = await problem(
      await create({ code: "pv 01", name: "X", type: "volcano", latitude: 123, longitude: 3, capacityMw: -5 }),
      422,
      "validation_failed",
    );
    expect(invalid.errors).toEqual(
      expect.arrayContaining([
        { path: "code", message: "codeInvalid" },
        { path: "name", message: "nameTooShort" },
        { path: "type", message: "siteTypeInvalid" },
        { path: "latitude", message: "latitudeRange" },
        { path: "capacityMw", message: "capacityRange" },
      ]),
    );
    await problem(await create({ ...newSite, extra: true }), 422, "validation_failed");
    const taken = await problem(await create({ ...newSite, code: "DZ-ADR-PV01" }), 409, "conflict");
    expect(taken.errors).toEqual([{ path: "code", message: "codeTaken" }]);
    const unknownNetwork = await problem(
      await create({ ...newSite, code: "DZ-GHA-PV02", networkId: "00000000-0000-4000-8000-000000000000" }),
      422,
    );
    expect(unknownNetwork.errors).toEqual([{ path: "networkId", message: "networkUnknown" }]);
  });

  it("lists with filters and pages with next_cursor until null", async () => {
    const solar = (await (await list("?type=solar_park&limit=500")).json()) as { data: { code: string; type: string }[] };
    expect(solar.data.length).toBeGreaterThanOrEqual(4);
    expect(solar.data.every((s) => s.type === "solar_park")).toBe(true);
    const searched = (await (await list("?q=ghardaïa")).json()) as { data: { code: string }[]; next_cursor: string | null };
    expect(searched).toEqual({ data: [expect.objectContaining({ code: "DZ-GHA-PV01" })], next_cursor: null });
    const seen: string[] = [];
    let next: string | null = "";
    while (next !== null) {
      const response = await list(`?sort=capacity&order=desc&limit=4${next ? `&cursor=${next}` : ""}`);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { data: { id: string }[]; next_cursor: string | null };
      expect(page.data.length).toBeLessThanOrEqual(4);
      seen.push(...page.data.map((s) => s.id));
      next = page.next_cursor;
    }
    const all = (await (await list("?limit=500")).json()) as { data: { id: string }[] };
    expect(seen.sort()).toEqual(all.data.map((s) => s.id).sort());
    await problem(await list("?status=on_fire"), 422, "validation_failed");
    await problem(await list("?limit=0"), 422, "validation_failed");
    await problem(await list("?network=not-a-uuid"), 422, "validation_failed");
  });

  it("reads a site with its network, counts and history; unknown and malformed ids answer 404", async () => {
    const grid = (await (await list("?q=DZ-BJA-SG02")).json()) as { data: { id: string }[] };
    const response = await read(grid.data[0]!.id, reader);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      code: "DZ-BJA-SG02",
      network: { code: "NET-BJA-SG" },
      parent: { code: "DZ-BJA-SG01" },
      counts: { equipment: 0, openInterventions: 0, children: 0 },
      statusHistory: [{ status: "in_service", reason: null }],
    });
    await problem(await read("00000000-0000-4000-8000-000000000000"), 404, "not_found");
    await problem(await read("not-a-uuid"), 404, "not_found");
    await problem(await patch("42", { name: "Nom" }), 404, "not_found");
  });

  it("updates fields, changes the status with a reason, and refuses a status without one", async () => {
    const renamed = await patch(created.id, { name: "Centrale solaire Oued Nechou", capacityMw: 1.5 });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ name: "Centrale solaire Oued Nechou", capacityMw: 1.5 });
    const noReason = await problem(await patch(created.id, { status: "maintenance" }), 422, "validation_failed");
    expect(noReason.errors).toEqual([{ path: "statusReason", message: "statusReasonRequired" }]);
    await problem(await patch(created.id, {}), 422, "validation_failed");
    const moved = await patch(created.id, { status: "maintenance", statusReason: "Remplacement d’un onduleur central." });
    expect(((await moved.json()) as { status: string }).status).toBe("maintenance");
    const detail = (await (await read(created.id)).json()) as { statusHistory: { status: string; reason: string | null }[] };
    expect(detail.statusHistory.map((h) => h.status)).toEqual(["in_service", "maintenance"]);
    expect(detail.statusHistory[1]?.reason).toBe("Remplacement d’un onduleur central.");
    await problem(await patch(created.id, { status: "maintenance", statusReason: "Encore." }), 422, "validation_failed");
  });

  it("keeps a decommissioned site read-only (409) and never lets a partner delete", async () => {
    await problem(await remove(created.id), 403, "forbidden");
    await problem(await remove("00000000-0000-4000-8000-000000000000"), 403);
    const done = await patch(created.id, { status: "decommissioned", statusReason: "Site fermé : terrain rendu à la commune." });
    expect(done.status).toBe(200);
    const refused = await problem(await patch(created.id, { name: "Renommé" }), 409, "conflict");
    expect(refused).toMatchObject({ detail: "siteDecommissioned" });
    expect(((await (await read(created.id)).json()) as { name: string }).name).toBe("Centrale solaire Oued Nechou");
  });

  it("answers 405 with Allow for a method the route does not serve", async () => {
    const response = await (listRoute.PUT as Handler)(call("PUT", "/api/sites", { key: partner, body: {} }), noParams);
    await problem(response, 405);
    expect(response.headers.get("allow")).toBe("GET, POST");
  });
});

describe("sites export", () => {
  const filters = (raw: Record<string, string>) => siteFilters.parse(raw);

  it("writes a CSV equal to the filtered list, headers in French, audited", async () => {
    const applied = filters({ type: "solar_park", sort: "capacity", order: "desc" });
    const response = await db.transaction((tx) => sitesDownload(tx, admin, "csv", applied, { locale: "fr" }));
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="sites-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes.subarray(3)));
    expect(header).toEqual([
      "Code",
      "Nom",
      "Type",
      "Statut",
      "Réseau",
      "Site parent",
      "Région",
      "Pays",
      "Latitude",
      "Longitude",
      "Capacité (MW)",
      "Fuseau horaire",
      "Adresse",
      "Statut depuis",
      "Créé le",
      "Identifiant",
    ]);
    const expected = await everyPage({ type: "solar_park", sort: "capacity", order: "desc" });
    expect(rows.map((r) => r[0])).toEqual(expected.map((s) => s.code));
    expect(rows.map((r) => [r[1], r[2], r[3], r[10] === "" ? null : Number(r[10])])).toEqual(
      expected.map((s) => [s.name, s.type, s.status, s.capacityMw]),
    );
    const adrar = rows.find((r) => r[0] === "DZ-ADR-PV01")!;
    expect(adrar.slice(4, 10)).toEqual(["NET-DZ-SUD", "", "Adrar", "DZ", "27.8742", "-0.2939"]);
    expect(adrar[13]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "export.created"));
    expect(audit).toMatchObject({ entityType: "sites", actorId: admin.id });
    expect(audit?.changes).toEqual({
      format: { old: null, new: "csv" },
      filters: { old: null, new: { type: "solar_park", sort: "capacity", order: "desc" } },
    });
  });

  it("writes the headers in the reader's language and refuses a caller without sites.export", async () => {
    const response = await db.transaction((tx) =>
      sitesDownload(tx, { ...admin, locale: "ar" }, "csv", filters({ status: "maintenance" }), { locale: "ar" }),
    );
    const [header, ...rows] = parseCsv(new TextDecoder().decode(new Uint8Array(await response.arrayBuffer()).subarray(3)));
    expect(header?.slice(0, 4)).toEqual(["الرمز", "الاسم", "النوع", "الحالة"]);
    expect(rows.every((r) => r[3] === "maintenance")).toBe(true);
    const technician: UserActor = { ...admin, role: "technician" };
    await expect(db.transaction((tx) => sitesDownload(tx, technician, "csv", filters({}), { locale: "fr" }))).rejects.toMatchObject({
      status: 403,
    });
  });

  it("writes a PDF whose text lists exactly the filtered sites, with translated labels", async () => {
    const response = await db.transaction((tx) => sitesDownload(tx, admin, "pdf", filters({ type: "wind_park" }), { locale: "fr" }));
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain("Sites");
    expect(text).toContain("Type : Parc éolien");
    expect(text).toContain("DZ-ADR-WP01");
    expect(text).toContain("MA-TNT-WP01");
    expect(text).toContain("Parc éolien");
    expect(text).toContain("En service");
    expect(text).not.toContain("DZ-ADR-PV01");
    expect(text).toMatch(/Dihya — liste des sites générée le/);
  });
});
