import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as exportRoute from "@/app/api/export/sla/route";
import * as commentsRoute from "@/app/api/incidents/[id]/comments/route";
import * as itemRoute from "@/app/api/incidents/[id]/route";
import * as listRoute from "@/app/api/incidents/route";
import type { Db } from "@/db/client";
import { auditLog, incidentEvents, incidents, notifications, servers } from "@/db/schema";
import { seedIncidents } from "@/db/seed/devops/incidents";
import { seedSlaReference } from "@/db/seed/devops/sla";
import type { UserActor } from "@/server/auth/actor";
import { addAlertEvent, openIncidentFromAlert, resolveIncidentFromAlert } from "@/server/devops/incidents/incident-alerts";
import { openIncident } from "@/server/devops/incidents/open-incident";
import { checkSlaClocks } from "@/server/devops/incidents/sla-check";
import { slaReport } from "@/server/devops/incidents/sla-report";
import { freshDb } from "../support/db";
import { makeUser } from "../support/maintenance-fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId }, authTime: Date.now() + 60_000 } : null),
}));
process.env.AUTH_SECRET ??= "vitest-only-secret-0c9a7e5d3b1f";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const list = listRoute as unknown as Record<"GET" | "POST" | "PUT", Handler>;
const item = itemRoute as unknown as Record<"GET" | "PATCH" | "POST", Handler>;
const comments = commentsRoute as unknown as Record<"POST" | "GET", Handler>;
const exportCsv = exportRoute as unknown as Record<"GET", Handler>;
let ip = 0;

function call(handler: Handler, method: string, path: string, as: UserActor | null, body?: unknown, id?: string) {
  session.userId = as?.id ?? null;
  const headers: Record<string, string> = { "x-forwarded-for": `10.9.0.${++ip % 250}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const request = new Request(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return handler(request, { params: Promise.resolve<Record<string, string>>(id ? { id } : {}) });
}

type Detail = {
  id: string;
  ref: string;
  status: string;
  severity: string;
  source: string;
  sla: { ack: { state: string; dueAt: string } | null; resolve: { state: string } | null };
  policy: { name: string } | null;
  servers: { id: string; hostname: string }[];
  timeline: { kind: string; data: Record<string, unknown>; body: string | null }[];
  transitions: string[];
};

let db: Db;
let admin: UserActor;
let devops: UserActor;
let devops2: UserActor;
let user: UserActor;
let other: UserActor;
let serverDz: string;
let serverMa: string;
let userIncident: Detail;
let otherIncident: Detail;

async function makeServer(hostname: string, country: string): Promise<string> {
  const [row] = await db
    .insert(servers)
    .values({ hostname, kind: "vm", location: "OVH", country, environment: "production" })
    .returning({ id: servers.id });
  return row!.id;
}
const kindsFor = async (userId: string) =>
  (await db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, userId))).map((n) => n.kind);
const auditActions = async (id: string) =>
  (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id))).map((a) => a.action);

beforeAll(async () => {
  db = await freshDb();
  await db.transaction((tx) => seedSlaReference(tx));
  admin = await makeUser(db, "admin", "Amina Admin");
  devops = await makeUser(db, "devops", "Karim Devops");
  devops2 = await makeUser(db, "devops", "Lina Devops");
  user = await makeUser(db, "user", "Salma User");
  other = await makeUser(db, "user", "Omar User");
  serverDz = await makeServer("web-01.alger", "DZ");
  serverMa = await makeServer("db-01.casa", "MA");
});

describe("incidents API", () => {
  it("a user opens an incident (201, Location, default Algerian policy, devops notified, audited)", async () => {
    const res = await call(list.POST, "POST", "/api/incidents", user, {
      title: "Impossible d’accéder à la messagerie",
      description: "Depuis ce matin.",
      severity: "sev3",
    });
    expect(res.status).toBe(201);
    userIncident = (await res.json()) as Detail;
    expect(res.headers.get("location")).toBe(`/api/incidents/${userIncident.id}`);
    expect(userIncident).toMatchObject({ status: "triggered", severity: "sev3", source: "api", policy: { name: "SLA Algérie" } });
    expect(userIncident.sla.ack?.dueAt).toBeTruthy();
    expect(userIncident.ref).toMatch(/^INC-\d{6}$/);
    expect(await kindsFor(devops.id)).toContain("devops.incident.opened");
    expect(await kindsFor(user.id)).not.toContain("devops.incident.opened");
    expect(await auditActions(userIncident.id)).toContain("incident.opened");

    const second = await call(list.POST, "POST", "/api/incidents", other, { title: "Imprimante hors service", severity: "sev4" });
    expect(second.status).toBe(201);
    otherIncident = (await second.json()) as Detail;
  });

  it("a user may not relate servers (they cannot read the inventory), nor send nonsense", async () => {
    const res = await call(list.POST, "POST", "/api/incidents", user, { title: "Serveur lent", severity: "sev2", serverIds: [serverDz] });
    expect(res.status).toBe(403);
    const bad = await call(list.POST, "POST", "/api/incidents", user, { title: "x", severity: "sev9" });
    expect(bad.status).toBe(422);
    const guest = await makeUser(db, "guest", "Invité");
    expect((await call(list.POST, "POST", "/api/incidents", guest, { title: "Panne", severity: "sev2" })).status).toBe(403);
  });

  it("a user lists only their own incidents and gets 404 on someone else's, 403 on PATCH", async () => {
    const res = await call(list.GET, "GET", "/api/incidents", user);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { id: string }[]; total: number };
    expect(body.data.map((i) => i.id)).toEqual([userIncident.id]);
    expect(body.total).toBe(1);
    expect((await call(item.GET, "GET", `/api/incidents/${otherIncident.id}`, user, undefined, otherIncident.id)).status).toBe(404);
    expect((await call(item.GET, "GET", `/api/incidents/${userIncident.id}`, user, undefined, userIncident.id)).status).toBe(200);
    expect((await call(item.GET, "GET", "/api/incidents/nope", user, undefined, "nope")).status).toBe(404);
    const patch = await call(item.PATCH, "PATCH", `/api/incidents/${userIncident.id}`, user, { status: "acknowledged" }, userIncident.id);
    expect(patch.status).toBe(403);
    const all = (await (await call(list.GET, "GET", "/api/incidents", devops)).json()) as { data: { id: string }[] };
    expect(all.data.map((i) => i.id)).toEqual(expect.arrayContaining([userIncident.id, otherIncident.id]));
  });

  it("devops acknowledges (ack clock met), the opener is told; an invalid move is 409", async () => {
    const res = await call(item.PATCH, "PATCH", `/api/incidents/${userIncident.id}`, devops, { status: "acknowledged" }, userIncident.id);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Detail;
    expect(body.status).toBe("acknowledged");
    expect(body.sla.ack?.state).toBe("met");
    expect(body.sla.resolve?.state).toMatch(/running|warning/);
    expect(body.transitions).toEqual(["investigating", "mitigated", "resolved", "cancelled"]);
    expect(body.timeline.filter((e) => e.kind === "status").map((e) => e.data.to)).toEqual(["triggered", "acknowledged"]);
    expect(await kindsFor(user.id)).toContain("devops.incident.updated");
    expect(await auditActions(userIncident.id)).toContain("incident.status_changed");

    const invalid = await call(item.PATCH, "PATCH", `/api/incidents/${userIncident.id}`, devops, { status: "closed" }, userIncident.id);
    expect(invalid.status).toBe(409); // acknowledged → closed skips resolution
    const skip = await call(item.PATCH, "PATCH", `/api/incidents/${userIncident.id}`, devops, { status: "triggered" }, userIncident.id);
    expect(skip.status).toBe(409);
    expect(((await skip.json()) as { code: string }).code).toBe("conflict");
  });

  it("comments: the opener on their own incident, managers on any; others get 404", async () => {
    const own = await call(
      comments.POST,
      "POST",
      `/api/incidents/${userIncident.id}/comments`,
      user,
      { body: "Toujours bloqué." },
      userIncident.id,
    );
    expect(own.status).toBe(201);
    const foreign = await call(
      comments.POST,
      "POST",
      `/api/incidents/${otherIncident.id}/comments`,
      user,
      { body: "Moi aussi" },
      otherIncident.id,
    );
    expect(foreign.status).toBe(404);
    const manager = await call(
      comments.POST,
      "POST",
      `/api/incidents/${userIncident.id}/comments`,
      devops,
      { body: "On regarde." },
      userIncident.id,
    );
    expect(manager.status).toBe(201);
    const detail = (await (
      await call(item.GET, "GET", `/api/incidents/${userIncident.id}`, user, undefined, userIncident.id)
    ).json()) as Detail;
    expect(detail.timeline.filter((e) => e.kind === "comment").map((e) => e.body)).toEqual(["Toujours bloqué.", "On regarde."]);
    // The opener does not see internal entries (notifications).
    expect(detail.timeline.some((e) => e.kind === "notification")).toBe(false);
  });

  it("assigns to a devops account (notified); a user cannot be assignee", async () => {
    const res = await call(item.PATCH, "PATCH", `/api/incidents/${userIncident.id}`, devops, { assigneeId: devops2.id }, userIncident.id);
    expect(res.status).toBe(200);
    expect(await kindsFor(devops2.id)).toContain("devops.incident.assigned");
    const bad = await call(item.PATCH, "PATCH", `/api/incidents/${userIncident.id}`, devops, { assigneeId: user.id }, userIncident.id);
    expect(bad.status).toBe(422);
  });

  it("resolves, then closing needs the review: 422 with one error per field and nothing written, then OK", async () => {
    const resolved = await call(item.PATCH, "PATCH", `/api/incidents/${userIncident.id}`, devops, { status: "resolved" }, userIncident.id);
    expect(((await resolved.json()) as Detail).sla.resolve?.state).toBe("met");
    const refused = await call(
      item.PATCH,
      "PATCH",
      `/api/incidents/${userIncident.id}`,
      devops,
      { status: "closed", impact: "Messagerie indisponible pour 12 personnes" },
      userIncident.id,
    );
    expect(refused.status).toBe(422);
    const problem = (await refused.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path)).toEqual(["summary", "rootCause"]);
    const [still] = await db.select().from(incidents).where(eq(incidents.id, userIncident.id));
    expect(still).toMatchObject({ status: "resolved", impact: null });

    const closed = await call(
      item.PATCH,
      "PATCH",
      `/api/incidents/${userIncident.id}`,
      devops,
      { status: "closed", summary: "Quota de boîte plein", rootCause: "Purge automatique désactivée" },
      userIncident.id,
    );
    expect(closed.status).toBe(200);
    const body = (await closed.json()) as Detail & { review: { summary: string } };
    expect(body.status).toBe("closed");
    expect(body.review.summary).toBe("Quota de boîte plein");
    expect(body.transitions).toEqual([]);
    expect(await auditActions(userIncident.id)).toEqual(
      expect.arrayContaining(["incident.reviewed", "incident.assigned", "incident.commented"]),
    );
    const again = await call(
      item.PATCH,
      "PATCH",
      `/api/incidents/${userIncident.id}`,
      devops,
      { status: "investigating" },
      userIncident.id,
    );
    expect(again.status).toBe(409);
  });

  it("managers relate servers; the policy follows the first server's country", async () => {
    const res = await call(list.POST, "POST", "/api/incidents", devops, {
      title: "Réplication en retard",
      severity: "sev2",
      serverIds: [serverMa, serverDz],
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Detail;
    expect(body.policy?.name).toBe("SLA Maroc");
    expect(body.servers.map((s) => s.hostname).sort()).toEqual(["db-01.casa", "web-01.alger"]);
    const unknown = await call(list.POST, "POST", "/api/incidents", devops, {
      title: "Serveur inconnu",
      severity: "sev2",
      serverIds: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(unknown.status).toBe(422);
    const patched = await call(item.PATCH, "PATCH", `/api/incidents/${body.id}`, admin, { serverIds: [serverDz] }, body.id);
    expect(((await patched.json()) as Detail).servers.map((s) => s.hostname)).toEqual(["web-01.alger"]);
  });

  it("filters the list (status, severity, q, breached)", async () => {
    const get = async (qs: string) =>
      ((await (await call(list.GET, "GET", `/api/incidents?${qs}`, devops)).json()) as { data: { id: string; severity: string }[] }).data;
    expect((await get("status=closed")).map((i) => i.id)).toEqual([userIncident.id]);
    expect((await get("severity=sev4")).map((i) => i.id)).toEqual([otherIncident.id]);
    expect((await get("q=imprimante")).map((i) => i.id)).toEqual([otherIncident.id]);
    expect((await get(`q=${otherIncident.ref}`)).map((i) => i.id)).toEqual([otherIncident.id]);
    expect(await get("breached=1")).toEqual([]);
    expect((await call(list.GET, "GET", "/api/incidents?status=bogus", devops)).status).toBe(422);
  });
});

describe("SLA job, alerts, report", () => {
  it("warns and breaches once each per clock", async () => {
    // Tuesday 20 January 2026 08:00 Algiers, sev2: 30 min to acknowledge → 08:30; warning at 24 min.
    const row = await db.transaction((tx) =>
      openIncident(
        tx,
        devops,
        { title: "Portail lent", description: "", severity: "sev2", serverIds: [] },
        { at: new Date("2026-01-20T07:00:00Z") },
      ),
    );
    const run = (iso: string) => db.transaction((tx) => checkSlaClocks(tx, new Date(iso)));
    await run("2026-01-20T07:20:00Z");
    await run("2026-01-20T07:24:00Z");
    await run("2026-01-20T07:25:00Z");
    await run("2026-01-20T07:30:00Z");
    await run("2026-01-20T07:45:00Z");
    const events = await db.select().from(incidentEvents).where(eq(incidentEvents.incidentId, row.id));
    expect(events.filter((e) => e.kind === "sla_warning").map((e) => [e.at.toISOString(), (e.data as { clock: string }).clock])).toEqual([
      ["2026-01-20T07:24:00.000Z", "ack"],
    ]);
    expect(events.filter((e) => e.kind === "sla_breach").map((e) => e.at.toISOString())).toEqual(["2026-01-20T07:30:00.000Z"]);
    const n = await db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(and(eq(notifications.userId, devops2.id), eq(notifications.link, `/devops/incidents/${row.id}`)));
    expect(n.map((x) => x.kind).sort()).toEqual(["devops.incident.opened", "devops.sla.breached", "devops.sla.warning"]);
    expect(await auditActions(row.id)).toEqual(expect.arrayContaining(["incident.sla_warning", "incident.sla_breached"]));
  });

  it("opens and resolves incidents from alerts", async () => {
    const opened = await db.transaction((tx) =>
      openIncidentFromAlert(tx, {
        title: "CPU > 95 % sur web-01.alger",
        description: "Règle cpu-high",
        severity: "sev2",
        serverIds: [serverDz],
        source: "alert",
        alertInstanceId: "11111111-1111-4111-8111-111111111111",
        alertName: "cpu-high",
      }),
    );
    expect(opened.number).toBeGreaterThan(0);
    await db.transaction((tx) => addAlertEvent(tx, opened.id, { alertName: "cpu-high", state: "firing", at: new Date() }));
    await db.transaction((tx) => resolveIncidentFromAlert(tx, opened.id, { alertName: "cpu-high", at: new Date() }));
    await db.transaction((tx) => resolveIncidentFromAlert(tx, opened.id, { alertName: "cpu-high", at: new Date() })); // no-op
    const [row] = await db.select().from(incidents).where(eq(incidents.id, opened.id));
    expect(row).toMatchObject({ status: "resolved", source: "alert", openedById: null, openedByLabel: "alert:cpu-high" });
    const events = await db.select().from(incidentEvents).where(eq(incidentEvents.incidentId, opened.id));
    expect(events.filter((e) => e.kind === "alert").map((e) => (e.data as { state: string }).state)).toEqual([
      "firing",
      "firing",
      "resolved",
    ]);
    expect(events.filter((e) => e.kind === "status").map((e) => (e.data as { to: string }).to)).toEqual(["triggered", "resolved"]);
    expect(await auditActions(opened.id)).toEqual(["incident.opened", "incident.status_changed"]);
  });

  it("reports the month per severity and exports it as CSV", async () => {
    const report = await db.transaction((tx) => slaReport(tx, devops, "2026-01", new Date("2026-01-21T12:00:00Z")));
    const sev2 = report.rows.find((r) => r.severity === "sev2")!;
    expect(sev2).toMatchObject({ count: 1, ackBreached: 1, ackMetPercent: 0 });
    const res = await call(exportCsv.GET, "GET", "/api/export/sla?month=2026-01", devops);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const text = await res.text();
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(2);
    expect(text).toContain("Portail lent");
    expect((await call(exportCsv.GET, "GET", "/api/export/sla?month=2026-13", devops)).status).toBe(422);
    expect((await call(exportCsv.GET, "GET", "/api/export/sla?month=2026-01", user)).status).toBe(403);
  });
});

describe("demo incidents", () => {
  it("seeds a month of incidents through the services: closed with review, breached, paused, open", async () => {
    const now = new Date("2026-03-04T10:00:00Z"); // a Wednesday
    const before = (await db.select({ id: incidents.id }).from(incidents)).map((r) => r.id);
    const count = await db.transaction((tx) =>
      seedIncidents(tx, { kind: "system", id: "seed" }, [{ id: serverDz }, { id: serverMa }], now),
    );
    expect(count).toBe(12);
    const rows = (await db.select().from(incidents)).filter((r) => !before.includes(r.id));
    const by = (status: string) => rows.filter((r) => r.status === status);
    expect(by("closed").length).toBeGreaterThanOrEqual(6);
    expect(by("closed").every((r) => r.summary && r.rootCause)).toBe(true);
    expect(by("cancelled")).toHaveLength(1);
    expect(rows.filter((r) => r.pausedAt)).toHaveLength(1);
    expect(by("triggered").map((r) => r.severity)).toEqual(["sev1"]);
    expect(by("investigating").length).toBeGreaterThanOrEqual(1);
    expect(rows.some((r) => r.ackBreachedAt)).toBe(true);
    expect(rows.some((r) => r.resolveBreachedAt)).toBe(true);
    expect(rows.every((r) => r.createdAt <= now && r.createdAt > new Date(now.getTime() - 31 * 86_400_000))).toBe(true);
    const reopened = await db.transaction((tx) => slaReport(tx, devops, "2026-02", now));
    expect(reopened.total.count).toBeGreaterThan(5);
  });
});
