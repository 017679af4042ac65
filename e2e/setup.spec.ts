import { expect, test } from "@playwright/test";
import { expectNoViolations } from "./helpers";

// The server on :3102 starts with DIHYA_SEED=none and no admin in the environment.
test("the one-time setup page creates the first admin, signs them in, then disappears", async ({ browser, request }) => {
  expect((await request.get("/setup")).status()).toBe(404);

  const context = await browser.newContext({ baseURL: "http://localhost:3102" });
  const page = await context.newPage();
  await page.goto("/setup");
  await expect(page.getByRole("heading", { name: "Installation de Dihya" })).toBeVisible();
  await expectNoViolations(page, "setup fr");
  await page.getByLabel("Nom").fill("Tinhinane Ouali");
  await page.getByLabel("Adresse e-mail").fill("tinhinane@example.dz");
  await page.getByLabel("Mot de passe", { exact: true }).fill("Akfadou-forêt-2026");
  await page.getByLabel("Confirmer le mot de passe").fill("Akfadou-forêt-2026");
  await page.getByLabel("Jeton d’installation").fill("guessed-token-1234");
  await page.getByRole("button", { name: "Créer l’administrateur" }).click();
  await expect(page.getByText("Jeton d’installation incorrect.").first()).toBeVisible();

  await page.getByLabel("Jeton d’installation").fill("e2e-setup-token-7f3a9c21");
  await page.getByRole("button", { name: "Créer l’administrateur" }).click();
  await page.waitForURL("**/admin/users");
  await expect(page.getByRole("cell", { name: "tinhinane@example.dz" })).toBeVisible();

  expect((await page.goto("/setup"))?.status()).toBe(404);
  await context.close();
});
