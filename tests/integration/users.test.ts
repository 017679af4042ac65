import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import type { Db } from "@/db/client";
import { createUser, listUsers, updateUser } from "@/server/users/users-service";
import { DomainError } from "@/server/platform/errors";
import { verifyPassword } from "@/server/auth/password";
import type { UserActor } from "@/server/auth/actor";
import { freshDb, systemActor } from "../support/db";

let db: Db;
let admin: UserActor;

beforeAll(async () => {
  db = await freshDb();
  const created = await db.transaction((tx) =>
    createUser(tx, systemActor, {
      name: "Amina Benali",
      email: "Amina@Example.dz",
      role: "admin",
      locale: "fr",
      password: "correct horse battery",
    }),
  );
  admin = { kind: "user", id: created.id, role: "admin", name: created.name, email: created.email, locale: "fr", theme: "system" };
});

describe("users service", () => {
  it("stores e-mails lower-cased, hashes with argon2id at OWASP parameters, and audits", async () => {
    const [row] = await db.select().from(users).where(eq(users.id, admin.id));
    expect(row?.email).toBe("amina@example.dz");
    expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(row!.passwordHash, "correct horse battery")).toBe(true);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, admin.id));
    expect(audit.map((a) => a.action)).toContain("user.created");
    expect(JSON.stringify(audit)).not.toContain("correct horse battery");
  });

  it("refuses a second account with the same e-mail in another case", async () => {
    await expect(
      db.transaction((tx) =>
        createUser(tx, admin, { name: "Other", email: "AMINA@example.dz", role: "user", locale: "fr", password: "another long password" }),
      ),
    ).rejects.toMatchObject({ code: "conflict", field: "email" });
  });

  it("refuses to demote or disable the last active admin", async () => {
    await expect(db.transaction((tx) => updateUser(tx, admin, admin.id, { role: "user" }))).rejects.toBeInstanceOf(DomainError);
    await expect(db.transaction((tx) => updateUser(tx, admin, admin.id, { disabled: true }))).rejects.toMatchObject({ code: "last_admin" });
    const [row] = await db.select().from(users).where(eq(users.id, admin.id));
    expect(row?.role).toBe("admin");
    expect(row?.disabled).toBe(false);
  });

  it("allows it once another admin exists, recording old and new values", async () => {
    const second = await db.transaction((tx) =>
      createUser(tx, admin, {
        name: "Second Admin",
        email: "second@example.dz",
        role: "admin",
        locale: "en",
        password: "another long password",
      }),
    );
    const updated = await db.transaction((tx) => updateUser(tx, admin, second.id, { role: "devops" }));
    expect(updated.role).toBe("devops");
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.entityId} = ${second.id} and ${auditLog.action} = 'user.updated'`);
    expect(entry?.changes).toEqual({ role: { old: "admin", new: "devops" } });
    expect(entry?.actorId).toBe(admin.id);
  });

  it("resets a password: new hash, sessions revoked, lock cleared", async () => {
    const u = await db.transaction((tx) =>
      createUser(tx, admin, { name: "Tech", email: "tech@example.dz", role: "technician", locale: "fr", password: "first long password" }),
    );
    const [before] = await db.select().from(users).where(eq(users.id, u.id));
    await new Promise((r) => setTimeout(r, 5));
    await db.transaction((tx) => updateUser(tx, admin, u.id, { password: "second long password" }));
    const [after] = await db.select().from(users).where(eq(users.id, u.id));
    expect(await verifyPassword(after!.passwordHash, "second long password")).toBe(true);
    expect(after!.tokensValidAfter.getTime()).toBeGreaterThan(before!.tokensValidAfter.getTime());
  });

  it("lists with search, role filter and cursor pagination", async () => {
    for (const n of ["Zineb", "Yasmine", "Walid", "Omar"]) {
      await db.transaction((tx) =>
        createUser(tx, admin, {
          name: `${n} Test`,
          email: `${n.toLowerCase()}@example.dz`,
          role: "user",
          locale: "fr",
          password: "long enough password",
        }),
      );
    }
    const first = await listUsers(db, admin, { role: "user", limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.next_cursor).not.toBeNull();
    const second = await listUsers(db, admin, { role: "user", limit: 2, cursor: first.next_cursor! });
    const names = [...first.data, ...second.data].map((u) => u.name);
    expect(names).toEqual(["Omar Test", "Walid Test", "Yasmine Test", "Zineb Test"]);
    expect((await listUsers(db, admin, { q: "yasm", limit: 50 })).data.map((u) => u.email)).toEqual(["yasmine@example.dz"]);
  });

  it("refuses a caller without the permission, even when called directly", async () => {
    const client: UserActor = { ...admin, role: "client" };
    await expect(listUsers(db, client, { limit: 10 })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("audit trail", () => {
  it("is append-only in the database", async () => {
    const failure = (p: Promise<unknown>) =>
      p.then(
        () => "succeeded",
        (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ""}`,
      );
    expect(await failure(db.execute(sql`update audit_log set action = 'tampered'`))).toMatch(/append-only/);
    expect(await failure(db.execute(sql`delete from audit_log`))).toMatch(/append-only/);
    const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(count!.n).toBeGreaterThan(0);
  });
});
