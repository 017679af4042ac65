import { expect, test } from "@playwright/test";
import { roleCan } from "../lib/permissions";
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

test("the API follows the same matrix for /api/users", async ({ browser }) => {
  for (const role of Object.keys(demo) as DemoRole[]) {
    const context = await browser.newContext();
    await signInApi(context.request, demo[role]);
    const res = await context.request.get("/api/users");
    expect(res.status(), role).toBe(roleCan(role, "users.read") ? 200 : 403);
    await context.close();
  }
});
