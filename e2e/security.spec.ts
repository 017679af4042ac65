import { expect, test } from "@playwright/test";
import { demo, expectProblem, partnerKey, signInApi } from "./helpers";

test("security headers on pages", async ({ request }) => {
  const res = await request.get("/sign-in");
  const h = res.headers();
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(h["content-security-policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["x-powered-by"]).toBeUndefined();
  expect(h["strict-transport-security"]).toBeUndefined();
  const nonce = /'nonce-([^']+)'/.exec(h["content-security-policy"]!)![1];
  expect(await res.text()).toContain(`nonce="${nonce}"`);
});

test("HSTS when served over HTTPS (behind a TLS proxy)", async ({ request }) => {
  const res = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
  expect(res.headers()["strict-transport-security"]).toContain("max-age=");
});

test("security headers and problem+json on API responses", async ({ request }) => {
  const res = await request.get("/api/users");
  expect(res.status()).toBe(401);
  expect(res.headers()["content-type"]).toBe("application/problem+json");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["x-powered-by"]).toBeUndefined();
  expectProblem(await res.json(), 401, "unauthenticated");
});

test("health reports the database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({
    status: "ok",
    database: "reachable",
    driver: process.env.E2E_DATABASE_URL ? "postgres" : "pglite",
  });
});

test.describe("/api/users contract", () => {
  test("401 for a bad key, 403 for a partner creating an admin or a non-admin", async ({ request, browser }) => {
    const bad = await request.get("/api/users", { headers: { authorization: "Bearer dihya_nope" } });
    expectProblem(await bad.json(), 401, "invalid_credentials");
    // The demo key holds users:write (provisioning) but can never grant the admin role.
    const partner = await request.post("/api/users", {
      headers: { authorization: `Bearer ${partnerKey}` },
      data: { name: "Faux Admin", email: `faux.${Date.now()}@example.dz`, role: "admin", password: "long enough password" },
    });
    expectProblem(await partner.json(), 403, "forbidden");
    const context = await browser.newContext();
    await signInApi(context.request, demo.devops);
    const devops = await context.request.post("/api/users", { data: { name: "X" } });
    expectProblem(await devops.json(), 403, "forbidden");
    await context.close();
  });

  test("422 with field errors, 400 malformed JSON, 415, 413, 404, 405, 409", async ({ request }) => {
    await signInApi(request, demo.admin);
    const invalid = await request.post("/api/users", {
      data: { name: "A", email: "not-an-email", role: "boss", password: "short", extra: 1 },
    });
    expect(invalid.status()).toBe(422);
    const body = await invalid.json();
    expectProblem(body, 422, "validation_failed");
    const paths = body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "email", "role", "password"]));

    const malformed = await request.post("/api/users", { headers: { "content-type": "application/json" }, data: Buffer.from("{oops") });
    expectProblem(await malformed.json(), 400, "malformed_json");
    const notJson = await request.post("/api/users", { headers: { "content-type": "text/plain" }, data: "hello" });
    expectProblem(await notJson.json(), 415, "unsupported_media_type");
    const huge = await request.post("/api/users", {
      headers: { "content-type": "application/json" },
      data: JSON.stringify({ name: "x".repeat(1_100_000) }),
    });
    expectProblem(await huge.json(), 413, "body_too_large");
    const unknown = await request.get("/api/users/00000000-0000-4000-8000-000000000000");
    expectProblem(await unknown.json(), 404, "not_found");
    const wrongMethod = await request.delete("/api/users");
    expect(wrongMethod.headers()["allow"]).toBe("GET, POST");
    expectProblem(await wrongMethod.json(), 405, "method_not_allowed");
    const unknownPath = await request.get("/api/does-not-exist");
    expectProblem(await unknownPath.json(), 404, "not_found");
    const dup = await request.post("/api/users", {
      data: { name: "Dup", email: "ADMIN@demo.dihya.dz", role: "user", password: "a long enough password" },
    });
    expectProblem(await dup.json(), 409, "conflict");
  });

  test("the last admin cannot be demoted or disabled", async ({ request }) => {
    await signInApi(request, demo.admin);
    const { data } = await (await request.get("/api/users?role=admin&status=active")).json();
    const admins = data as { id: string; email: string }[];
    // Demote every other admin first (created by other tests), then try the last one.
    for (const a of admins.filter((a) => a.email !== demo.admin)) await request.patch(`/api/users/${a.id}`, { data: { role: "user" } });
    const me = admins.find((a) => a.email === demo.admin)!;
    const demote = await request.patch(`/api/users/${me.id}`, { data: { role: "user" } });
    expectProblem(await demote.json(), 409, "last_admin");
    const disable = await request.patch(`/api/users/${me.id}`, { data: { disabled: true } });
    expectProblem(await disable.json(), 409, "last_admin");
  });
});
