import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { listAuditQuery } from "@/lib/validation/audit";
import type { UserActor } from "@/server/auth/actor";
import { auditExportSource, getAuditEntry, listAudit } from "@/server/platform/audit-query";
import { createUser } from "@/server/users/users-service";
import { freshDb, systemActor } from "../support/db";

let db: Db;
let admin: UserActor;
const agent: UserActor = {
  kind: "user",
  id: "00000000-0000-4000-8000-000000000001",
  role: "user",
  name: "Agent",
  email: "agent@example.dz",
  locale: "fr",
  theme: "system",
};
const ids = {
  lateEvening: "10000000-0000-4000-8000-000000000001",
  afterMidnight: "10000000-0000-4000-8000-000000000002",
  apiKey: "10000000-0000-4000-8000-000000000003",
};

/** Drizzle wraps the driver's error ("Failed query: …"); the trigger's message is its cause. */
async function expectRefused(query: PromiseLike<unknown>) {
  const error: unknown = await Promise.resolve(query).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).not.toBeNull();
  const messages = [error, (error as { cause?: unknown }).cause].map((e) => (e instanceof Error ? e.message : ""));
  expect(messages.join(" | ")).toMatch(/audit_log is append-only/);
}

const list = (query: Record<string, string>) => listAudit(db, admin, listAuditQuery.parse({ limit: "100", ...query }));
const idsOf = (page: { data: { id: string }[] }) => page.data.map((r) => r.id);

beforeAll(async () => {
  db = await freshDb();
  const created = await db.transaction((tx) =>
    createUser(tx, systemActor, {
      name: "Amina Benali",
      email: "amina@example.dz",
      role: "admin",
      locale: "fr",
      password: "correct horse battery",
    }),
  );
  admin = { kind: "user", id: created.id, role: "admin", name: created.name, email: created.email, locale: "fr", theme: "system" };
  await db.insert(auditLog).values([
    // 22:30 UTC = 23:30 in Algiers (UTC+1): still 1 March there.
    {
      id: ids.lateEvening,
      at: new Date("2026-03-01T22:30:00Z"),
      actorType: "user",
      actorId: admin.id,
      actorLabel: "amina@example.dz",
      action: "user.updated",
      entityType: "user",
      entityId: "u-1",
      changes: { role: { old: "user", new: "devops" } },
      ip: "203.0.113.7",
      userAgent: "Mozilla/5.0 (X11; Linux x86_64)",
      requestId: "req-42",
    },
    // 23:30 UTC on 1 March = 00:30 on 2 March in Algiers.
    {
      id: ids.afterMidnight,
      at: new Date("2026-03-01T23:30:00Z"),
      actorType: "user",
      actorId: admin.id,
      actorLabel: "amina@example.dz",
      action: "user.disabled",
      entityType: "user",
      entityId: "u-2",
    },
    {
      id: ids.apiKey,
      at: new Date("2026-03-05T10:00:00Z"),
      actorType: "api_key",
      actorId: "k-9",
      actorLabel: "Démo IoT",
      action: "api_key.created",
      entityType: "api_key",
      entityId: "k-9",
    },
  ]);
});

describe("audit trail service", () => {
  it("filters by actor type, and by text in the actor's label or id", async () => {
    expect(idsOf(await list({ actor_type: "api_key" }))).toEqual([ids.apiKey]);
    expect(idsOf(await list({ actor: "DÉMO" }))).toEqual([ids.apiKey]);
    expect(idsOf(await list({ actor: "k-9" }))).toEqual([ids.apiKey]);
    expect(idsOf(await list({ actor: "amina@", actor_type: "user" }))).toEqual([ids.afterMidnight, ids.lateEvening]);
    expect(idsOf(await list({ actor: "50%_" }))).toEqual([]);
  });

  it("filters by entity type and id", async () => {
    expect(idsOf(await list({ entity_type: "user", entity_id: "u-2" }))).toEqual([ids.afterMidnight]);
    expect(idsOf(await list({ entity_type: "api_key" }))).toEqual([ids.apiKey]);
  });

  it("filters by exact action, or by prefix with *", async () => {
    expect(idsOf(await list({ action: "user.disabled" }))).toEqual([ids.afterMidnight]);
    const users = await list({ action: "user.*" });
    expect(users.data.every((r) => r.action.startsWith("user."))).toBe(true);
    expect(users.data.map((r) => r.action)).toEqual(expect.arrayContaining(["user.created", "user.updated", "user.disabled"]));
    expect(idsOf(await list({ action: "user." }))).toEqual([]);
  });

  it("reads the period as whole days in Africa/Algiers", async () => {
    expect(idsOf(await list({ from: "2026-03-02", to: "2026-03-02" }))).toEqual([ids.afterMidnight]);
    expect(idsOf(await list({ from: "2026-03-01", to: "2026-03-01" }))).toEqual([ids.lateEvening]);
    expect(idsOf(await list({ from: "2026-03-01", to: "2026-03-05" }))).toEqual([ids.apiKey, ids.afterMidnight, ids.lateEvening]);
    expect(listAuditQuery.safeParse({ from: "2026-03-05", to: "2026-03-01" }).error?.issues[0]?.message).toBe("periodInvalid");
    expect(listAuditQuery.safeParse({ from: "2026-02-30" }).error?.issues[0]?.message).toBe("dateInvalid");
  });

  it("returns one entry with its changes, user agent and request id", async () => {
    const entry = await getAuditEntry(db, admin, ids.lateEvening);
    expect(entry).toMatchObject({
      at: "2026-03-01T22:30:00.000000Z",
      changes: { role: { old: "user", new: "devops" } },
      userAgent: "Mozilla/5.0 (X11; Linux x86_64)",
      requestId: "req-42",
      ip: "203.0.113.7",
    });
    await expect(getAuditEntry(db, admin, "10000000-0000-4000-8000-0000000000ff")).rejects.toMatchObject({ code: "not_found" });
    await expect(getAuditEntry(db, admin, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
  });

  it("paginates newest first without skipping or repeating, even on equal times and with new rows arriving", async () => {
    const at = new Date("2026-04-10T08:00:00Z");
    await db
      .insert(auditLog)
      .values(Array.from({ length: 23 }, () => ({ at, actorType: "system", actorId: "tie", action: "job.ran", entityType: "job" })));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list({ actor: "tie", limit: "5", ...(cursor ? { cursor } : {}) });
      seen.push(...idsOf(page));
      cursor = page.next_cursor ?? undefined;
      if (pages++ === 1) {
        await db.insert(auditLog).values({ at: new Date(), actorType: "system", actorId: "tie", action: "job.ran", entityType: "job" });
      }
    } while (cursor);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(seen).toEqual([...seen].sort().reverse());
    expect(idsOf(await list({ actor: "tie", cursor: "bm90LWEtY3Vyc29y" })).length).toBe(24);
  });

  it("refuses actors without audit.read, whatever the entry point forgot", async () => {
    await expect(listAudit(db, agent, listAuditQuery.parse({}))).rejects.toMatchObject({ code: "forbidden" });
    await expect(getAuditEntry(db, agent, ids.apiKey)).rejects.toMatchObject({ code: "forbidden" });
    expect(() => auditExportSource(agent, {})).toThrow(expect.objectContaining({ code: "forbidden" }));
    const tech: UserActor = { ...agent, role: "technician" };
    await expect(listAudit(db, tech, listAuditQuery.parse({}))).rejects.toMatchObject({ code: "forbidden" });
  });

  it("cannot be changed or deleted: the database refuses UPDATE, DELETE and TRUNCATE", async () => {
    await expectRefused(db.update(auditLog).set({ action: "tampered" }).where(eq(auditLog.id, ids.apiKey)));
    await expectRefused(db.delete(auditLog).where(eq(auditLog.id, ids.apiKey)));
    await expectRefused(db.delete(auditLog));
    await expectRefused(db.execute(sql`truncate audit_log`));
    const [row] = await db.select().from(auditLog).where(eq(auditLog.id, ids.apiKey));
    expect(row?.action).toBe("api_key.created");
  });
});
