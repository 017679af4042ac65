import { and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as tokenItemRoute from "@/app/api/servers/[id]/agent-tokens/[tokenId]/route";
import * as tokensRoute from "@/app/api/servers/[id]/agent-tokens/route";
import * as itemRoute from "@/app/api/servers/[id]/route";
import * as statusRoute from "@/app/api/servers/[id]/status/route";
import * as listRoute from "@/app/api/servers/route";
import * as exportRoute from "@/app/api/export/servers/route";
import type { Db } from "@/db/client";
import { agentTokens, auditLog, serverAccessGrants, servers } from "@/db/schema";
import { seedServers } from "@/db/seed/devops/servers";
import { accessGrantSchema } from "@/lib/validation/server-access";
import type { UserActor } from "@/server/auth/actor";
import { resolveCredentials } from "@/server/auth/credentials";
import type { ServerDetailDto } from "@/server/devops/servers/server-detail";
import type { ServerDto } from "@/server/devops/servers/server-dto";
import { addAccessGrant } from "@/server/devops/servers/server-access";
import { importServersCsv, type ImportReport } from "@/server/devops/servers/server-import";
import { createApiKey } from "@/server/integrations/api-key-admin";
import { freshDb, systemActor } from "../support/db";
import { makeUser } from "../support/maintenance-fixtures";

/** The browser session the routes and actions see: whoever `session.userId` names (Auth.js itself is not under test). */
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId }, authTime: Date.now() + 60_000 } : null),
}));

process.env.AUTH_SECRET ??= "vitest-only-secret-0c9a7e5d3b1f";
let db: Db;
let admin: UserActor;
let devops: UserActor;
let user: UserActor;
let technician: UserActor;
let readerKey: string;
let writerKey: string;
let otherKey: string;
let ip = 0;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Routes = Record<"GET" | "POST" | "PATCH" | "PUT" | "DELETE", Handler>;
const list = listRoute as unknown as Routes;
const item = itemRoute as unknown as Routes;
const status = statusRoute as unknown as Routes;
const tokens = tokensRoute as unknown as Routes;
const tokenItem = tokenItemRoute as unknown as Routes;
const exporter = exportRoute as unknown as Routes;

/** Calls a route as a user (session), a partner or agent (bearer), or no one. */
function call(
  handler: Handler,
  method: string,
  path: string,
  as: UserActor | string | null,
  body?: unknown,
  params: Record<string, string> = {},
) {
  session.userId = typeof as === "object" && as ? as.id : null;
  const headers: Record<string, string> = { "x-forwarded-for": `10.8.0.${++ip % 250}` };
  if (typeof as === "string") headers.authorization = `Bearer ${as}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return handler(request, { params: Promise.resolve(params) });
}
type Problem = { status: number; code: string; detail: string; errors?: { path: string; message: string }[] };

const body = (hostname: string, extra: Record<string, unknown> = {}) => ({
  hostname,
  kind: "vm",
  location: "DC Oran — Es Senia",
  environment: "production",
  addresses: ["10.31.0.10"],
  tags: ["nginx"],
  role: "web",
  team: "web",
  ...extra,
});
async function create(hostname: string, extra: Record<string, unknown> = {}): Promise<ServerDto> {
  const response = await call(list.POST, "POST", "/api/servers", devops, body(hostname, extra));
  expect(response.status).toBe(201);
  return (await response.json()) as ServerDto;
}
async function detail(id: string, as: UserActor | string = devops): Promise<ServerDetailDto> {
  const response = await call(item.GET, "GET", `/api/servers/${id}`, as, undefined, { id });
  expect(response.status).toBe(200);
  return (await response.json()) as ServerDetailDto;
}
const move = (id: string, to: string, reason = "Mise en service après recette") =>
  call(status.POST, "POST", `/api/servers/${id}/status`, devops, { status: to, reason }, { id });
const audits = (entityId: string, action: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));

beforeAll(async () => {
  db = await freshDb();
  admin = await makeUser(db, "admin", "Amina Benali");
  devops = await makeUser(db, "devops", "Sofiane Meziane");
  user = await makeUser(db, "user", "Karim Ould");
  technician = await makeUser(db, "technician", "Yacine Haddad");
  const key = (scopes: string[]) =>
    db.transaction(
      async (tx) => (await createApiKey(tx, systemActor, { name: `Partenaire ${scopes.join(" ")}`, scopes: scopes as never })).value,
    );
  readerKey = await key(["servers:read"]);
  writerKey = await key(["servers:read", "servers:write"]);
  otherKey = await key(["sites:read"]);
});

describe("/api/servers: who may do what", () => {
  it("answers 401 without credentials, 403 to a user, a technician or a key without servers:read, 200 to devops, admin and readers", async () => {
    expect((await call(list.GET, "GET", "/api/servers", null)).status).toBe(401);
    expect((await call(list.GET, "GET", "/api/servers", user)).status).toBe(403);
    expect((await call(list.GET, "GET", "/api/servers", technician)).status).toBe(403);
    expect((await call(list.GET, "GET", "/api/servers", otherKey)).status).toBe(403);
    for (const as of [devops, admin, readerKey]) expect((await call(list.GET, "GET", "/api/servers", as)).status).toBe(200);
    expect((await call(list.POST, "POST", "/api/servers", readerKey, body("ora-ro-01"))).status).toBe(403);
    expect((await call(list.POST, "POST", "/api/servers", user, body("ora-ro-01"))).status).toBe(403);
    expect((await call(list.PUT, "PUT", "/api/servers", devops)).status).toBe(405);
    expect(await db.select({ n: count() }).from(servers)).toEqual([{ n: 0 }]);
  });
});

describe("/api/servers: inventory", () => {
  let web: ServerDto;

  it("creates a server in provisioning: 201, Location, history row, audit", async () => {
    const response = await call(
      list.POST,
      "POST",
      "/api/servers",
      devops,
      body(" ORA-Web-01 ", { addresses: ["10.31.0.11", "2001:DB8::11"], tags: ["Nginx", "public"] }),
    );
    expect(response.status).toBe(201);
    web = (await response.json()) as ServerDto;
    expect(response.headers.get("location")).toBe(`/api/servers/${web.id}`);
    expect(web).toMatchObject({
      hostname: "ora-web-01",
      addresses: ["10.31.0.11", "2001:db8::11"],
      tags: ["nginx", "public"],
      status: "provisioning",
      monitorState: "unknown",
      country: "DZ",
      heartbeatSeconds: 60,
    });
    const full = await detail(web.id);
    expect(full.history).toEqual([expect.objectContaining({ fromStatus: null, toStatus: "provisioning", actorLabel: devops.email })]);
    expect(full.allowedTransitions).toEqual(["running", "decommissioned"]);
    const [audit] = await audits(web.id, "server.created");
    expect(audit).toMatchObject({ entityType: "server", actorLabel: devops.email });
    expect((audit!.changes as Record<string, { new: unknown }>).hostname!.new).toBe("ora-web-01");
  });

  it("refuses a host name already used, in any case, with 409 on hostname (create and rename)", async () => {
    const response = await call(list.POST, "POST", "/api/servers", writerKey, body("ORA-WEB-01"));
    expect(response.status).toBe(409);
    expect(((await response.json()) as Problem).errors).toEqual([{ path: "hostname", message: "serverHostnameTaken" }]);
    const other = await create("ora-web-02");
    const rename = await call(item.PATCH, "PATCH", `/api/servers/${other.id}`, devops, { hostname: "Ora-Web-01" }, { id: other.id });
    expect(rename.status).toBe(409);
  });

  it("answers 422 with the message key of each bad field", async () => {
    const response = await call(list.POST, "POST", "/api/servers", devops, {
      hostname: "ora_web",
      kind: "mainframe",
      location: "X",
      environment: "prod",
      addresses: ["999.1.1.1"],
      cpuCores: -2,
      heartbeatSeconds: 5,
      country: "ES1",
      status: "running",
    });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as Problem;
    expect(problem.code).toBe("validation_failed");
    const byPath = Object.fromEntries(problem.errors!.map((e) => [e.path, e.message]));
    expect(byPath).toMatchObject({
      hostname: "serverHostnameInvalid",
      kind: "serverKindInvalid",
      location: "serverLocationInvalid",
      environment: "serverEnvironmentInvalid",
      addresses: "serverAddressInvalid",
      cpuCores: "serverCpuInvalid",
      heartbeatSeconds: "serverHeartbeatRange",
      country: "countryInvalid",
    });
    expect(problem.errors).toContainEqual(expect.objectContaining({ path: "/" }));
  });

  it("edits with an audit of only the changed fields; a partner with servers:write may edit too", async () => {
    const response = await call(
      item.PATCH,
      "PATCH",
      `/api/servers/${web.id}`,
      writerKey,
      { cpuCores: 8, tags: ["nginx", "public", "tls"], role: "web" },
      { id: web.id },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ cpuCores: 8, tags: ["nginx", "public", "tls"] });
    const [audit] = await audits(web.id, "server.updated");
    expect(audit!.changes).toEqual({
      cpuCores: { old: null, new: 8 },
      tags: { old: ["nginx", "public"], new: ["nginx", "public", "tls"] },
    });
    expect((await call(item.PATCH, "PATCH", `/api/servers/${web.id}`, devops, {}, { id: web.id })).status).toBe(422);
    expect((await call(item.PATCH, "PATCH", `/api/servers/${web.id}`, readerKey, { cpuCores: 2 }, { id: web.id })).status).toBe(403);
    expect((await call(item.GET, "GET", "/api/servers/nope", devops, undefined, { id: "nope" })).status).toBe(404);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await call(item.GET, "GET", `/api/servers/${unknown}`, devops, undefined, { id: unknown })).status).toBe(404);
  });

  it("moves along the lifecycle with a reason; refuses other moves (409) and a missing reason (422)", async () => {
    expect((await move(web.id, "maintenance")).status).toBe(409);
    const running = await move(web.id, "running");
    expect(running.status).toBe(200);
    expect(((await running.json()) as ServerDto).status).toBe("running");
    expect((await move(web.id, "running")).status).toBe(409);
    const noReason = await move(web.id, "maintenance", " ");
    expect(noReason.status).toBe(422);
    expect(((await noReason.json()) as Problem).errors).toEqual([{ path: "reason", message: "reasonRequired" }]);
    expect((await move(web.id, "maintenance", "Mise à jour du noyau")).status).toBe(200);
    expect((await move(web.id, "stopped", "Arrêt pour déménagement de baie")).status).toBe(200);
    expect((await move(web.id, "maintenance", "Pas depuis l’arrêt")).status).toBe(409);
    expect((await move(web.id, "running", "Remise en service")).status).toBe(200);
    const full = await detail(web.id);
    expect(full.history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      ["stopped", "running"],
      ["maintenance", "stopped"],
      ["running", "maintenance"],
      ["provisioning", "running"],
      [null, "provisioning"],
    ]);
    expect(full.history[1]!.reason).toBe("Arrêt pour déménagement de baie");
    const changes = (await audits(web.id, "server.status_changed")).map((a) => a.changes as Record<string, { new: unknown }>);
    expect(changes.map((c) => c.status!.new).sort()).toEqual(["maintenance", "running", "running", "stopped"]);
  });

  it("makes decommissioned final: no move, no edit, no new token; its agent tokens stop working", async () => {
    const old = await create("ora-old-01");
    const issued = await call(tokens.POST, "POST", `/api/servers/${old.id}/agent-tokens`, devops, {}, { id: old.id });
    const { token } = (await issued.json()) as { token: string };
    expect((await move(old.id, "decommissioned", "Matériel en fin de vie")).status).toBe(200);
    expect((await move(old.id, "running", "Retour")).status).toBe(409);
    const edit = await call(item.PATCH, "PATCH", `/api/servers/${old.id}`, devops, { role: "web" }, { id: old.id });
    expect(edit.status).toBe(409);
    expect(((await edit.json()) as Problem).detail).toBe("serverDecommissioned");
    expect((await call(tokens.POST, "POST", `/api/servers/${old.id}/agent-tokens`, devops, {}, { id: old.id })).status).toBe(409);
    expect(
      await resolveCredentials(new Request("http://localhost/api/monitoring", { headers: { authorization: `Bearer ${token}` } })),
    ).toBe("bad");
    expect((await detail(old.id)).agentTokens[0]!.revokedAt).not.toBeNull();
  });

  it("lists with search, filters, order and cursor pages", async () => {
    await create("ora-db-01", {
      kind: "physical",
      role: "db",
      team: "données",
      tags: ["postgresql"],
      addresses: ["10.31.9.21"],
      environment: "staging",
    });
    await create("ora-cache-01", { role: "cache", team: "plateforme", tags: ["redis"], environment: "development" });
    const get = async (query: string) => {
      const response = await call(list.GET, "GET", `/api/servers?${query}`, readerKey);
      expect(response.status).toBe(200);
      return (await response.json()) as { data: ServerDto[]; next_cursor: string | null };
    };
    expect((await get("q=10.31.9")).data.map((s) => s.hostname)).toEqual(["ora-db-01"]);
    expect((await get("q=DONN%C3%89ES")).data.map((s) => s.hostname)).toEqual(["ora-db-01"]);
    expect((await get("tag=Redis")).data.map((s) => s.hostname)).toEqual(["ora-cache-01"]);
    expect((await get("environment=production&status=running")).data.map((s) => s.hostname)).toEqual(["ora-web-01"]);
    expect((await get("status=decommissioned&kind=vm&location=DC%20Oran%20%E2%80%94%20Es%20Senia")).data.map((s) => s.hostname)).toEqual([
      "ora-old-01",
    ]);
    expect((await get("sort=status&order=desc")).data.map((s) => s.status)).toEqual([
      "decommissioned",
      "running",
      "provisioning",
      "provisioning",
      "provisioning",
    ]);
    const first = await get("limit=2");
    expect(first.data.map((s) => s.hostname)).toEqual(["ora-cache-01", "ora-db-01"]);
    const second = await get(`limit=2&cursor=${first.next_cursor}`);
    expect(second.data.map((s) => s.hostname)).toEqual(["ora-old-01", "ora-web-01"]);
    const third = await get(`limit=2&cursor=${second.next_cursor}`);
    expect(third).toEqual({ data: [expect.objectContaining({ hostname: "ora-web-02" })], next_cursor: null });
    const newest = await get("sort=created_at&order=desc&limit=1");
    expect(newest.data[0]!.hostname).toBe("ora-cache-01");
    expect((await call(list.GET, "GET", "/api/servers?monitor_state=sleepy", readerKey)).status).toBe(422);
  });
});

describe("access grants and notes (server actions)", () => {
  it("refuses a private or public key body as a fingerprint, and stores nothing of it", async () => {
    const { addAccessGrantAction } = await import("@/app/(staff)/devops/servers/actions");
    const [web] = await db.select().from(servers).where(eq(servers.hostname, "ora-web-01"));
    session.userId = devops.id;
    const key =
      "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----";
    const refused = await addAccessGrantAction({ id: web!.id, grant: { principal: "amina", level: "root", sshKeyFingerprint: key } });
    expect(refused).toMatchObject({
      ok: false,
      code: "validation_failed",
      fieldErrors: { sshKeyFingerprint: ["serverKeyMaterialRefused"] },
    });
    const publicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl amina@poste";
    expect(await addAccessGrantAction({ id: web!.id, grant: { principal: "amina", sshKeyFingerprint: publicKey } })).toMatchObject({
      ok: false,
      fieldErrors: { sshKeyFingerprint: ["serverKeyMaterialRefused"] },
    });
    expect(await db.select({ n: count() }).from(serverAccessGrants)).toEqual([{ n: 0 }]);
    const leaked = await db
      .select({ n: count() })
      .from(auditLog)
      .where(sql`${auditLog.changes}::text like '%PRIVATE KEY%' or ${auditLog.changes}::text like '%AAAAC3Nz%'`);
    expect(leaked).toEqual([{ n: 0 }]);
    session.userId = user.id;
    expect(await addAccessGrantAction({ id: web!.id, grant: { principal: "amina" } })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("grants (audited, fingerprint kept), marks an expired grant, revokes once (409 the second time)", async () => {
    const { addAccessGrantAction, revokeAccessGrantAction, addServerNoteAction } = await import("@/app/(staff)/devops/servers/actions");
    const [web] = await db.select().from(servers).where(eq(servers.hostname, "ora-web-01"));
    const id = web!.id;
    session.userId = devops.id;
    const fingerprint = "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8";
    const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const granted = await addAccessGrantAction({
      id,
      grant: { principal: "deploy", level: "operator", sshKeyFingerprint: fingerprint, expiresAt },
    });
    expect(granted.ok).toBe(true);
    await db.transaction((tx) =>
      addAccessGrant(tx, devops, id, {
        ...accessGrantSchema.parse({ principal: "prestataire", level: "read" }),
        expiresAt: "2025-01-01T00:00:00Z",
      }),
    );
    const note = await addServerNoteAction({ id, note: { body: "  Baie B12, unité 30.  " } });
    expect(note.ok).toBe(true);
    expect((await addServerNoteAction({ id, note: { body: "" } })) as unknown).toMatchObject({
      ok: false,
      fieldErrors: { body: ["serverNoteRequired"] },
    });
    const full = await detail(id, readerKey);
    expect(full.grants.map((g) => [g.principal, g.sshKeyFingerprint, g.expired, g.revokedAt])).toEqual([
      ["deploy", fingerprint, false, null],
      ["prestataire", null, true, null],
    ]);
    expect(full.journal).toEqual([expect.objectContaining({ body: "Baie B12, unité 30.", authorLabel: devops.email })]);
    const [grantAudit] = await audits(id, "server.access_granted");
    expect((grantAudit!.changes as Record<string, { new: unknown }>).sshKeyFingerprint!.new).toBe(fingerprint);
    const grantId = full.grants[0]!.id;
    session.userId = devops.id;
    expect(await revokeAccessGrantAction({ id, grantId })).toMatchObject({ ok: true });
    expect(await revokeAccessGrantAction({ id, grantId })).toMatchObject({ ok: false, code: "conflict", messageKey: "serverGrantRevoked" });
    expect(await audits(id, "server.access_revoked")).toHaveLength(1);
    expect(await audits(id, "server.note_added")).toHaveLength(1);
    expect((await detail(id)).grants.find((g) => g.id === grantId)!.revokedAt).not.toBeNull();
  });
});

describe("agent tokens", () => {
  const bearer = (token: string) => new Request("http://localhost/api/monitoring", { headers: { authorization: `Bearer ${token}` } });

  it("issues a token once (201), shows only its hint, resolves it to the agent; revoke (204) makes it bad", async () => {
    const [web] = await db.select().from(servers).where(eq(servers.hostname, "ora-web-01"));
    const id = web!.id;
    const issue = (replace?: boolean) =>
      call(tokens.POST, "POST", `/api/servers/${id}/agent-tokens`, devops, replace === undefined ? {} : { replace }, { id });
    const first = await issue();
    expect(first.status).toBe(201);
    const one = (await first.json()) as { id: string; token: string; hint: string };
    expect(one.token).toMatch(/^dha_[A-Za-z0-9_-]{32}$/);
    expect(one.hint).toBe(one.token.slice(-4));
    expect(await resolveCredentials(bearer(one.token))).toEqual({ kind: "agent", id: one.id, serverId: id, name: "ora-web-01" });
    const shown = JSON.stringify(await detail(id));
    expect(shown).not.toContain(one.token);
    const [stored] = await db.select().from(agentTokens).where(eq(agentTokens.id, one.id));
    expect(stored!.hash).not.toBe(one.token);
    expect(shown).not.toContain(stored!.hash);
    expect((await detail(id)).agentTokens[0]).toMatchObject({ id: one.id, hint: one.hint, revokedAt: null, createdBy: devops.email });
    expect((await detail(id)).agentTokens[0]!.lastUsedAt).not.toBeNull();

    const two = (await (await issue(false)).json()) as { id: string; token: string };
    expect((await resolveCredentials(bearer(one.token))) as unknown).toMatchObject({ kind: "agent", id: one.id });
    const three = (await (await issue(true)).json()) as { id: string; token: string };
    expect(await resolveCredentials(bearer(one.token))).toBe("bad");
    expect(await resolveCredentials(bearer(two.token))).toBe("bad");
    expect(await resolveCredentials(bearer(three.token))).toMatchObject({ kind: "agent", id: three.id });

    expect((await call(list.GET, "GET", "/api/servers", three.token)).status).toBe(403);
    const revoke = () =>
      call(tokenItem.DELETE, "DELETE", `/api/servers/${id}/agent-tokens/${three.id}`, devops, undefined, { id, tokenId: three.id });
    expect((await revoke()).status).toBe(204);
    expect(await resolveCredentials(bearer(three.token))).toBe("bad");
    expect((await revoke()).status).toBe(409);
    expect(
      (
        await call(tokenItem.DELETE, "DELETE", `/api/servers/${id}/agent-tokens/${three.id}`, readerKey, undefined, {
          id,
          tokenId: three.id,
        })
      ).status,
    ).toBe(403);

    const issued = await audits(id, "server.agent_token_issued");
    expect(issued).toHaveLength(3);
    expect(JSON.stringify(issued)).not.toContain(one.token);
    expect(await audits(id, "server.agent_token_revoked")).toHaveLength(1);
    const other = (await db.select().from(servers).where(eq(servers.hostname, "ora-web-02")))[0]!;
    const wrongServer = await call(tokenItem.DELETE, "DELETE", `/api/servers/${other.id}/agent-tokens/${two.id}`, devops, undefined, {
      id: other.id,
      tokenId: two.id,
    });
    expect(wrongServer.status).toBe(404);
  });
});

describe("CSV export and import", () => {
  it("exports the filtered inventory with the import's columns, lists joined with ;, audited", async () => {
    const response = await call(exporter.GET, "GET", "/api/export/servers?environment=production&sort=hostname", readerKey);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="servers-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = (await response.text()).replace(/^\uFEFF/, "");
    const [header, ...rows] = text.trimEnd().split("\r\n");
    expect(header).toBe(
      "hostname,addresses,kind,location,country,os,cpu_cores,memory_mb,disk_gb,environment,role,tags,team,criticality,status,monitor_state,last_heartbeat_at,id,created_at",
    );
    expect(rows.map((r) => r.split(",")[0])).toEqual(["ora-old-01", "ora-web-01", "ora-web-02"]);
    expect(rows[1]).toMatch(
      /^ora-web-01,10\.31\.0\.11;2001:db8::11,vm,DC Oran — Es Senia,DZ,,8,,,production,web,nginx;public;tls,web,medium,running,unknown,,[0-9a-f-]{36},\d{4}-/,
    );
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "export.created"), eq(auditLog.entityType, "servers")));
    expect(audit!.changes).toMatchObject({ format: { new: "csv" }, filters: { new: { environment: "production", sort: "hostname" } } });
    expect((await call(exporter.GET, "GET", "/api/export/servers", otherKey)).status).toBe(403);
  });

  it("previews without writing, with the rejected lines' numbers; commits the accepted lines in one go", async () => {
    const csv = [
      "hostname,addresses,kind,location,country,os,cpu_cores,memory_mb,disk_gb,environment,role,tags,team,criticality",
      "ora-web-01,10.31.0.11;10.31.0.12,vm,DC Oran — Es Senia,DZ,Debian 12,8,16384,120,production,web,nginx;public,web,high",
      'tlm-db-01,10.41.0.21,physical,"DC Tlemcen,\nsalle 2",DZ,Rocky Linux 9,32,131072,4000,production,db,postgresql,données,critical',
      "tlm-web-01,10.41.0.300,vm,DC Tlemcen,DZ,,,,,production,web,,web,",
      "tlm-cache-01,,vm,DC Tlemcen,TN,,two,,,staging,cache,redis,plateforme,",
      "ora-old-01,,vm,DC Oran — Es Senia,DZ,,,,,production,web,,web,",
      "TLM-DB-01,,vm,DC Tlemcen,DZ,,,,,production,db,,données,",
      "tlm-mail-01,10.41.0.25,vm,DC Tlemcen,DZ,Debian 12,2,4096,40,production,mail,postfix,plateforme,",
      "tlm-short-01,vm",
    ].join("\n");
    const before = await db.select({ n: count() }).from(servers);
    const preview = await db.transaction((tx) => importServersCsv(tx, devops, { csv, mode: "preview" }));
    const rejectedLines = (r: ImportReport) => r.rejected.map((x) => [x.line, x.errors.map((e) => `${e.field}:${e.message}`).join(" ")]);
    expect(preview).toMatchObject({ mode: "preview", created: 2, updated: 1 });
    expect(rejectedLines(preview)).toEqual([
      [5, "addresses:serverAddressInvalid"],
      [6, "cpu_cores:serverCpuInvalid"],
      [7, "hostname:serverDecommissioned"],
      [8, "hostname:serverCsvHostnameRepeated"],
      [10, "null:serverCsvColumnCount"],
    ]);
    expect(preview.lines).toEqual([
      { line: 2, hostname: "ora-web-01", action: "update" },
      { line: 3, hostname: "tlm-db-01", action: "create" },
      { line: 9, hostname: "tlm-mail-01", action: "create" },
    ]);
    expect(await db.select({ n: count() }).from(servers)).toEqual(before);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "server.imported"))).toHaveLength(0);

    const { importServersAction } = await import("@/app/(staff)/devops/servers/actions");
    session.userId = user.id;
    expect(await importServersAction({ csv, mode: "commit" })).toMatchObject({ ok: false, code: "forbidden" });
    session.userId = devops.id;
    const committed = await importServersAction({ csv, mode: "commit" });
    expect(committed.ok).toBe(true);
    const report = (committed as { data: ImportReport }).data;
    expect([report.created, report.updated, report.rejected.length]).toEqual([2, 1, 5]);
    expect(await db.select({ n: count() }).from(servers)).toEqual([{ n: before[0]!.n + 2 }]);
    const [tlm] = await db.select().from(servers).where(eq(servers.hostname, "tlm-db-01"));
    expect(tlm).toMatchObject({
      location: "DC Tlemcen,\nsalle 2",
      status: "provisioning",
      tags: ["postgresql"],
      memoryMb: 131_072,
      criticality: "critical",
    });
    const [web] = await db.select().from(servers).where(eq(servers.hostname, "ora-web-01"));
    expect(web).toMatchObject({
      addresses: ["10.31.0.11", "10.31.0.12"],
      os: "Debian 12",
      memoryMb: 16_384,
      criticality: "high",
      status: "running",
    });
    expect((await audits(web!.id, "server.updated")).length).toBeGreaterThanOrEqual(2);
    const [summary] = await db.select().from(auditLog).where(eq(auditLog.action, "server.imported"));
    expect(summary!.changes).toEqual({ created: { old: null, new: 2 }, updated: { old: null, new: 1 }, rejected: { old: null, new: 5 } });
  });

  it("rejects a file whose header is wrong as line 1, and takes an export back unchanged", async () => {
    const bad = await db.transaction((tx) => importServersCsv(tx, devops, { csv: "hostname;colour;kind\nx;red;vm", mode: "commit" }));
    expect(bad).toMatchObject({ created: 0, updated: 0, lines: [] });
    expect(bad.rejected).toEqual([
      {
        line: 1,
        hostname: null,
        errors: [
          { field: "colour", message: "serverCsvColumnUnknown" },
          { field: "location", message: "serverCsvColumnMissing" },
          { field: "environment", message: "serverCsvColumnMissing" },
        ],
      },
    ]);
    const exported = await (await call(exporter.GET, "GET", "/api/export/servers?status=running", readerKey)).text();
    const again = await db.transaction((tx) => importServersCsv(tx, devops, { csv: exported, mode: "preview" }));
    expect(again.rejected).toEqual([]);
    expect(again.created).toBe(0);
    expect(again.updated).toBe(1);
  });
});

describe("demo seed", () => {
  it("seeds ~30 servers in three locations, one per special status, grants, notes and a token per running server", async () => {
    const seeded = await db.transaction((tx) => seedServers(tx, systemActor));
    expect(seeded.length).toBeGreaterThanOrEqual(28);
    const byStatus = (s: string) => seeded.filter((x) => x.status === s).map((x) => x.hostname);
    expect(byStatus("maintenance")).toEqual(["cas-db-02"]);
    expect(byStatus("stopped")).toEqual(["gra-ci-runner-02"]);
    expect(byStatus("decommissioned")).toEqual(["alg-backup-00"]);
    expect(byStatus("running").length).toBeGreaterThan(seeded.length - 5);
    expect(new Set(seeded.map((s) => s.country))).toEqual(new Set(["DZ", "MA", "FR"]));
    const running = seeded.filter((s) => s.status === "running");
    const live = await db
      .select({ n: count() })
      .from(agentTokens)
      .where(
        and(
          isNull(agentTokens.revokedAt),
          inArray(
            agentTokens.serverId,
            running.map((s) => s.id),
          ),
        ),
      );
    expect(live).toEqual([{ n: running.length }]);
    const retired = seeded.find((s) => s.hostname === "alg-backup-00")!;
    expect((await detail(retired.id)).history.map((h) => h.toStatus)).toEqual(["decommissioned", "stopped", "running", "provisioning"]);
    const expired = (await detail(seeded.find((s) => s.hostname === "cas-db-01")!.id)).grants;
    expect(expired).toEqual([expect.objectContaining({ principal: "prestataire", expired: true })]);
  });
});
