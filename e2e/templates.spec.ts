import { expect, test } from "@playwright/test";
import { demo, signInApi } from "./helpers";

// The server on :3101 runs with DIHYA_TEMPLATES=energy.
test.use({ baseURL: "http://localhost:3101" });

test("a disabled template's pages answer 404 and its navigation disappears", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: "http://localhost:3101" });
  await signInApi(context.request, demo.admin);
  const page = await context.newPage();
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Navigation principale" });
  await expect(nav.getByText("Vue d’ensemble énergie")).toBeVisible();
  await expect(nav.getByText("IT/DevOps")).toHaveCount(0);
  expect((await page.goto("/devops"))?.status()).toBe(404);
  expect((await page.goto("/energy"))?.status()).toBe(200);
  await context.close();
});
