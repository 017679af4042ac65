import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as tokenRoute from "@/app/api/oauth/token/route";
import * as usersRoute from "@/app/api/users/route";
import type { Db } from "@/db/client";
import { apiKeys, auditLog, users } from "@/db/schema";
import { createApiKey, revokeApiKey, rotateApiKey } from "@/server/integrations/api-key-admin";
import { createOAuthClient, revokeOAuthClient } from "@/server/integrations/oauth-client-admin";
import { freshDb, systemActor } from "../support/db";

process.env.AUTH_SECRET ??= "vitest-only-secret-0c9a7e5d3b1f";
let db: Db;
let ip = 0;
const noParams = { params: Promise.resolve({}) };

/** A request as a partner would send it; each test uses its own client address. */
function call(
  method: string,
  init: { key?: string; body?: unknown; raw?: string; type?: string; headers?: Record<string, string>; path?: string } = {},
) {
  const headers: Record<string, string> = { "x-forwarded-for": `10.0.0.${++ip}`, ...init.headers };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (body !== undefined) headers["content-type"] = init.type ?? "application/json";
  return new Request(`http://localhost${init.path ?? "/api/users"}`, { method, headers, body });
}
const handler = (method: "GET" | "POST") => usersRoute[method] as (r: Request, c: typeof noParams) => Promise<Response>;
const newUser = (n: string) => ({
  name: `Partenaire ${n}`,
  email: `${n}@erp.example.ma`,
  role: "user",
  locale: "ar",
  password: "Marrakech-2026-ERP",
});
async function expectProblem(response: Response, status: number, code?: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status, title: expect.any(String), type: expect.stringMatching(/^https:\/\//), code: expect.any(String) });
  if (code) expect(body.code).toBe(code);
  return body;
}
const key = (scopes: string[], extra: { rateLimit?: number } = {}) =>
  db.transaction((tx) => createApiKey(tx, systemActor, { name: "ERP Atlas", scopes: scopes as never, ...extra }));

beforeAll(async () => {
  db = await freshDb();
});

describe("partner API contract on /api/users", () => {
  it("answers 401 for no key, an unknown key, a revoked key and an expired key", async () => {
    await expectProblem(await handler("GET")(call("GET"), noParams), 401, "unauthenticated");
    await expectProblem(
      await handler("GET")(call("GET", { key: "dihya_0000000000000000000000000000dead" }), noParams),
      401,
      "invalid_credentials",
    );
    const revoked = await key(["users:read"]);
    expect((await handler("GET")(call("GET", { key: revoked.value }), noParams)).status).toBe(200);
    await db.transaction((tx) => revokeApiKey(tx, systemActor, revoked.id));
    await expectProblem(await handler("GET")(call("GET", { key: revoked.value }), noParams), 401, "invalid_credentials");
    const expired = await key(["users:read"]);
    await db
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiKeys.id, expired.id));
    const response = await handler("GET")(call("GET", { key: expired.value }), noParams);
    await expectProblem(response, 401, "invalid_credentials");
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("answers 403 for a missing scope and never lets a partner create an admin", async () => {
    const reader = await key(["users:read"]);
    await expectProblem(await handler("POST")(call("POST", { key: reader.value, body: newUser("a") }), noParams), 403, "forbidden");
    const writer = await key(["users:write"]);
    await expectProblem(
      await handler("POST")(call("POST", { key: writer.value, body: { ...newUser("b"), role: "admin" } }), noParams),
      403,
    );
    expect(await db.select().from(users).where(eq(users.email, "b@erp.example.ma"))).toHaveLength(0);
  });

  it("answers 422 with errors, 400 for malformed JSON, 415 for non-JSON and 413 over the cap", async () => {
    const writer = await key(["users:write"]);
    const invalid = await expectProblem(
      await handler("POST")(call("POST", { key: writer.value, body: { name: "x", email: "nope" } }), noParams),
      422,
      "validation_failed",
    );
    expect(invalid.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: "email" }), expect.objectContaining({ path: "name" })]),
    );
    await expectProblem(await handler("POST")(call("POST", { key: writer.value, raw: "{not json" }), noParams), 400, "malformed_json");
    await expectProblem(await handler("POST")(call("POST", { key: writer.value, raw: "name=x", type: "text/plain" }), noParams), 415);
    const huge = JSON.stringify({ ...newUser("c"), name: "x".repeat(1024 * 1024 + 10) });
    await expectProblem(await handler("POST")(call("POST", { key: writer.value, raw: huge }), noParams), 413, "body_too_large");
  });

  it("limits a key to its rate and answers 429 with Retry-After and RateLimit headers", async () => {
    const limited = await key(["users:read"], { rateLimit: 3 });
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 4; i++) {
      last = await handler("GET")(call("GET", { key: limited.value }), noParams);
      statuses.push(last.status);
      if (i === 0) expect(last.headers.get("ratelimit-policy")).toMatch(/q=3;w=60/);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    await expectProblem(last!, 429, "rate_limited");
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last!.headers.get("ratelimit")).toMatch(/r=0/);
  });

  it("replays an Idempotency-Key, refuses it with another body (422), and creates one account", async () => {
    const writer = await key(["users:write"]);
    const send = (body: unknown) =>
      handler("POST")(call("POST", { key: writer.value, body, headers: { "idempotency-key": "erp-run-42" } }), noParams);
    const first = await send(newUser("idem"));
    expect(first.status).toBe(201);
    const created = (await first.json()) as { id: string };
    const replay = await send(newUser("idem"));
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.headers.get("location")).toBe(`/api/users/${created.id}`);
    expect(((await replay.json()) as { id: string }).id).toBe(created.id);
    await expectProblem(await send(newUser("other")), 422, "idempotency_key_reused");
    expect(await db.select().from(users).where(eq(users.email, "idem@erp.example.ma"))).toHaveLength(1);
  });

  it("audits a creation through an API key with the partner as actor", async () => {
    const writer = await key(["users:write"]);
    const response = await handler("POST")(call("POST", { key: writer.value, body: newUser("audited") }), noParams);
    const { id } = (await response.json()) as { id: string };
    const [row] = await db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(row).toMatchObject({ action: "user.created", actorType: "api_key", actorId: writer.id, actorLabel: "ERP Atlas" });
  });

  it("keeps a rotated key working during the grace period, then only the new one", async () => {
    const old = await key(["users:read"]);
    const next = await db.transaction((tx) => rotateApiKey(tx, systemActor, old.id));
    expect((await handler("GET")(call("GET", { key: old.value }), noParams)).status).toBe(200);
    expect((await handler("GET")(call("GET", { key: next.value }), noParams)).status).toBe(200);
    await db
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(apiKeys.id, old.id));
    expect((await handler("GET")(call("GET", { key: old.value }), noParams)).status).toBe(401);
  });
});

describe("OAuth2 client credentials", () => {
  const token = (form: Record<string, string>, basic?: string) =>
    (tokenRoute.POST as (r: Request, c: typeof noParams) => Promise<Response>)(
      call("POST", {
        path: "/api/oauth/token",
        raw: new URLSearchParams(form).toString(),
        type: "application/x-www-form-urlencoded",
        headers: basic ? { authorization: `Basic ${Buffer.from(basic).toString("base64")}` } : {},
      }),
      noParams,
    );

  it("issues a token carrying the client's scopes; the token creates an audited account; revocation stops it", async () => {
    const client = await db.transaction((tx) =>
      createOAuthClient(tx, systemActor, { name: "Passerelle SCADA", scopes: ["users:write", "users:read"] }),
    );
    await expectProblem(
      await token({ grant_type: "client_credentials", client_id: client.clientId, client_secret: "wrong" }),
      401,
      "invalid_client",
    );
    await expectProblem(
      await token({ grant_type: "client_credentials", scope: "sites:write" }, `${client.clientId}:${client.secret}`),
      400,
      "invalid_scope",
    );
    await expectProblem(await token({ grant_type: "password", client_id: client.clientId, client_secret: client.secret }), 422);
    const issued = await token({ grant_type: "client_credentials", scope: "users:write" }, `${client.clientId}:${client.secret}`);
    expect(issued.status).toBe(200);
    const grant = (await issued.json()) as { access_token: string; token_type: string; expires_in: number; scope: string };
    expect(grant).toMatchObject({ token_type: "Bearer", expires_in: 900, scope: "users:write" });

    await expectProblem(await handler("GET")(call("GET", { key: grant.access_token }), noParams), 403);
    const created = await handler("POST")(call("POST", { key: grant.access_token, body: newUser("oauth") }), noParams);
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const [row] = await db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(row).toMatchObject({ action: "user.created", actorType: "oauth_client", actorLabel: "Passerelle SCADA" });

    await db.transaction((tx) => revokeOAuthClient(tx, systemActor, (row!.actorId as string) ?? ""));
    await expectProblem(await handler("POST")(call("POST", { key: grant.access_token, body: newUser("late") }), noParams), 401);
    await expectProblem(await handler("GET")(call("GET", { key: grant.access_token.slice(0, -4) + "AAAA" }), noParams), 401);
  });
});
