import { expect, test } from "@playwright/test";
import { demo, signInApi, signInUi } from "./helpers";

/** A calendar day `days` from today in Africa/Algiers, as the pages show it in French. */
function frenchDayFromToday(days: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Algiers" }).format(new Date());
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1, d + days, 12));
  return new Intl.DateTimeFormat("fr", { dateStyle: "medium", timeZone: "Africa/Algiers" }).format(target);
}

test("an admin registers equipment with a 30-day plan, prints its QR label, and reviews the public fault report", async ({
  page,
  browser,
  request,
}) => {
  const name = `Onduleur E2E ${Date.now()}`;
  await signInUi(page, demo.admin);
  await page.goto("/energy/equipment");
  await page.getByRole("link", { name: "Ajouter un équipement" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouvel équipement");

  // Client-side checks first, in the user's language.
  await page.getByRole("button", { name: "Ajouter un équipement" }).click();
  await expect(page.getByText("Au moins 2 caractères.")).toBeVisible();
  await expect(page.getByText("Choisissez un site.")).toBeVisible();

  await page.locator("#name").fill(name);
  await page.locator("#siteId").selectOption({ label: "Parc solaire Touat Lumière (DZ-ADR-PV01)" });
  await page.locator("#type").selectOption("inverter");
  await page.locator("#criticality").selectOption("high");
  await page.locator("#serialNumber").fill(`SMA-E2E-${Date.now()}`);
  await page.locator("#manufacturer").fill("SMA");
  await page.locator("#planKind").selectOption("days");
  await page.locator("#planInterval").fill("30");
  await page.getByRole("button", { name: "Ajouter un équipement" }).click();

  await expect(page.getByText("Équipement créé.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("next-due")).toHaveText(frenchDayFromToday(30));
  const equipmentUrl = page.url();

  // The printable label carries the QR code (inline SVG) and the public link.
  await page.getByRole("link", { name: "Étiquette QR" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Étiquette QR");
  await expect(page.getByTestId("qr").locator("svg")).toBeVisible();
  await expect(page.locator("#equipment-label")).toContainText(name);
  const link = (await page.getByTestId("report-url").textContent())!.trim();
  expect(link).toMatch(/\/report\/[A-Za-z0-9_-]{32}$/);
  const reportPath = new URL(link).pathname;

  // Anyone with the label can report a fault, without an account.
  const anonymous = await browser.newContext({ locale: "fr-FR" });
  const visitor = await anonymous.newPage();
  expect((await visitor.goto("/report/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))?.status()).toBe(404);
  await visitor.goto(reportPath);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("Signaler une panne");
  await expect(visitor.getByTestId("report-equipment")).toHaveText(name);
  await visitor.locator("#description").fill("Bruit");
  await visitor.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(visitor.getByText("Décrivez la panne en 10 caractères au moins.")).toBeVisible();
  const description = `Le ventilateur de l’onduleur claque et l’écran affiche une alarme (${Date.now()}).`;
  await visitor.locator("#description").fill(description);
  await visitor.locator("#reporterName").fill("Meriem, gardienne du site");
  await visitor.locator("#reporterContact").fill("+213 661 00 11 22");
  await visitor.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(visitor.getByTestId("report-sent")).toContainText("Merci");
  await anonymous.close();

  // The admin sees it among the new reports and accepts it as a corrective intervention.
  await page.goto("/energy/fault-reports");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Signalements de panne");
  const card = page.getByTestId("fault-report").filter({ hasText: description });
  await expect(card).toContainText(name);
  await expect(card).toContainText("Meriem, gardienne du site");
  await card.getByRole("button", { name: "Accepter" }).click();
  await card.getByLabel("Technicien").selectOption({ index: 1 });
  await card.getByRole("button", { name: "Accepter et planifier" }).click();
  await expect(page.getByTestId("fault-report").filter({ hasText: description })).toHaveCount(0);
  await page.goto("/energy/fault-reports?status=accepted");
  const accepted = page.getByTestId("fault-report").filter({ hasText: description });
  await expect(accepted).toContainText("Intervention planifiée");
  await expect(accepted.getByRole("link", { name: /INT-/ })).toBeVisible();

  // Declaring it failed asks first, then shows in the state history.
  await page.goto(equipmentUrl);
  await page.getByLabel("Nouvel état").selectOption("failed");
  await page.getByLabel("Motif (facultatif)").fill("Ventilateur bloqué");
  await page.getByRole("button", { name: "Changer l’état" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Déclarer cet équipement en panne ?");
  await page.getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByText("Nouvel état : En panne.")).toBeVisible();
  await expect(page.getByText("Ventilateur bloqué")).toBeVisible();

  // The filtered list finds it, and its CSV export has it.
  await page.goto(`/energy/equipment?q=${encodeURIComponent(name)}&state=failed`);
  await expect(page.getByTestId("equipment-row")).toHaveCount(1);
  await signInApi(request, demo.admin);
  const csv = await request.get(`/api/export/equipements?format=csv&q=${encodeURIComponent(name)}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(name);
  expect(lines[1]).toContain("failed");
});

test("a technician reads equipment but cannot create it, export it, or review fault reports", async ({ page, request }) => {
  await signInUi(page, demo.technician);
  await page.goto("/energy/equipment");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Équipements");
  await expect(page.getByRole("link", { name: "Ajouter un équipement" })).toHaveCount(0);
  expect((await page.goto("/energy/equipment/new"))?.status()).toBe(403);
  expect((await page.goto("/energy/fault-reports"))?.status()).toBe(403);
  await signInApi(request, demo.technician);
  expect((await request.get("/api/equipements?limit=1")).status()).toBe(200);
  expect((await request.get("/api/export/equipements?format=csv")).status()).toBe(403);
});
