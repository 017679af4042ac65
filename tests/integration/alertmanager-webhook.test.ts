import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as route from "@/app/api/monitoring/alertmanager/route";
import type { Db } from "@/db/client";
import { alertInstances, auditLog, incidentEvents, incidentServers, incidents, notifications, servers } from "@/db/schema";
import type { UserActor } from "@/server/auth/actor";
import { severityFromLabel, hostsOf } from "@/server/devops/alerts/alertmanager-alert";
import { createApiKey } from "@/server/integrations/api-key-admin";
import { freshDb, systemActor } from "../support/db";
import { makeUser } from "../support/maintenance-fixtures";

/** The browser session the route sees (Auth.js itself is not under test). */
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId }, authTime: Date.now() + 60_000 } : null),
}));

process.env.AUTH_SECRET ??= "vitest-only-secret-0c9a7e5d3b1f";
let db: Db;
let admin: UserActor;
let devops: UserActor;
let alertsKey: string;
let readerKey: string;
let dbServer: string;
let ip = 0;

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const POST = route.POST as Handler;

/** POST /api/monitoring/alertmanager as Alertmanager sends it (Bearer credentials), or as a signed-in user. */
function send(body: unknown, as: { key?: string; user?: UserActor } = { key: alertsKey }) {
  session.userId = as.user?.id ?? null;
  const headers: Record<string, string> = { "content-type": "application/json", "x-forwarded-for": `10.8.0.${++ip % 250}` };
  if (as.key) headers.authorization = `Bearer ${as.key}`;
  return POST(new Request("http://localhost/api/monitoring/alertmanager", { method: "POST", headers, body: JSON.stringify(body) }), {
    params: Promise.resolve({}),
  });
}

const startsAt = "2026-11-20T07:58:12.123456789Z";
const zero = "0001-01-01T00:00:00Z";

function hostDown(status: "firing" | "resolved", extra: Record<string, unknown> = {}) {
  return {
    status,
    labels: { alertname: "HostDown", severity: "critical", instance: "db-01.dc1.example.dz:9100", job: "node" },
    annotations: { summary: "db-01 ne répond plus", description: "node_exporter injoignable depuis 2 minutes" },
    startsAt,
    endsAt: status === "firing" ? zero : "2026-11-20T08:20:00.5Z",
    generatorURL: "http://prometheus.dc1.example.dz:9090/graph?g0.expr=up%3D%3D0",
    fingerprint: "5e2f1c0a9b8d7e6f",
    ...extra,
  };
}

function payload(status: "firing" | "resolved", alerts: unknown[], extra: Record<string, unknown> = {}) {
  return {
    version: "4",
    groupKey: '{}:{alertname="HostDown"}',
    truncatedAlerts: 0,
    status,
    receiver: "dihya",
    groupLabels: { alertname: "HostDown" },
    commonLabels: { alertname: "HostDown", severity: "critical" },
    commonAnnotations: {},
    externalURL: "http://alertmanager.dc1.example.dz:9093",
    alerts,
    ...extra,
  };
}

/** Everything a replay must leave as it is. */
async function counts() {
  const count = async (table: typeof alertInstances | typeof incidents | typeof notifications | typeof incidentEvents) =>
    Number((await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n);
  return {
    instances: await count(alertInstances),
    incidents: await count(incidents),
    notifications: await count(notifications),
    events: await count(incidentEvents),
    live: Number(
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(alertInstances)
          .where(sql`${alertInstances.state} <> 'resolved'`)
      )[0]?.n,
    ),
  };
}

beforeAll(async () => {
  db = await freshDb();
  admin = await makeUser(db, "admin", "Amina Benali");
  devops = await makeUser(db, "devops", "Yanis Meziane");
  const key = (scopes: string[]) =>
    db.transaction(
      async (tx) => (await createApiKey(tx, systemActor, { name: `Alertmanager ${scopes.join(" ")}`, scopes: scopes as never })).value,
    );
  alertsKey = await key(["alerts:write"]);
  readerKey = await key(["monitoring:read"]);
  const [row] = await db
    .insert(servers)
    .values({
      hostname: "db-01",
      kind: "vm",
      location: "DC Alger — Oued Smar",
      environment: "production",
      role: "database",
      status: "running",
    })
    .returning({ id: servers.id });
  dbServer = row!.id;
});

describe("POST /api/monitoring/alertmanager", () => {
  let incidentId: string;

  it("refuses a call without credentials (401), a key without alerts:write (403), another version (422)", async () => {
    expect((await send(payload("firing", [hostDown("firing")]), {})).status).toBe(401);
    expect((await send(payload("firing", [hostDown("firing")]), { key: readerKey })).status).toBe(403);
    const v3 = await send(payload("firing", [hostDown("firing")], { version: "3" }));
    expect(v3.status).toBe(422);
    expect(((await v3.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(["version"]);
    expect((await send({ ...payload("firing", [hostDown("firing", { fingerprint: "" })]) })).status).toBe(422);
    expect(await counts()).toMatchObject({ instances: 0, incidents: 0, notifications: 0 });
  });

  it("opens an alert and an incident for a firing alert, and tells devops once", async () => {
    const response = await send(payload("firing", [hostDown("firing")]));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: 1, opened: 1, resolved: 0, unchanged: 0 });
    const [instance] = await db.select().from(alertInstances).where(eq(alertInstances.fingerprint, "5e2f1c0a9b8d7e6f"));
    expect(instance).toMatchObject({ source: "alertmanager", state: "firing", name: "HostDown", severity: "sev1", serverId: dbServer });
    expect(instance?.startsAt?.toISOString()).toBe("2026-11-20T07:58:12.123Z");
    expect(instance?.annotations).toMatchObject({ summary: "db-01 ne répond plus", generatorURL: expect.stringContaining("prometheus") });
    incidentId = instance!.incidentId!;
    const [incident] = await db.select().from(incidents).where(eq(incidents.id, incidentId));
    expect(incident).toMatchObject({ source: "alertmanager", severity: "sev1", status: "triggered", title: "HostDown — db-01" });
    expect(incident?.description).toContain("db-01 ne répond plus");
    expect(await db.select().from(incidentServers).where(eq(incidentServers.incidentId, incidentId))).toEqual([
      { incidentId, serverId: dbServer },
    ]);
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, devops.id), eq(notifications.kind, "devops.alert.firing")));
    expect(told).toHaveLength(1);
    expect(told[0]?.params).toMatchObject({ alert: "HostDown", server: "db-01", severity: "SEV1", summary: "db-01 ne répond plus" });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, instance!.id), eq(auditLog.action, "alert_instance.fired")));
    expect(audit).toMatchObject({ actorType: "api_key", actorLabel: "Alertmanager alerts:write" });
  });

  it("changes nothing when the same firing payload is replayed (Alertmanager repeats)", async () => {
    const before = await counts();
    const response = await send(payload("firing", [hostDown("firing")]));
    expect(await response.json()).toEqual({ received: 1, opened: 0, resolved: 0, unchanged: 1 });
    expect(await counts()).toEqual(before);
  });

  it("resolves the alert and its incident with a resolved payload; a replay of it changes nothing", async () => {
    const response = await send(payload("resolved", [hostDown("resolved")]));
    expect(await response.json()).toEqual({ received: 1, opened: 0, resolved: 1, unchanged: 0 });
    const [instance] = await db.select().from(alertInstances).where(eq(alertInstances.fingerprint, "5e2f1c0a9b8d7e6f"));
    expect(instance?.state).toBe("resolved");
    expect(instance?.resolvedAt?.toISOString()).toBe("2026-11-20T08:20:00.500Z");
    const [incident] = await db.select().from(incidents).where(eq(incidents.id, incidentId));
    expect(incident?.status).toBe("resolved");
    const resolvedNotes = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, devops.id), eq(notifications.kind, "devops.alert.resolved")));
    expect(resolvedNotes).toHaveLength(1);

    const before = await counts();
    expect(await (await send(payload("resolved", [hostDown("resolved")]))).json()).toEqual({
      received: 1,
      opened: 0,
      resolved: 0,
      unchanged: 1,
    });
    // A late replay of the old firing (same fingerprint and startsAt) does not reopen it either.
    expect(await (await send(payload("firing", [hostDown("firing")]))).json()).toEqual({
      received: 1,
      opened: 0,
      resolved: 0,
      unchanged: 1,
    });
    expect(await counts()).toEqual(before);
  });

  it("opens a new alert when the same fingerprint fires again later, de-duplicating within a payload; admins may post", async () => {
    const again = hostDown("firing", { startsAt: "2026-11-20T10:00:00Z" });
    const disk = {
      ...hostDown("firing", { fingerprint: "00aa11bb22cc33dd" }),
      labels: { alertname: "DiskFull", severity: "warning", server: "unknown-host" },
      annotations: { summary: "Disque plein" },
    };
    const response = await send(payload("firing", [again, again, disk]), { user: admin });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: 3, opened: 2, resolved: 0, unchanged: 1 });
    const [diskAlert] = await db.select().from(alertInstances).where(eq(alertInstances.fingerprint, "00aa11bb22cc33dd"));
    expect(diskAlert).toMatchObject({ severity: "sev3", serverId: null, state: "firing" });
    const [diskIncident] = await db.select().from(incidents).where(eq(incidents.id, diskAlert!.incidentId!));
    expect(diskIncident).toMatchObject({ severity: "sev3", title: "DiskFull — unknown-host" });
    expect((await counts()).live).toBe(2);
  });

  it("maps Alertmanager severities and hosts", () => {
    expect(["critical", "high", "error", "warning", "info", "page", undefined, "sev2", "SEV4"].map(severityFromLabel)).toEqual([
      "sev1",
      "sev2",
      "sev2",
      "sev3",
      "sev4",
      "sev4",
      "sev4",
      "sev2",
      "sev4",
    ]);
    expect(hostsOf({ instance: "web-01:9100" })).toEqual(["web-01"]);
    expect(hostsOf({ instance: "[2001:db8::1]:9100", server: "Web-02" })).toEqual(["web-02", "2001:db8::1"]);
    expect(hostsOf({ instance: "10.0.0.5:9100" })).toEqual(["10.0.0.5"]);
  });
});
