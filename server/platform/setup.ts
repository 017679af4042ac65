import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { settings, users } from "@/db/schema";
import type { setupSchema } from "@/lib/validation/users";
import type { SystemActor } from "@/server/auth/actor";
import { DomainError } from "@/server/platform/errors";
import { createUser, type UserDto } from "@/server/users/users-service";

const tokenKey = "setup.token_sha256";
const setupActor: SystemActor = { kind: "system", id: "setup" };
const sha256 = (value: string) => createHash("sha256").update(value, "utf8").digest("hex");

/** Setup is open only while no account exists. */
export async function isSetupOpen(db: Executor): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

/**
 * Arms the one-time setup page on an empty database: the token comes from
 * DIHYA_SETUP_TOKEN or is drawn at random, only its hash is stored, and the caller prints
 * it once to the server log. Whoever reaches the server first cannot claim it without the log.
 */
export async function armSetup(db: Executor, fromEnv = process.env.DIHYA_SETUP_TOKEN): Promise<string> {
  const token = fromEnv && fromEnv.length >= 16 ? fromEnv : randomBytes(18).toString("base64url");
  const value = { sha256: sha256(token) };
  await db
    .insert(settings)
    .values({ key: tokenKey, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
  return token;
}

/**
 * Creates the first admin. Serialised by an advisory lock so two submissions cannot both
 * win; refuses once any account exists or when the token does not match. The token is
 * spent with the account (same transaction), and the creation is audited by createUser.
 */
export async function completeSetup(tx: Executor, input: z.output<typeof setupSchema>): Promise<UserDto> {
  await tx.execute(sql`select pg_advisory_xact_lock(4242001)`);
  if (!(await isSetupOpen(tx))) throw new DomainError("conflict", "setupClosed");
  const [stored] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, tokenKey));
  const expected = (stored?.value as { sha256?: string } | undefined)?.sha256;
  const given = Buffer.from(sha256(input.token), "hex");
  if (!expected || !timingSafeEqual(Buffer.from(expected, "hex"), given)) {
    throw new DomainError("forbidden", "setupTokenWrong", "token");
  }
  const admin = await createUser(tx, setupActor, {
    name: input.name,
    email: input.email,
    role: "admin",
    locale: input.locale,
    password: input.password,
  });
  await tx.delete(settings).where(eq(settings.key, tokenKey));
  return admin;
}
