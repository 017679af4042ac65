import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { startMailSink } from "../tests/support/mail-sink";
import { createAccount, demo, expectProblem, partnerKey, signInApi } from "./helpers";

// The main e2e server (:3100) runs with SMTP_URL=smtp://127.0.0.1:2526 and DIHYA_JOB_POLL_MS=250;
// this file owns the SMTP server on that port.
const ar = JSON.parse(readFileSync("messages/ar.json", "utf8"));
const fr = JSON.parse(readFileSync("messages/fr.json", "utf8"));

test("the bell receives a role change live, without a reload", async ({ browser, request }) => {
  await signInApi(request, demo.admin);
  const account = await createAccount(request, "user");
  const context = await browser.newContext();
  await signInApi(context.request, account.email, account.password);
  const page = await context.newPage();
  const streaming = page.waitForResponse((r) => r.url().endsWith("/api/notifications/stream"));
  await page.goto("/");
  expect((await streaming).headers()["content-type"]).toContain("text/event-stream");
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  const bell = page.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName("Notifications");
  await expect(page.getByTestId("notification-count")).toHaveCount(0);

  const res = await request.patch(`/api/users/${account.id}`, { data: { role: "technician" } });
  expect(res.status()).toBe(200);
  await expect(page.getByTestId("notification-count")).toHaveText("1", { timeout: 2_000 });
  await expect(bell).toHaveAccessibleName("Notifications, 1 non lue");
  await expect(page.getByRole("status").filter({ hasText: fr.notifications.messages.account.role_changed.title })).toHaveCount(1);
  await bell.click();
  const panel = page.getByTestId("notification-panel");
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId("notification-panel-item").first()).toContainText("Votre rôle a changé");
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  await panel.getByRole("button", { name: "Tout marquer comme lu" }).click();
  await expect(page.getByTestId("notification-count")).toHaveCount(0);
  await expect(bell).toHaveAccessibleName("Notifications");
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(bell).toBeFocused();
  await context.close();
});

test("the notifications page filters, marks read one by one and all at once", async ({ browser, request }) => {
  await signInApi(request, demo.admin);
  const account = await createAccount(request, "user");
  await request.patch(`/api/users/${account.id}`, { data: { role: "devops" } });
  await request.patch(`/api/users/${account.id}`, { data: { role: "guest" } });
  await request.patch(`/api/users/${account.id}`, { data: { password: "another e2e long password" } });
  const context = await browser.newContext();
  await signInApi(context.request, account.email, "another e2e long password");
  const page = await context.newPage();
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Notifications");
  const items = page.getByTestId("notification-item");
  await expect(items).toHaveCount(3);
  await expect(items.first()).toContainText("Votre mot de passe a été réinitialisé");
  await expect(items.nth(1)).toContainText("Invité");

  await page.locator("#notifications-kind").selectOption("account.role_changed");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/kind=account\.role_changed/);
  await expect(items).toHaveCount(2);
  await items
    .first()
    .getByRole("button", { name: /Marquer comme lu/ })
    .click();
  await expect(items.first()).toHaveAttribute("data-read", "true");
  await expect(page.getByTestId("notification-count")).toHaveText("2");

  await page.goto("/notifications?unread=true");
  await expect(items).toHaveCount(2);
  await page.getByTestId("mark-all-read").click();
  await expect(page.getByTestId("empty")).toHaveText("Aucune notification non lue.");
  await expect(page.getByTestId("notification-count")).toHaveCount(0);
  await context.close();
});

test("a client reads notifications under /client", async ({ browser, request }) => {
  await signInApi(request, demo.admin);
  const account = await createAccount(request, "client");
  await request.patch(`/api/users/${account.id}`, { data: { password: "client e2e long password" } });
  const context = await browser.newContext();
  await signInApi(context.request, account.email, "client e2e long password");
  const page = await context.newPage();
  await page.goto("/client/notifications");
  await expect(page.getByTestId("notification-item")).toHaveCount(1);
  await page.getByTestId("notification-bell").click();
  await page.getByTestId("notification-panel").getByRole("link", { name: "Voir toutes les notifications" }).click();
  await expect(page).toHaveURL("/client/notifications");
  await context.close();
});

test("GET /api/notifications: the caller's own, rendered, with the raw keys; partners get 403", async ({ browser, request }) => {
  await signInApi(request, demo.admin);
  const account = await createAccount(request, "user", { locale: "ar" });
  await request.patch(`/api/users/${account.id}`, { data: { role: "technician" } });
  const context = await browser.newContext();
  await signInApi(context.request, account.email, account.password);
  const list = await context.request.get("/api/notifications?unread=true&limit=10");
  expect(list.status()).toBe(200);
  const body = await list.json();
  expect(body.next_cursor).toBeNull();
  expect(body.data).toHaveLength(1);
  expect(body.data[0]).toMatchObject({
    kind: "account.role_changed",
    title: ar.notifications.messages.account.role_changed.title,
    titleKey: "notifications.messages.account.role_changed.title",
    params: { role: "technician" },
    readAt: null,
  });
  const read = await context.request.post("/api/notifications/read", { data: { ids: [body.data[0].id] } });
  expect(await read.json()).toEqual({ updated: 1, unread: 0 });
  expect((await (await context.request.get("/api/notifications?unread=true")).json()).data).toEqual([]);
  expectProblem(await (await context.request.get("/api/notifications?limit=501")).json(), 422, "validation_failed");
  expectProblem(await (await context.request.post("/api/notifications/read", { data: { ids: ["nope"] } })).json(), 422);
  await context.close();

  const partner = await request.get("/api/notifications", { headers: { authorization: `Bearer ${partnerKey}` } });
  expectProblem(await partner.json(), 403, "forbidden");
  const anonymous = await browser.newContext();
  const stream = await anonymous.request.get("/api/notifications/stream");
  expect(stream.headers()["content-type"]).toBe("application/problem+json");
  expectProblem(await stream.json(), 401, "unauthenticated");
  await anonymous.close();
});

test.describe("e-mail", () => {
  let sink: Awaited<ReturnType<typeof startMailSink>>;
  test.beforeAll(async () => {
    sink = await startMailSink(2526);
  });
  test.afterAll(async () => {
    await sink.close();
  });

  test("a password reset reaches an Arabic-speaking user by e-mail, in Arabic", async ({ request }) => {
    await signInApi(request, demo.admin);
    const account = await createAccount(request, "client", { locale: "ar" });
    const res = await request.patch(`/api/users/${account.id}`, { data: { password: "reset by the admin 2026" } });
    expect(res.status()).toBe(200);
    await expect
      .poll(() => sink.received.find((m) => m.to.includes(account.email))?.subject, { timeout: 15_000 })
      .toBe(ar.notifications.messages.account.password_reset.title);
    const mail = sink.received.find((m) => m.to.includes(account.email))!;
    expect(mail.text).toContain(ar.notifications.messages.account.password_reset.body);
    expect(mail.html).toContain('lang="ar" dir="rtl"');
    expect(mail.html).toContain("/profile");
  });
});
