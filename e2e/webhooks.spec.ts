import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { expect, test } from "@playwright/test";
import { createAccount, demo, signInApi, signInUi } from "./helpers";

// Needs the app server started with DIHYA_WEBHOOK_ALLOW_PRIVATE=1 (the receiver is on
// 127.0.0.1), DIHYA_JOB_BACKOFF_MS=1000 and DIHYA_JOB_POLL_MS=250 (retries within seconds).
const port = 3190;
type Received = { headers: IncomingHttpHeaders; body: string; answered: number };
const received: Received[] = [];
let server: Server;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => {
      // The first delivery attempt fails, every later one succeeds.
      const answered = received.length === 0 ? 500 : 200;
      received.push({ headers: req.headers, body, answered });
      res.writeHead(answered, { "content-type": "text/plain" }).end(answered === 200 ? "ok" : "try again");
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function signatureOk(secret: string, r: Received): boolean {
  const expected = `v1=${createHmac("sha256", secret).update(`${r.headers["dihya-webhook-timestamp"]}.${r.body}`).digest("hex")}`;
  const given = String(r.headers["dihya-webhook-signature"] ?? "");
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

test("an admin adds a webhook; a new user is delivered signed, retried after a 500, and logged", async ({ page, request }) => {
  test.setTimeout(90_000);
  await signInUi(page, demo.admin);
  await page.goto("/admin/webhooks");
  await page.getByRole("link", { name: "Créer un webhook" }).click();

  // Validation first: a scheme other than http(s) and no event.
  await page.locator("#url").fill("ftp://127.0.0.1/hook");
  await page.getByRole("button", { name: "Créer un webhook" }).click();
  await expect(page.getByText("L’adresse doit commencer par http:// ou https://.")).toBeVisible();
  await expect(page.getByText("Choisissez au moins un évènement.")).toBeVisible();

  await page.locator("#url").fill(`http://127.0.0.1:${port}/hooks/dihya`);
  await page.locator("#description").fill("ERP de test");
  await page.getByRole("checkbox", { name: /user\.created/ }).check();
  await page.getByRole("button", { name: "Créer un webhook" }).click();
  await expect(page.getByText("Webhook créé.")).toBeVisible();
  const secret = (await page.getByTestId("webhook-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  await page.getByRole("link", { name: "Ouvrir le webhook" }).click();
  await expect(page.getByTestId("webhook-url")).toHaveText(`http://127.0.0.1:${port}/hooks/dihya`);
  await expect(page.getByText(secret)).toHaveCount(0); // never shown again

  await signInApi(request, demo.admin);
  const account = await createAccount(request, "technician");

  await expect.poll(() => received.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  const [first, second] = received;
  expect(first!.answered).toBe(500);
  expect(second!.answered).toBe(200);
  for (const r of [first!, second!]) {
    expect(r.headers["content-type"]).toBe("application/json");
    expect(r.headers["user-agent"]).toBe("Dihya-Webhooks/1");
    expect(signatureOk(secret, r)).toBe(true);
  }
  expect(second!.headers["dihya-webhook-id"]).toBe(first!.headers["dihya-webhook-id"]);
  const event = JSON.parse(second!.body);
  expect(event).toMatchObject({ type: "user.created", data: { id: account.id, email: account.email, role: "technician" } });

  // The delivery log: one delivery, two attempts, final 200.
  await expect(async () => {
    await page.reload();
    const row = page.getByTestId("delivery-row").filter({ hasText: "user.created" }).first();
    await expect(row).toContainText("Livrée", { timeout: 1000 });
    await expect(row.getByTestId("delivery-attempts")).toHaveText("2", { timeout: 1000 });
    await expect(row.getByTestId("delivery-response")).toHaveText("200", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.goto("/admin/webhooks");
  await expect(page.getByTestId("webhook-row").filter({ hasText: `127.0.0.1:${port}` })).toContainText("Livrée");

  // Clean up so later tests' events are not sent to a receiver that is gone.
  await page.getByRole("link", { name: `http://127.0.0.1:${port}/hooks/dihya` }).click();
  await page.getByRole("button", { name: "Supprimer" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Supprimer le webhook");
  await page.getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByText("Webhook supprimé.")).toBeVisible();
});

test("the jobs page lists the delivery jobs and the platform schedule", async ({ page }) => {
  await signInUi(page, demo.admin);
  await page.goto("/admin/jobs?kind=webhook.deliver");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tâches de fond");
  await expect(page.getByTestId("job-row").first()).toContainText("webhook.deliver");
  await expect(page.getByTestId("schedule-row").filter({ hasText: "platform.cleanup" })).toContainText("*/15 * * * *");
  await page.getByRole("button", { name: "Mettre en pause platform.cleanup" }).click();
  await expect(page.getByTestId("schedule-row").filter({ hasText: "platform.cleanup" })).toContainText("En pause");
  await page.getByRole("button", { name: "Reprendre platform.cleanup" }).click();
  await expect(page.getByTestId("schedule-row").filter({ hasText: "platform.cleanup" })).toContainText("Active");
});
