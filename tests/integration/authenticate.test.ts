import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { authenticate } from "@/server/auth/authenticate";
import { createUser } from "@/server/users/users-service";
import { hit } from "@/server/platform/rate-limit";
import { freshDb, systemActor } from "../support/db";

let db: Db;
const from = (ip: string) => new Headers({ "x-forwarded-for": ip, "user-agent": "vitest" });

beforeAll(async () => {
  db = await freshDb();
  await db.transaction((tx) =>
    createUser(tx, systemActor, { name: "Lina", email: "lina@example.dz", role: "user", locale: "fr", password: "lina long password" }),
  );
});

describe("sign-in", () => {
  it("accepts the right password, case-insensitive e-mail, and records the sign-in", async () => {
    const outcome = await authenticate("LINA@example.dz", "lina long password", from("10.0.0.1"));
    expect(outcome.kind).toBe("ok");
    const [row] = await db.select().from(users).where(eq(users.email, "lina@example.dz"));
    expect(row?.lastSignInAt).not.toBeNull();
  });

  it("answers an unknown account like a wrong password", async () => {
    expect((await authenticate("nobody@example.dz", "whatever", from("10.0.0.2"))).kind).toBe("invalid");
  });

  it("locks the account for 15 minutes after 5 failures, even for the right password", async () => {
    for (let i = 0; i < 4; i++) expect((await authenticate("lina@example.dz", "wrong", from("10.0.0.3"))).kind).toBe("invalid");
    expect((await authenticate("lina@example.dz", "wrong", from("10.0.0.3"))).kind).toBe("locked");
    expect((await authenticate("lina@example.dz", "lina long password", from("10.0.0.4"))).kind).toBe("locked");
    const [row] = await db.select().from(users).where(eq(users.email, "lina@example.dz"));
    const minutes = (row!.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    const locks = await db.select().from(auditLog).where(eq(auditLog.action, "auth.locked"));
    expect(locks).toHaveLength(1);
    expect(locks[0]?.ip).toBe("10.0.0.3");
  });

  it("throttles one address whatever the account", async () => {
    const limit = Number(process.env.DIHYA_SIGNIN_IP_LIMIT ?? 50);
    for (let i = 0; i < limit; i++) await hit("signin:ip:10.9.9.9", limit, 15 * 60_000);
    expect((await authenticate("nobody@example.dz", "x", from("10.9.9.9"))).kind).toBe("throttled");
  });
});

describe("rate limit counters", () => {
  it("count within a window and start again in the next", async () => {
    const t0 = Date.UTC(2026, 0, 1, 0, 0, 0);
    expect((await hit("k", 2, 60_000, t0)).allowed).toBe(true);
    expect((await hit("k", 2, 60_000, t0 + 1000)).allowed).toBe(true);
    const third = await hit("k", 2, 60_000, t0 + 2000);
    expect(third.allowed).toBe(false);
    expect(third.resetAt.getTime()).toBe(t0 + 60_000);
    expect((await hit("k", 2, 60_000, t0 + 60_000)).allowed).toBe(true);
  });
});
