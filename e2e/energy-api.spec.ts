import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectProblem, partnerKey } from "./helpers";

/**
 * What an ERP or IoT gateway does with the demo partner key printed in the README: no session,
 * only `Authorization: Bearer dihya_demo_…`. The key carries every partner scope, and nothing
 * that is reserved to people (exports are admin-only).
 */
const auth = { authorization: `Bearer ${partnerKey}` };

async function list(request: APIRequestContext, path: string) {
  const res = await request.get(path, { headers: auth });
  expect(res.status(), path).toBe(200);
  const body = (await res.json()) as { data: Record<string, unknown>[]; next_cursor: string | null };
  expect(Array.isArray(body.data), path).toBe(true);
  return body;
}

test("the demo partner key reads the demo sites, equipment and interventions page by page", async ({ request }) => {
  const first = await list(request, "/api/sites?limit=5");
  expect(first.data).toHaveLength(5);
  expect(first.next_cursor).not.toBeNull();
  const second = await list(request, `/api/sites?limit=5&cursor=${encodeURIComponent(first.next_cursor!)}`);
  const codes = new Set([...first.data, ...second.data].map((s) => s.code));
  expect(codes.size).toBe(10);

  const adrar = (await list(request, "/api/sites?q=DZ-ADR-PV01")).data[0]!;
  expect(adrar).toMatchObject({ code: "DZ-ADR-PV01", type: "solar_park" });
  const equipment = await list(request, `/api/equipements?site=${adrar.id}&limit=50`);
  expect(equipment.data.length).toBeGreaterThan(0);
  expect(equipment.data.every((e) => e.siteId === adrar.id)).toBe(true);
  const interventions = await list(request, `/api/maintenance?site=${adrar.id}&limit=20`);
  expect(interventions.data.every((i) => i.siteId === adrar.id)).toBe(true);
});

test("the demo partner key creates a site, its equipment and an intervention, then updates them", async ({ request }) => {
  const suffix = Date.now().toString(36).toUpperCase().slice(-5);
  const created = await request.post("/api/sites", {
    headers: auth,
    data: { code: `DZ-ERP-${suffix}`, name: `Poste ERP ${suffix}`, type: "substation", region: "Blida", latitude: 36.47, longitude: 2.83 },
  });
  expect(created.status()).toBe(201);
  const site = await created.json();
  expect(created.headers().location).toBe(`/api/sites/${site.id}`);

  const eq = await request.post("/api/equipements", {
    headers: auth,
    data: { siteId: site.id, name: "Transformateur TR-1", type: "transformer", planKind: "days", planInterval: 180 },
  });
  expect(eq.status()).toBe(201);
  const equipment = await eq.json();
  expect(equipment).toMatchObject({ siteId: site.id, state: "operational" });

  const start = new Date(Date.now() + 3 * 86_400_000).toISOString();
  const iv = await request.post("/api/maintenance", {
    headers: auth,
    data: {
      equipmentId: equipment.id,
      kind: "inspection",
      title: "Inspection thermographique",
      plannedStart: start,
      plannedDurationMinutes: 90,
    },
  });
  expect(iv.status()).toBe(201);
  const intervention = await iv.json();
  expect(intervention).toMatchObject({ status: "planned", siteId: site.id });

  const renamed = await request.patch(`/api/sites/${site.id}`, { headers: auth, data: { name: `Poste ERP ${suffix} (Blida)` } });
  expect(renamed.status()).toBe(200);
  expect((await renamed.json()).name).toBe(`Poste ERP ${suffix} (Blida)`);
  const failed = await request.patch(`/api/equipements/${equipment.id}`, { headers: auth, data: { state: "degraded" } });
  expect(failed.status()).toBe(200);
  const read = await request.get(`/api/maintenance/${intervention.id}`, { headers: auth });
  expect((await read.json()).equipmentId).toBe(equipment.id);

  // A bad body is a 422 with the failing fields, and nothing is created.
  const bad = await request.post("/api/sites", { headers: auth, data: { code: "??", name: "", type: "castle" } });
  expect(bad.status()).toBe(422);
  const problem = await bad.json();
  expectProblem(problem, 422);
  expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(["code", "name", "type"]));
});

test("the demo partner key cannot reach what is reserved to people, and unknown ids are 404", async ({ request }) => {
  for (const path of ["/api/export/sites?format=csv", "/api/audit"]) {
    const res = await request.get(path, { headers: auth });
    expect(res.status(), path).toBe(403);
    expectProblem(await res.json(), 403);
  }
  // Unknown ids are 404 problems, whatever the list.
  const unknown = "00000000-0000-4000-8000-000000000404";
  for (const path of [`/api/sites/${unknown}`, `/api/equipements/${unknown}`, `/api/maintenance/${unknown}`, `/api/compteurs/${unknown}`]) {
    const res = await request.get(path, { headers: auth });
    expect(res.status(), path).toBe(404);
    expectProblem(await res.json(), 404);
  }
  const wrong = await request.get("/api/sites", { headers: { authorization: `Bearer ${partnerKey.slice(0, -1)}0` } });
  expect(wrong.status()).toBe(401);
});
