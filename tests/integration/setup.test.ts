import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, settings, users } from "@/db/schema";
import { setupSchema } from "@/lib/validation/users";
import { verifyPassword } from "@/server/auth/password";
import { DomainError } from "@/server/platform/errors";
import { armSetup, completeSetup, isSetupOpen } from "@/server/platform/setup";
import { freshDb } from "../support/db";

let db: Db;
const form = (token: string, email = "yasmine@example.dz") =>
  setupSchema.parse({ token, name: "Yasmine Aït Ahmed", email, locale: "kab", password: "tizi-ouzou-2026!", confirm: "tizi-ouzou-2026!" });

beforeAll(async () => {
  db = await freshDb();
});

describe("one-time setup", () => {
  it("stores only a hash of the token and refuses a wrong one", async () => {
    expect(await isSetupOpen(db)).toBe(true);
    const token = await armSetup(db, undefined);
    expect(token.length).toBeGreaterThanOrEqual(20);
    const stored = await db.select().from(settings);
    expect(JSON.stringify(stored)).not.toContain(token);
    const error = await db.transaction((tx) => completeSetup(tx, form("not-the-token"))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).messageKey).toBe("setupTokenWrong");
    expect(await db.select().from(users)).toHaveLength(0);
  });

  it("creates the first admin once, audits it, then closes", async () => {
    const token = await armSetup(db, "a-long-token-from-the-environment");
    expect(token).toBe("a-long-token-from-the-environment");
    const admin = await db.transaction((tx) => completeSetup(tx, form(token)));
    expect(admin.role).toBe("admin");
    expect(admin.locale).toBe("kab");
    const [row] = await db.select().from(users).where(eq(users.id, admin.id));
    expect(await verifyPassword(row!.passwordHash, "tizi-ouzou-2026!")).toBe(true);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, admin.id));
    expect(audit?.action).toBe("user.created");
    expect(audit?.actorId).toBe("setup");
    expect(await isSetupOpen(db)).toBe(false);
    expect(await db.select().from(settings).where(eq(settings.key, "setup.token_sha256"))).toHaveLength(0);

    const again = await db.transaction((tx) => completeSetup(tx, form(token, "other@example.dz"))).catch((e: unknown) => e);
    expect((again as DomainError).messageKey).toBe("setupClosed");
    expect(await db.select().from(users)).toHaveLength(1);
  });

  it("refuses mismatched passwords before touching the database", () => {
    const parsed = setupSchema.safeParse({
      token: "x",
      name: "Ali",
      email: "ali@example.ma",
      password: "long enough pass",
      confirm: "other",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["confirm"]);
  });
});
