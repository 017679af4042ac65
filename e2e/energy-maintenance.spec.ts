import { expect, test } from "@playwright/test";
import { createAccount, demo, expectNoViolations, signInApi, signInUi } from "./helpers";

/**
 * Issue 4's acceptance: an admin creates a site, adds equipment with a 30-day preventive
 * plan and plans a corrective intervention for the demo technician through the planning
 * form; the technician, on a 390×844 phone, sees it in "My interventions", starts it and
 * finishes it with a report; the admin sees it done, with its audit trail and the
 * notifications that were sent. Then: another technician's intervention is out of reach (404).
 */
test("an intervention from planning to report, across admin and technician", async ({ browser }) => {
  const stamp = Date.now().toString(36).toUpperCase();
  const title = `Fuite d’huile au transformateur ${stamp}`;

  const admin = await browser.newContext();
  await signInApi(admin.request, demo.admin);
  const site = await admin.request.post("/api/sites", {
    data: {
      code: `E2E-MNT-${stamp}`,
      name: `Poste de Boufarik ${stamp}`,
      type: "substation",
      country: "DZ",
      region: "Blida",
      address: "Zone industrielle, Boufarik",
      latitude: 36.575,
      longitude: 2.911,
    },
  });
  expect(site.status()).toBe(201);
  const siteId = ((await site.json()) as { id: string }).id;
  const created = await admin.request.post("/api/equipements", {
    data: { siteId, name: `Transformateur TR-${stamp}`, type: "transformer", criticality: "high", planKind: "days", planInterval: 30 },
  });
  expect(created.status()).toBe(201);
  const equipment = (await created.json()) as { id: string; planInterval: number; nextDueOn: string | null };
  expect(equipment.planInterval).toBe(30);
  expect(equipment.nextDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // The admin plans the corrective intervention through the form.
  const desk = await admin.newPage();
  await desk.goto(`/energy/maintenance/new?equipment=${equipment.id}`);
  await expect(desk.getByLabel("Équipement", { exact: true })).toHaveValue(equipment.id);
  await desk.getByLabel("Type d’intervention").selectOption("corrective");
  await desk.getByLabel("Intitulé").fill(title);
  await desk.getByLabel("Description", { exact: true }).fill("Traces d’huile sous la cuve signalées par l’exploitant.");
  await desk.getByLabel("Durée prévue (minutes)").fill("90");
  await desk.getByLabel("Technicien assigné").selectOption({ label: "Yacine Haddad" });
  await desk.getByLabel("Points de contrôle", { exact: true }).fill("Consigner le transformateur\nResserrer la vanne de vidange");
  await desk.getByRole("button", { name: "Planifier l’intervention" }).click();
  await desk.waitForURL(/\/energy\/maintenance\/[0-9a-f-]{36}\?created=1$/);
  const interventionId = /maintenance\/([0-9a-f-]{36})/.exec(desk.url())![1]!;
  const heading = desk.getByRole("heading", { level: 1 });
  await expect(heading).toContainText(title);
  const reference = /INT-\d{4}-\d{5}/.exec((await heading.textContent()) ?? "")![0];
  await expect(desk.getByTestId("intervention-status")).toContainText("Planifiée");

  // The technician, on a phone.
  const tech = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await tech.newPage();
  await signInUi(phone, demo.technician);
  await phone.goto("/energy/my-interventions");
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Mes interventions");
  const card = phone.getByRole("link", { name: new RegExp(title) });
  await expect(card).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectNoViolations(phone, "my interventions at 390 px");
  await card.click();
  await expect(phone).toHaveURL(new RegExp(`/energy/my-interventions/${interventionId}$`));
  await phone.getByRole("button", { name: "Démarrer l’intervention" }).click();
  await expect(phone.getByTestId("intervention-status")).toContainText("En cours");

  await phone.getByLabel("Actions réalisées").fill("Joint de la vanne de vidange remplacé, cuve nettoyée, niveau d’huile complété.");
  await phone.getByRole("button", { name: "Ajouter une pièce" }).click();
  await phone.getByLabel("Pièce 1", { exact: true }).fill("Joint de vanne DN50");
  await phone.getByLabel("Quantité (pièce 1)").fill("1");
  await phone.getByRole("button", { name: "Ajouter une pièce" }).click();
  await phone.getByLabel("Pièce 2", { exact: true }).fill("Pièce ajoutée par erreur");
  await phone.getByRole("button", { name: "Retirer la pièce 2" }).click();
  await expect(phone.getByLabel("Pièce 2", { exact: true })).toHaveCount(0);
  await phone.getByRole("button", { name: "Ajouter une pièce" }).click();
  await phone.getByLabel("Pièce 2", { exact: true }).fill("Huile minérale isolante (L)");
  await phone.getByLabel("Quantité (pièce 2)").fill("20");
  await phone.getByLabel("Temps passé (minutes)").fill("75");
  await phone.getByLabel("Consigner le transformateur").check();
  await phone.getByLabel("Resserrer la vanne de vidange").check();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectNoViolations(phone, "finish form at 390 px");
  await phone.getByRole("button", { name: "Terminer l’intervention" }).click();
  await expect(phone.getByTestId("intervention-status")).toContainText("Terminée");
  await expect(phone.getByText("Joint de vanne DN50 × 1")).toBeVisible();

  // The technician was notified of the assignment.
  await phone.goto("/notifications");
  await expect(phone.getByText(`Intervention assignée : ${reference}`)).toBeVisible();

  // The admin sees it done, with the report, the notifications sent and the audit trail.
  await desk.goto(`/energy/maintenance/${interventionId}`);
  await expect(desk.getByTestId("intervention-status")).toContainText("Terminée");
  await expect(desk.getByText("Huile minérale isolante (L) × 20")).toBeVisible();
  await expect(desk.getByText("Temps passé : 75 minutes")).toBeVisible();
  await expect(desk.getByTestId("sent-notifications")).toContainText("Intervention assignée");
  await expect(desk.getByTestId("sent-notifications")).toContainText("Yacine Haddad");
  const history = desk.getByTestId("intervention-history");
  for (const action of ["Intervention planifiée", "Intervention démarrée", "Intervention terminée"])
    await expect(history).toContainText(action);
  await expect(history).toContainText(demo.technician);
  await expectNoViolations(desk, "intervention detail");
  await desk.getByRole("link", { name: "Voir dans le journal d’audit" }).click();
  await expect(desk).toHaveURL(new RegExp(`/admin/audit\\?entity_id=${interventionId}`));
  await expect(desk.getByTestId("audit-row").filter({ hasText: "Intervention terminée" }).first()).toBeVisible();

  // Another technician's intervention: not found, to read and to change.
  const other = await createAccount(admin.request, "technician");
  const foreign = await admin.request.post("/api/maintenance", {
    data: {
      equipmentId: equipment.id,
      kind: "inspection",
      title: `Inspection thermographique ${stamp}`,
      plannedStart: new Date(Date.now() + 86_400_000).toISOString(),
      plannedDurationMinutes: 60,
      assignedTo: other.id,
    },
  });
  expect(foreign.status()).toBe(201);
  const foreignId = ((await foreign.json()) as { id: string }).id;
  expect((await tech.request.get(`/api/maintenance/${foreignId}`)).status()).toBe(404);
  expect((await tech.request.patch(`/api/maintenance/${foreignId}`, { data: { status: "in_progress" } })).status()).toBe(404);
  expect((await phone.goto(`/energy/my-interventions/${foreignId}`))?.status()).toBe(404);
  const mine = (await (await tech.request.get("/api/maintenance?limit=500")).json()) as { data: { id: string }[] };
  expect(mine.data.map((i) => i.id)).toContain(interventionId);
  expect(mine.data.map((i) => i.id)).not.toContain(foreignId);

  await tech.close();
  await admin.close();
});

test("the planning shows the month, the week and the list, and collapses to an agenda at 360 px", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await signInApi(context.request, demo.admin);
  const page = await context.newPage();
  await page.goto("/energy/maintenance");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Planning de maintenance");
  await expect(page.getByTestId("month-grid")).toBeVisible();
  await expect(page.getByRole("link", { name: "Mois", exact: true })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Semaine", exact: true }).click();
  await expect(page).toHaveURL(/view=week/);
  await expect(page.getByTestId("week-grid")).toBeVisible();
  await page.getByRole("link", { name: "Semaine suivante" }).click();
  await expect(page).toHaveURL(/view=week&date=\d{4}-\d{2}-\d{2}/);
  await page.getByRole("link", { name: "Liste", exact: true }).click();
  await expect(page.getByRole("link", { name: "Exporter en CSV" })).toBeVisible();
  const csv = await context.request.get("/api/export/maintenance?format=csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("/energy/maintenance?view=month");
  await expect(page.getByTestId("month-grid")).toBeHidden();
  await expect(page.getByTestId("month-agenda")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await context.close();
});
