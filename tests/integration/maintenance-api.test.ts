import { spawn } from "node:child_process";
import { eq } from "drizzle-orm";
import { createFormatter } from "next-intl";
import { beforeAll, describe, expect, it } from "vitest";
import * as itemRoute from "@/app/api/maintenance/[id]/route";
import * as listRoute from "@/app/api/maintenance/route";
import type { Db } from "@/db/client";
import { auditLog, interventions } from "@/db/schema";
import type { UserActor } from "@/server/auth/actor";
import { endpoints } from "@/server/api/registry";
import { buildOpenApi } from "@/server/api/openapi";
import { maintenanceDownload, type ExportVocabulary } from "@/server/energy/maintenance/maintenance-download";
import { createApiKey } from "@/server/integrations/api-key-admin";
import { translatorFor } from "@/server/platform/notifications/render";
import { freshDb, systemActor } from "../support/db";
import { makeEquipment, makeSite, makeUser } from "../support/maintenance-fixtures";

process.env.AUTH_SECRET ??= "vitest-only-secret-0c9a7e5d3b1f";
let db: Db;
let ip = 0;
let admin: UserActor;
let technician: UserActor;
let reader: string;
let writer: string;
let unrelated: string;
let siteId: string;
let otherSiteId: string;
let equipmentId: string;
let otherEquipmentId: string;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const list = listRoute as unknown as Record<"GET" | "POST" | "PUT", Handler>;
const item = itemRoute as unknown as Record<"GET" | "PATCH" | "DELETE", Handler>;

function call(method: string, path: string, init: { key?: string; body?: unknown; raw?: string } = {}) {
  const headers: Record<string, string> = { "x-forwarded-for": `10.4.0.${++ip % 250}` };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(`http://localhost${path}`, { method, headers, body });
}
const params = (id = "") => ({ params: Promise.resolve<Record<string, string>>(id ? { id } : {}) });
const get = (key: string, query = "") => list.GET(call("GET", `/api/maintenance${query}`, { key }), params());
const post = (key: string, body: unknown) => list.POST(call("POST", "/api/maintenance", { key, body }), params());
const patch = (key: string, id: string, body: unknown) => item.PATCH(call("PATCH", `/api/maintenance/${id}`, { key, body }), params(id));

async function expectProblem(response: Response, status: number, code?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = (await response.json()) as { code: string; errors?: { path: string; message: string }[] };
  if (code) expect(body.code).toBe(code);
  return body;
}
const at = (days: number, hour = 9) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};
const body = (extra: Record<string, unknown> = {}) => ({
  equipmentId,
  kind: "corrective",
  title: "Remplacement d’un fusible de chaîne",
  plannedStart: at(1),
  plannedDurationMinutes: 60,
  assignedTo: technician.id,
  ...extra,
});

beforeAll(async () => {
  db = await freshDb();
  admin = await makeUser(db, "admin", "Amina Benali");
  technician = await makeUser(db, "technician", "Yacine Haddad");
  const key = (scopes: string[]) =>
    db.transaction(
      async (tx) => (await createApiKey(tx, systemActor, { name: `GMAO ${scopes.join(" ")}`, scopes: scopes as never })).value,
    );
  reader = await key(["maintenance:read"]);
  writer = await key(["maintenance:read", "maintenance:write"]);
  unrelated = await key(["sites:read"]);
  siteId = await makeSite(db, { name: "Poste de Hassi Messaoud" });
  otherSiteId = await makeSite(db, { name: "Parc éolien de Tétouan", timezone: "Africa/Casablanca" });
  equipmentId = await makeEquipment(db, siteId, { name: "Chaîne PV-14", type: "panel_string" });
  otherEquipmentId = await makeEquipment(db, otherSiteId, { name: "Éolienne E-3", type: "turbine" });
});

describe("POST /api/maintenance", () => {
  it("creates with 201 and Location, audited with the partner as actor", async () => {
    const response = await post(writer, body({ checklist: [{ label: "Consigner la chaîne" }] }));
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; reference: string; status: string; checklist: unknown[]; siteName: string };
    expect(response.headers.get("location")).toBe(`/api/maintenance/${created.id}`);
    expect(created).toMatchObject({ status: "planned", siteName: "Poste de Hassi Messaoud" });
    expect(created.reference).toMatch(/^INT-\d{4}-\d{5}$/);
    expect(created.checklist).toEqual([{ label: "Consigner la chaîne", done: false }]);
    const [row] = await db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(row).toMatchObject({ action: "intervention.created", actorType: "api_key" });
  });

  it("answers 422 with field errors for bad input, and 403 without maintenance:write", async () => {
    const invalid = await expectProblem(
      await post(writer, { equipmentId: "nope", kind: "repair", title: "x", plannedStart: "tomorrow", plannedDurationMinutes: 0 }),
      422,
      "validation_failed",
    );
    expect(invalid.errors!.map((e) => e.path)).toEqual(
      expect.arrayContaining(["equipmentId", "kind", "title", "plannedStart", "plannedDurationMinutes"]),
    );
    const notTech = await expectProblem(await post(writer, body({ assignedTo: admin.id })), 422, "validation_failed");
    expect(notTech.errors).toEqual([{ path: "assignedTo", message: "assigneeNotTechnician" }]);
    const unknown = await expectProblem(await post(writer, body({ equipmentId: "00000000-0000-4000-8000-000000000000" })), 422);
    expect(unknown.errors).toEqual([{ path: "equipmentId", message: "interventionEquipmentNotFound" }]);
    await expectProblem(await post(reader, body()), 403, "forbidden");
    await expectProblem(await post(unrelated, body()), 403, "forbidden");
    await expectProblem(await list.POST(call("POST", "/api/maintenance", { key: writer, raw: "{oops" }), params()), 400, "malformed_json");
  });
});

describe("GET /api/maintenance", () => {
  it("lists, filters and paginates with a cursor, for a maintenance:read key", async () => {
    for (let i = 0; i < 4; i++) {
      expect(
        (
          await post(
            writer,
            body({ equipmentId: otherEquipmentId, kind: "inspection", title: `Inspection E-3 n°${i + 1}`, plannedStart: at(i + 2) }),
          )
        ).status,
      ).toBe(201);
    }
    const titles: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?site=${otherSiteId}&order=asc&limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const response = await get(reader, query);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { data: { title: string; siteId: string }[]; next_cursor: string | null };
      expect(page.data.every((i) => i.siteId === otherSiteId)).toBe(true);
      titles.push(...page.data.map((i) => i.title));
      cursor = page.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(titles).toEqual([1, 2, 3, 4].map((n) => `Inspection E-3 n°${n}`));
    const kinds = (await (await get(reader, "?kind=corrective")).json()) as { data: { kind: string }[] };
    expect(kinds.data.length).toBeGreaterThan(0);
    expect(kinds.data.every((i) => i.kind === "corrective")).toBe(true);
    const tech = (await (await get(reader, `?technician=${technician.id}&status=planned`)).json()) as { data: { assignedTo: string }[] };
    expect(tech.data.every((i) => i.assignedTo === technician.id)).toBe(true);
  });

  it("answers 422 for bad filters, 401 without credentials and 403 for an unrelated key", async () => {
    const bad = await expectProblem(await get(reader, "?kind=repair&from=2026-13-01&limit=9999"), 422, "validation_failed");
    expect(bad.errors!.map((e) => e.path)).toEqual(expect.arrayContaining(["kind", "from", "limit"]));
    await expectProblem(await get(reader, "?from=2026-05-02&to=2026-05-01"), 422);
    await expectProblem(await list.GET(call("GET", "/api/maintenance"), params()), 401, "unauthenticated");
    await expectProblem(await get(unrelated), 403, "forbidden");
  });
});

describe("GET/PATCH /api/maintenance/{id}", () => {
  it("reads one, runs the transitions, answers 409 for a wrong one and 422 for an incomplete report", async () => {
    const created = (await (await post(writer, body({ title: "Contrôle de l’isolement" }))).json()) as { id: string };
    const read = await item.GET(call("GET", `/api/maintenance/${created.id}`, { key: reader }), params(created.id));
    expect(read.status).toBe(200);
    expect(((await read.json()) as { title: string }).title).toBe("Contrôle de l’isolement");

    await expectProblem(await patch(reader, created.id, { status: "in_progress" }), 403, "forbidden");
    const early = await expectProblem(
      await patch(writer, created.id, { status: "done", report: { actions: "Fait", timeSpentMinutes: 10 } }),
      409,
      "conflict",
    );
    expect(JSON.stringify(early)).toContain("interventionNotInProgress");
    expect((await patch(writer, created.id, { status: "in_progress" })).status).toBe(200);
    const incomplete = await expectProblem(
      await patch(writer, created.id, { status: "done", report: { actions: "", timeSpentMinutes: 0 } }),
      422,
    );
    expect(incomplete.errors!.map((e) => e.path)).toEqual(expect.arrayContaining(["report.actions", "report.timeSpentMinutes"]));
    await expectProblem(await patch(writer, created.id, { status: "done" }), 422);
    const done = await patch(writer, created.id, {
      status: "done",
      report: { actions: "Mesure d’isolement à 1 000 V : conforme.", parts: [{ name: "Fusible 15 A", quantity: 2 }], timeSpentMinutes: 45 },
    });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({
      status: "done",
      report: { timeSpentMinutes: 45, parts: [{ name: "Fusible 15 A", quantity: 2 }] },
    });
    await expectProblem(await patch(writer, created.id, { status: "cancelled", reason: "Erreur de saisie" }), 409);
    await expectProblem(await patch(writer, created.id, { plannedDurationMinutes: 30 }), 409);
  });

  it("reschedules and reassigns a planned one, and cancels it with a reason", async () => {
    const created = (await (await post(writer, body({ assignedTo: null }))).json()) as { id: string };
    const moved = await patch(writer, created.id, { plannedStart: at(3, 7), plannedDurationMinutes: 120, assignedTo: technician.id });
    expect(await moved.json()).toMatchObject({ assignedTo: technician.id, plannedDurationMinutes: 120, plannedStart: at(3, 7) });
    await expectProblem(await patch(writer, created.id, { status: "cancelled" }), 422);
    expect((await patch(writer, created.id, { status: "cancelled", reason: "Arrêt programmé du poste" })).status).toBe(200);
    const [row] = await db.select().from(interventions).where(eq(interventions.id, created.id));
    expect(row).toMatchObject({ status: "cancelled", cancelReason: "Arrêt programmé du poste" });
  });

  it("answers 404 for an unknown or malformed id, and 405 for DELETE", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    await expectProblem(await item.GET(call("GET", `/api/maintenance/${unknown}`, { key: reader }), params(unknown)), 404, "not_found");
    await expectProblem(await item.GET(call("GET", "/api/maintenance/abc", { key: reader }), params("abc")), 404);
    await expectProblem(await patch(writer, unknown, { status: "in_progress" }), 404);
    await expectProblem(await item.DELETE(call("DELETE", `/api/maintenance/${unknown}`, { key: writer }), params(unknown)), 405);
  });
});

describe("OpenAPI and export", () => {
  it("documents the maintenance operations, with the technician's alternative permission", () => {
    const doc = buildOpenApi(endpoints) as { paths: Record<string, Record<string, Record<string, unknown>>> };
    expect(Object.keys(doc.paths["/api/maintenance"]!)).toEqual(expect.arrayContaining(["get", "post"]));
    expect(Object.keys(doc.paths["/api/maintenance/{id}"]!)).toEqual(expect.arrayContaining(["get", "patch"]));
    expect(doc.paths["/api/maintenance/{id}"]!.patch!["x-dihya-or-permission"]).toBe("interventions.assigned");
    expect(doc.paths["/api/export/maintenance"]!.get!["x-dihya-permission"]).toBe("maintenance.write");
  });

  it("exports the filtered list as CSV (every row, parsed) and PDF (text checked), audited", async () => {
    const t = await translatorFor("fr");
    const vocabulary: ExportVocabulary = {
      locale: "fr",
      t: (key, values) => t(`energy.${key}`, values),
      dateTime: (date, timeZone) => createFormatter({ locale: "fr", timeZone }).dateTime(date, { dateStyle: "short", timeStyle: "short" }),
    };
    const filters = { site: otherSiteId };
    const csv = await db.transaction((tx) => maintenanceDownload(tx, admin, "csv", filters, vocabulary));
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines).toHaveLength(5);
    const rows = lines.slice(1).map((l) => l.split(","));
    expect(rows.map((r) => r[6]).sort()).toEqual([1, 2, 3, 4].map((n) => `Inspection E-3 n°${n}`));
    expect(rows.every((r) => r[8] && r[9] === "Parc éolien de Tétouan")).toBe(true);

    const pdf = await db.transaction((tx) => maintenanceDownload(tx, admin, "pdf", filters, vocabulary));
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    for (let n = 1; n <= 4; n++) expect(text).toContain(`Inspection E-3 n°${n}`);
    expect(text).toContain("Yacine Haddad");
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "export.created"));
    expect(
      audits.filter((a) => a.entityType === "interventions").map((a) => (a.changes as { format: { new: string } }).format.new),
    ).toEqual(["csv", "pdf"]);
    await expect(db.transaction((tx) => maintenanceDownload(tx, technician, "csv", {}, vocabulary))).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});

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
  });
}
