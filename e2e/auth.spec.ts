import { expect, test } from "@playwright/test";
import { createAccount, demo, signInApi, signInUi } from "./helpers";

test.describe("sign-in per role", () => {
  const expectations = [
    { role: "admin", home: "/", sees: ["Énergie", "IT/DevOps", "Utilisateurs"], hidden: [] },
    { role: "technician", home: "/", sees: ["Vue d’ensemble énergie"], hidden: ["Vue d’ensemble IT/DevOps", "Utilisateurs"] },
    { role: "devops", home: "/", sees: ["Vue d’ensemble IT/DevOps"], hidden: ["Vue d’ensemble énergie", "Utilisateurs"] },
    { role: "user", home: "/", sees: ["Vue d’ensemble énergie"], hidden: ["Vue d’ensemble IT/DevOps", "Utilisateurs"] },
    { role: "guest", home: "/", sees: ["Vue d’ensemble énergie", "Vue d’ensemble IT/DevOps"], hidden: ["Utilisateurs"] },
  ] as const;
  for (const e of expectations) {
    test(`${e.role} signs in and sees only its navigation`, async ({ page }) => {
      await signInUi(page, demo[e.role]);
      await expect(page).toHaveURL(e.home);
      const nav = page.getByRole("navigation", { name: "Navigation principale" });
      for (const label of e.sees) await expect(nav.getByText(label, { exact: false }).first()).toBeVisible();
      for (const label of e.hidden) await expect(nav.getByText(label, { exact: true })).toHaveCount(0);
    });
  }

  test("the client lands on the client home", async ({ page }) => {
    await signInUi(page, demo.client);
    await expect(page).toHaveURL("/client");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Nadia Boumediene");
    await expect(page.getByText("Utilisateurs")).toHaveCount(0);
  });
});

test("a wrong password gets a clear message and keeps the e-mail", async ({ page }) => {
  await signInUi(page, demo.user, "not-the-password");
  await expect(page.getByTestId("sign-in-error")).toHaveText("E-mail ou mot de passe incorrect.");
  await expect(page.locator("#email")).toHaveValue(demo.user);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("five failures lock the account for 15 minutes, with a clear message", async ({ page, request }) => {
  await signInApi(request, demo.admin);
  const account = await createAccount(request, "user");
  for (let i = 0; i < 4; i++) {
    await signInUi(page, account.email, "wrong password");
    await expect(page.getByTestId("sign-in-error")).toHaveText("E-mail ou mot de passe incorrect.");
  }
  await signInUi(page, account.email, "wrong password");
  await expect(page.getByTestId("sign-in-error")).toContainText("verrouillé pendant 15 minutes");
  await signInUi(page, account.email, account.password);
  await expect(page.getByTestId("sign-in-error")).toContainText("verrouillé");
  const listed = await (await request.get(`/api/users/${account.id}`)).json();
  expect(listed.locked).toBe(true);
});

test("sign-out ends the session", async ({ page }) => {
  await signInUi(page, demo.devops);
  await expect(page).toHaveURL("/");
  await page.locator("summary").filter({ hasText: "Karim" }).click();
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in\?next=%2F/);
});

test("the signed-out visitor is sent to sign-in and brought back afterwards", async ({ page }) => {
  await page.goto("/admin/users?q=amina");
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.locator("#email").fill(demo.admin);
  await page.locator("#password").fill("Dihya-demo-2026");
  await page.locator("form button[type=submit]").click();
  await expect(page).toHaveURL("/admin/users?q=amina");
  await expect(page.getByTestId("user-row")).toHaveCount(1);
});

test("disabling an account and changing a role take effect on the next request", async ({ browser, request }) => {
  await signInApi(request, demo.admin);
  const account = await createAccount(request, "user");
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInUi(page, account.email, account.password);
  await expect(page).toHaveURL("/");

  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Accès refusé" })).toBeVisible();
  expect((await request.patch(`/api/users/${account.id}`, { data: { role: "admin" } })).status()).toBe(200);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Utilisateurs" })).toBeVisible();

  expect((await request.patch(`/api/users/${account.id}`, { data: { disabled: true } })).status()).toBe(200);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await signInUi(page, account.email, account.password);
  await expect(page.getByTestId("sign-in-error")).toBeVisible();
  await context.close();
});
