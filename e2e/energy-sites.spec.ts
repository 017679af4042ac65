import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { demo, signInUi } from "./helpers";

/** The demo sites of db/seed/energy/sites.ts (every one has coordinates). */
const demoCodes = [
  "DZ-ADR-PV01",
  "DZ-INS-PV01",
  "DZ-ADR-WP01",
  "DZ-BMD-TH01",
  "DZ-ORN-TG01",
  "DZ-ALG-SS01",
  "DZ-ORN-SS01",
  "DZ-BJA-SG01",
  "DZ-BJA-SG02",
  "DZ-BOU-SG03",
  "MA-OZT-PV01",
  "MA-TNT-WP01",
  "MA-BML-HY01",
  "MA-CAS-SS01",
];

const frenchHeader =
  "Code,Nom,Type,Statut,Réseau,Site parent,Région,Pays,Latitude,Longitude,Capacité (MW),Fuseau horaire,Adresse,Statut depuis,Créé le,Identifiant";

test("an admin creates a site, changes its status, filters the list, sees it on the map and exports the CSV", async ({ page }) => {
  const code = `DZ-E2E-${Date.now().toString(36).toUpperCase()}`;
  const name = `Parc solaire Timimoun ${code.slice(-4)}`;
  await signInUi(page, demo.admin);
  await page.goto("/energy/sites");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sites");
  // The navigation lights exactly one entry: the section's, not the energy overview as well.
  const current = page.getByRole("navigation", { name: "Navigation principale" }).locator("[aria-current=page]");
  await expect(current).toHaveCount(1);
  await expect(current).toHaveText("Sites et réseaux");
  await page.getByRole("link", { name: "Nouveau site" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouveau site");

  await page.locator("#site-code").fill("dz adr/pv");
  await page.locator("#site-name").fill("X");
  await page.locator("#site-latitude").fill("95");
  await page.locator("#site-longitude").fill("0.18");
  await page.getByRole("button", { name: "Créer le site" }).click();
  await expect(page.getByText("De 3 à 32 caractères", { exact: false })).toBeVisible();
  await expect(page.getByText("Au moins 2 caractères.")).toBeVisible();
  await expect(page.getByText("La latitude va de -90 à 90.")).toBeVisible();

  await page.locator("#site-code").fill("DZ-ADR-PV01");
  await page.locator("#site-name").fill(name);
  await page.locator("#site-type").selectOption("solar_park");
  await page.locator("#site-region").fill("Timimoun");
  await page.locator("#site-latitude").fill("29,2639");
  await page.locator("#site-longitude").fill("0.2410");
  await page.locator("#site-capacityMw").fill("9");
  await page.getByRole("button", { name: "Créer le site" }).click();
  await expect(page.getByText("Ce code est déjà utilisé.").first()).toBeVisible();

  await page.locator("#site-code").fill(code.toLowerCase());
  await page.getByRole("button", { name: "Créer le site" }).click();
  await expect(page.getByText("Site créé.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText(code, { exact: true }).first()).toBeVisible();

  await page.locator("#new-status").selectOption("maintenance");
  await page.locator("#status-reason").fill("Nettoyage des modules après un vent de sable.");
  await page.getByRole("button", { name: "Changer le statut" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("« En maintenance »");
  await page.getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByText("Statut modifié.")).toBeVisible();
  await expect(page.getByTestId("status-history")).toContainText("Nettoyage des modules après un vent de sable.");

  await page.goto("/energy/sites");
  await page.locator("#q").fill(code.toLowerCase());
  await page.locator("#status").selectOption("maintenance");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/status=maintenance/);
  await expect(page.getByTestId("site-row")).toHaveCount(1);
  await expect(page.getByTestId("site-row")).toHaveAttribute("data-code", code);
  await page.locator("#status").selectOption("decommissioned");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByTestId("empty")).toBeVisible();

  const outside: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "data:" && url.protocol !== "blob:" && url.hostname !== "localhost") outside.push(request.url());
  });
  await page.goto("/energy/map");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Carte des sites");
  for (const c of [...demoCodes, code]) {
    await expect(page.locator(`[data-testid="site-marker"][data-code="${c}"]`), c).toHaveCount(1);
  }
  const marker = page.locator(`[data-testid="site-marker"][data-code="${code}"]`);
  await expect(marker).toHaveAttribute("data-status", "maintenance");
  await expect(marker).toHaveAccessibleName(`${name} (${code}) — En maintenance`);
  await marker.focus();
  await expect(marker).toBeFocused();
  await expect(page.getByTestId("map-legend")).toContainText("Hors service");
  await page.goto("/energy/map?status=out_of_service");
  await expect(page.locator('[data-testid="site-marker"][data-code="DZ-ORN-SS01"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="site-marker"][data-status="in_service"]')).toHaveCount(0);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/energy/map");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.locator(`[data-testid="site-marker"][data-code="${code}"]`).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  expect(outside).toEqual([]);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/energy/sites?type=solar_park");
  const shown = await page.getByTestId("site-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-code")));
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^sites-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").split("\r\n").filter(Boolean);
  expect(lines[0]).toBe(frenchHeader);
  const rows = lines.slice(1).map((l) => l.split(","));
  // The page shows the first 25; the CSV has every match, in the same order.
  expect(rows.slice(0, shown.length).map((r) => r[0])).toEqual(shown);
  expect(rows.every((r) => r[2] === "solar_park")).toBe(true);
  expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(["DZ-ADR-PV01", "MA-OZT-PV01", code]));
});

test("a technician reads sites and the map but cannot create, edit or export", async ({ page }) => {
  await signInUi(page, demo.technician);
  await page.goto("/energy/sites");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sites");
  await expect(page.getByRole("link", { name: "Nouveau site" })).toHaveCount(0);
  await expect(page.getByTestId("export-csv")).toHaveCount(0);
  await page.goto("/energy/sites?q=DZ-ORN-SS01");
  await page.getByRole("link", { name: "Poste Oran Ouest 220/60 kV" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Poste Oran Ouest 220/60 kV");
  await expect(page.getByRole("link", { name: "Modifier" })).toHaveCount(0);
  await expect(page.locator("#new-status")).toHaveCount(0);
  await expect(page.getByTestId("status-history")).toContainText("Déclenchement du transformateur T2");
  const response = await page.goto("/energy/sites/new");
  expect(response?.status()).toBe(403);
  const exported = await page.request.get("/api/export/sites?format=csv");
  expect(exported.status()).toBe(403);
});
