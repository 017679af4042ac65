import { expect, test } from "@playwright/test";
import { roleCan, type Permission } from "../lib/permissions";
import { demo, signInApi, type DemoRole } from "./helpers";
import { fillPath, pages, pathParams } from "./pages";

let params: Record<string, string> = {};
test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: "http://localhost:3100" });
  params = await pathParams(request);
  await request.dispose();
});

test("signed out, every page sends to sign-in and shows none of its content", async ({ page }) => {
  for (const p of pages) {
    const path = fillPath(p.path, params);
    const response = await page.goto(path);
    await expect(page, path).toHaveURL(/\/sign-in\?next=/);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Connexion/);
  }
});

for (const role of Object.keys(demo) as DemoRole[]) {
  test(`every page as ${role}: allowed renders, denied gets the 403 page`, async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext();
    await signInApi(context.request, demo[role]);
    const page = await context.newPage();
    for (const p of pages) {
      const path = fillPath(p.path, params);
      const response = await page.goto(path);
      const allowed = roleCan(role, p.permission);
      if (role === "client" && p.path === "/") {
        await expect(page).toHaveURL("/client");
        continue;
      }
      if (allowed) {
        expect(response?.status(), `${role} ${path}`).toBe(200);
        await expect(page.getByRole("heading", { level: 1 }), `${role} ${path}`).toHaveText(p.heading);
      } else {
        expect(response?.status(), `${role} ${path}`).toBe(403);
        await expect(page.getByRole("heading", { level: 1 }), `${role} ${path}`).toHaveText("Accès refusé");
        if (p.path.includes("admin")) await expect(page.getByText("Amina Benali")).toHaveCount(0);
      }
    }
    await context.close();
  });
}

/**
 * The API route table of architecture.md, walked with each demo role's session. A POST sends an
 * empty object and a PATCH an empty name: an allowed caller gets 422 (validation), a refused
 * one 403 before any validation. `also` is a second permission that opens the route too (a
 * technician reads its own interventions); `ok` is the allowed answer when it is not the usual
 * one (a reading batch is answered 200 with its refused items).
 */
type ApiRoute = { method: "GET" | "POST" | "PATCH"; path: string; permission: Permission; also?: Permission; ok?: number };
const apiMatrix: ApiRoute[] = [
  { method: "GET", path: "/api/users", permission: "users.read" },
  { method: "POST", path: "/api/users", permission: "users.write" },
  { method: "GET", path: "/api/audit", permission: "audit.read" },
  { method: "GET", path: "/api/notifications", permission: "notifications.read" },
  { method: "GET", path: "/api/sites", permission: "sites.read" },
  { method: "POST", path: "/api/sites", permission: "sites.write" },
  { method: "GET", path: "/api/sites/{siteId}", permission: "sites.read" },
  { method: "PATCH", path: "/api/sites/{siteId}", permission: "sites.write" },
  { method: "GET", path: "/api/equipements", permission: "equipment.read" },
  { method: "POST", path: "/api/equipements", permission: "equipment.write" },
  { method: "GET", path: "/api/equipements/{equipmentId}", permission: "equipment.read" },
  { method: "PATCH", path: "/api/equipements/{equipmentId}", permission: "equipment.write" },
  { method: "GET", path: "/api/maintenance", permission: "maintenance.read", also: "interventions.assigned" },
  { method: "POST", path: "/api/maintenance", permission: "maintenance.write" },
  { method: "GET", path: "/api/compteurs", permission: "measurements.read" },
  { method: "POST", path: "/api/compteurs", permission: "meters.write" },
  { method: "GET", path: "/api/compteurs/{meterId}", permission: "measurements.read" },
  { method: "PATCH", path: "/api/compteurs/{meterId}", permission: "meters.write" },
  { method: "GET", path: "/api/consommation?site={siteId}&granularity=day", permission: "measurements.read" },
  { method: "POST", path: "/api/consommation", permission: "measurements.write", ok: 200 },
  { method: "GET", path: "/api/environnement", permission: "environment.read" },
  { method: "GET", path: "/api/export/sites?format=csv", permission: "sites.export" },
  { method: "GET", path: "/api/export/equipements?format=csv", permission: "equipment.write" },
  { method: "GET", path: "/api/export/maintenance?format=csv", permission: "maintenance.write" },
  {
    method: "GET",
    path: "/api/export/consommation?site={siteId}&granularity=day&from=2026-11-01&to=2026-11-07",
    permission: "measurements.read",
  },
  { method: "GET", path: "/api/clients", permission: "clients.read" },
  { method: "POST", path: "/api/clients", permission: "clients.write" },
  { method: "GET", path: "/api/clients/{clientId}", permission: "clients.read" },
  { method: "PATCH", path: "/api/clients/{clientId}", permission: "clients.write" },
  // A client account reads its own invoices (the demo household's invoice is its own).
  { method: "GET", path: "/api/factures", permission: "invoices.read", also: "invoices.own" },
  { method: "POST", path: "/api/factures", permission: "invoices.write" },
  { method: "GET", path: "/api/factures/{invoiceId}", permission: "invoices.read", also: "invoices.own" },
  { method: "GET", path: "/api/factures/{invoiceId}/pdf", permission: "invoices.read", also: "invoices.own" },
  { method: "GET", path: "/api/export/factures", permission: "invoices.read" },
  { method: "GET", path: "/api/servers", permission: "servers.read" },
  { method: "POST", path: "/api/servers", permission: "servers.write" },
  { method: "GET", path: "/api/servers/{serverId}", permission: "servers.read" },
  { method: "PATCH", path: "/api/servers/{serverId}", permission: "servers.write" },
  { method: "GET", path: "/api/export/servers", permission: "servers.read" },
  { method: "GET", path: "/api/monitoring", permission: "monitoring.read" },
  { method: "GET", path: "/api/monitoring?server={serverId}&metric=cpu", permission: "monitoring.read" },
  { method: "GET", path: "/api/monitoring/rules", permission: "monitoring.read" },
  { method: "POST", path: "/api/monitoring/rules", permission: "monitoring.write" },
  { method: "GET", path: "/api/monitoring/silences", permission: "monitoring.read" },
  { method: "POST", path: "/api/monitoring/silences", permission: "monitoring.write" },
  // Agents only (their token): a session, whatever its role, is refused.
  { method: "POST", path: "/api/monitoring/metrics", permission: "monitoring.push" },
  { method: "POST", path: "/api/monitoring/alertmanager", permission: "monitoring.alertmanager" },
  { method: "GET", path: "/api/metrics", permission: "monitoring.read" },
  // A user opens incidents and reads its own (the demo requester's incident is the agent's).
  { method: "GET", path: "/api/incidents", permission: "incidents.read", also: "incidents.create" },
  { method: "POST", path: "/api/incidents", permission: "incidents.create" },
  { method: "GET", path: "/api/incidents/{incidentId}", permission: "incidents.read", also: "incidents.create" },
  { method: "GET", path: "/api/export/sla?month=2026-10", permission: "incidents.read" },
];

for (const role of Object.keys(demo) as DemoRole[]) {
  test(`the API follows the route table as ${role}`, async ({ browser }) => {
    const context = await browser.newContext();
    await signInApi(context.request, demo[role]);
    for (const route of apiMatrix) {
      const allowed = roleCan(role, route.permission) || (route.also !== undefined && roleCan(role, route.also));
      const path = fillPath(route.path, params);
      const res =
        route.method === "GET"
          ? await context.request.get(path)
          : route.method === "POST"
            ? await context.request.post(path, { data: {} })
            : await context.request.patch(path, { data: { name: "" } });
      const label = `${role} ${route.method} ${path}`;
      expect(res.status(), label).toBe(allowed ? (route.ok ?? (route.method === "GET" ? 200 : 422)) : 403);
      if (!allowed) expect(res.headers()["content-type"], label).toContain("application/problem+json");
    }
    await context.close();
  });
}
