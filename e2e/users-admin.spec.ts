import { expect, test } from "@playwright/test";
import { demo, signInUi } from "./helpers";

test("an admin creates, edits, disables and re-enables a user from the UI", async ({ page }) => {
  await signInUi(page, demo.admin);
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Créer un utilisateur" }).click();

  await page.locator("#name").fill("Z");
  await page.locator("#email").fill("pas-un-email");
  await page.locator("#password").fill("court");
  await page.getByRole("button", { name: "Créer un utilisateur" }).click();
  await expect(page.getByText("Au moins 2 caractères.")).toBeVisible();
  await expect(page.getByText("Adresse e-mail invalide.")).toBeVisible();
  await expect(page.getByText("Au moins 12 caractères.", { exact: true })).toBeVisible();

  const email = `lounes.${Date.now()}@example.dz`;
  await page.locator("#name").fill("Lounès Matoub");
  await page.locator("#email").fill(email);
  await page.locator("#role").selectOption("technician");
  await page.locator("#locale").selectOption("kab");
  await page.locator("#password").fill("Tamurt-imazighen-2026");
  await page.getByRole("button", { name: "Créer un utilisateur" }).click();
  await expect(page.getByText("Utilisateur créé.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lounès Matoub");

  await page.locator("#role").selectOption("devops");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();

  await page.getByRole("button", { name: "Désactiver le compte" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Désactiver ce compte ?");
  await page.getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByText("Désactivé", { exact: true })).toBeVisible();

  await page.goto(`/admin/users?q=${encodeURIComponent("lounès")}&status=disabled`);
  await expect(page.getByTestId("user-row")).toHaveCount(1);
  await expect(page.getByTestId("user-row")).toContainText("DevOps");
  await page.getByRole("link", { name: "Lounès Matoub" }).click();
  await page.getByRole("button", { name: "Réactiver le compte" }).click();
  await page.getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByText("Actif", { exact: true })).toBeVisible();

  await page.goto("/admin/users?q=zzz-nobody");
  await expect(page.getByTestId("empty")).toBeVisible();
});

test("the profile changes the password only with the current one", async ({ page, request }) => {
  await signInUi(page, demo.admin);
  const email = `pw.${Date.now()}@example.dz`;
  const { signInApi, createAccount } = await import("./helpers");
  await signInApi(request, demo.admin);
  const account = await createAccount(request, "user", { email });
  await page.context().clearCookies();
  await signInUi(page, account.email, account.password);
  await page.goto("/profile");
  await page.locator("#pw-current").fill("wrong current password");
  await page.locator("#pw-password").fill("brand new passphrase 2026");
  await page.locator("#pw-confirm").fill("brand new passphrase 2026");
  await page.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(page.getByText("Le mot de passe actuel est incorrect.").first()).toBeVisible();
  await page.locator("#pw-current").fill(account.password);
  await page.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(page).toHaveURL(/passwordChanged=1/);
  await signInUi(page, account.email, "brand new passphrase 2026");
  await expect(page).toHaveURL("/");
});
