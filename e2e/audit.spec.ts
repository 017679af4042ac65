import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { demo, signInUi } from "./helpers";

const frenchHeader =
  "Date et heure,Type d’acteur,Identifiant de l’acteur,Acteur,Action,Type d’objet,Identifiant de l’objet,Adresse IP,Agent utilisateur,Identifiant de requête,Modifications,Identifiant de l’entrée";

test("an admin filters the audit trail, opens an entry and downloads the filtered CSV", async ({ page }) => {
  await signInUi(page, demo.admin);
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Journal d’audit");

  await page.locator("#action").fill("user.created");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/action=user\.created/);
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allInnerTexts()) expect(text).toContain("Utilisateur créé");

  await rows.first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Utilisateur créé");
  await expect(page.getByTestId("change-row").filter({ hasText: "email" })).toHaveCount(1);
  await page.getByRole("link", { name: "Retour au journal" }).click();

  await page.goto("/admin/audit?action=user.created");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").split("\r\n");
  expect(lines[0]).toBe(frenchHeader);
  const data = lines.slice(1).filter(Boolean);
  expect(data.length).toBeGreaterThan(0);
  expect(data.every((l) => l.includes(",user.created,"))).toBe(true);
  expect(data.some((l) => l.includes("admin@demo.dihya.dz"))).toBe(true);

  await page.goto("/admin/audit?action=export.created");
  await expect(page.getByTestId("audit-row").first()).toContainText("Export créé");
});
