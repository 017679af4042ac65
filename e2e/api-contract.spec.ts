import { expect, test } from "@playwright/test";
import { demo, expectProblem, signInUi } from "./helpers";

test("an admin issues an API key in the UI; the partner meets limits, idempotency and revocation over HTTP", async ({
  page,
  playwright,
}) => {
  await signInUi(page, demo.admin);
  await page.goto("/admin/integrations");
  await page.getByText("Nouvelle clé d’API").click();
  const form = page.getByRole("form", { name: "Nouvelle clé d’API" });
  await form.getByRole("button", { name: "Créer la clé" }).click();
  await expect(form.getByText("Choisissez au moins une portée.")).toBeVisible();
  await form.getByLabel("Partenaire").fill(`ERP Souss ${Date.now()}`);
  await form.getByLabel("users:read").check();
  await form.getByLabel("users:write").check();
  await form.getByLabel("Limite de requêtes").fill("4");
  await form.getByRole("button", { name: "Créer la clé" }).click();
  const value = (await page.getByTestId("new-api-key").textContent())!.trim();
  expect(value).toMatch(/^dihya_[0-9a-f]{32}$/);

  const partner = await playwright.request.newContext({
    baseURL: "http://localhost:3100",
    extraHTTPHeaders: { authorization: `Bearer ${value}` },
  });
  const list = await partner.get("/api/users?limit=1");
  expect(list.status()).toBe(200);
  expect(list.headers()["ratelimit-policy"]).toContain("q=4");
  const body = { name: "Ilyas Amrani", email: `ilyas.${Date.now()}@erp.example.ma`, role: "user", password: "Agadir-souss-2026" };
  const idempotencyKey = `erp-sync-${Date.now()}`;
  const created = await partner.post("/api/users", { data: body, headers: { "idempotency-key": idempotencyKey } });
  expect(created.status()).toBe(201);
  const replayed = await partner.post("/api/users", { data: body, headers: { "idempotency-key": idempotencyKey } });
  expect(replayed.status()).toBe(201);
  expect(replayed.headers()["idempotent-replayed"]).toBe("true");
  expect((await replayed.json()).id).toBe((await created.json()).id);
  expect((await partner.get("/api/users")).status()).toBe(200);
  const over = await partner.get("/api/users");
  expect(over.status()).toBe(429);
  expect(Number(over.headers()["retry-after"])).toBeGreaterThan(0);
  expectProblem(await over.json(), 429, "rate_limited");

  await page.reload();
  const row = page.getByTestId("api-key-row").filter({ hasText: value.slice(0, 10) });
  await row.getByRole("button", { name: "Révoquer" }).click();
  await row.getByRole("button", { name: "Confirmer" }).click();
  await expect(row.getByText("Révoquée")).toBeVisible();
  const revoked = await partner.get("/api/users");
  expect(revoked.status()).toBe(401);
  expectProblem(await revoked.json(), 401, "invalid_credentials");
  await partner.dispose();
});

test("an OAuth client gets a token at /api/oauth/token and calls the API with it", async ({ page, playwright }) => {
  await signInUi(page, demo.admin);
  await page.goto("/admin/integrations");
  await page.getByText("Nouveau client OAuth").click();
  const form = page.getByRole("form", { name: "Nouveau client OAuth" });
  await form.getByLabel("Partenaire").fill(`Passerelle Béjaïa ${Date.now()}`);
  await form.getByLabel("users:read").check();
  await form.getByRole("button", { name: "Créer le client" }).click();
  const clientId = (await page.getByTestId("new-client-id").textContent())!.trim();
  const secret = (await page.getByTestId("new-client-secret").textContent())!.trim();

  const anon = await playwright.request.newContext({ baseURL: "http://localhost:3100" });
  const token = await anon.post("/api/oauth/token", {
    form: { grant_type: "client_credentials" },
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}` },
  });
  expect(token.status()).toBe(200);
  const grant = await token.json();
  expect(grant).toMatchObject({ token_type: "Bearer", expires_in: 900, scope: "users:read" });
  const users = await anon.get("/api/users?limit=2", { headers: { authorization: `Bearer ${grant.access_token}` } });
  expect(users.status()).toBe(200);
  expect((await users.json()).data).toHaveLength(2);
  const write = await anon.post("/api/users", { data: {}, headers: { authorization: `Bearer ${grant.access_token}` } });
  expect(write.status()).toBe(403);
  await anon.dispose();
});

test("the OpenAPI document, the docs page and CORS for allowed origins only", async ({ page, request }) => {
  const doc = await request.get("/api/openapi.json");
  expect(doc.status()).toBe(200);
  const json = await doc.json();
  expect(json.openapi).toBe("3.1.0");
  expect(Object.keys(json.paths)).toEqual(expect.arrayContaining(["/api/users", "/api/users/{id}", "/api/oauth/token"]));

  const allowed = await request.fetch("/api/users", {
    method: "OPTIONS",
    headers: {
      origin: "https://erp.example.ma",
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization",
    },
  });
  expect(allowed.status()).toBe(204);
  expect(allowed.headers()["access-control-allow-origin"]).toBe("https://erp.example.ma");
  expect(allowed.headers()["access-control-allow-credentials"]).toBeUndefined();
  const refused = await request.fetch("/api/users", {
    method: "OPTIONS",
    headers: { origin: "https://evil.example.com", "access-control-request-method": "POST" },
  });
  expect(refused.status()).toBe(403);
  expect(refused.headers()["access-control-allow-origin"]).toBeUndefined();

  await signInUi(page, demo.devops);
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { name: "Documentation de l’API" })).toBeVisible();
  await expect(page.getByTestId("api-operation").filter({ hasText: "/api/oauth/token" })).toBeVisible();
});
