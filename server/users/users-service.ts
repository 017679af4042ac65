import "server-only";
import { and, asc, eq, gt, ne, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { users, type UserRow } from "@/db/schema";
import type { Role } from "@/lib/permissions";
import type { createUserSchema, listUsersQuery, updateUserSchema } from "@/lib/validation/users";
import { assertCan, type Actor } from "@/server/auth/actor";
import { hashPassword } from "@/server/auth/password";
import { diff, recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import { decodeCursor, encodeCursor } from "@/server/platform/cursor";
import { emitEvent } from "@/server/platform/webhooks/emit";
import { notifyAccountChange } from "@/server/platform/notifications/account-notifications";

export type UserDto = {
  id: string;
  name: string;
  email: string;
  role: Role;
  locale: string;
  theme: string;
  disabled: boolean;
  locked: boolean;
  lastSignInAt: string | null;
  createdAt: string;
};

export function toUserDto(row: UserRow): UserDto {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    locale: row.locale,
    theme: row.theme,
    disabled: row.disabled,
    locked: !!row.lockedUntil && row.lockedUntil > new Date(),
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Users matching the filters, by name; keyset pagination. Admins only (`users.read`). */
export async function listUsers(db: Executor, actor: Actor, query: z.output<typeof listUsersQuery>) {
  assertCan(actor, "users.read");
  const where: (SQL | undefined)[] = [];
  if (query.q) {
    const like = `%${query.q
      .normalize("NFC")
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(sql`lower(${users.name}) like ${like}`, sql`lower(${users.email}) like ${like}`));
  }
  if (query.role) where.push(eq(users.role, query.role));
  if (query.status) where.push(eq(users.disabled, query.status === "disabled"));
  const cursor = decodeCursor(query.cursor);
  if (cursor) {
    const [name, id] = cursor;
    where.push(or(gt(sql`lower(${users.name})`, name), and(eq(sql`lower(${users.name})`, name), gt(users.id, id))));
  }
  const rows = await db
    .select()
    .from(users)
    .where(and(...where))
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > query.limit && last ? encodeCursor([last.name.toLowerCase(), last.id]) : null;
  return { data: page.map(toUserDto), next_cursor: nextCursor };
}

export async function getUser(db: Executor, actor: Actor, id: string): Promise<UserDto> {
  assertCan(actor, "users.read");
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!row) throw notFound();
  return toUserDto(row);
}

export async function createUser(tx: Executor, actor: Actor, input: z.output<typeof createUserSchema>): Promise<UserDto> {
  assertCan(actor, "users.write");
  if (actor.kind === "partner" && input.role === "admin") throw new DomainError("forbidden", "partnerCannotGrantAdmin", "role");
  const email = input.email.trim().toLowerCase();
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  if (taken) throw new DomainError("conflict", "emailTaken", "email");
  const [row] = await tx
    .insert(users)
    .values({
      name: input.name.normalize("NFC"),
      email,
      role: input.role,
      locale: input.locale,
      passwordHash: await hashPassword(input.password),
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await recordAudit(tx, {
    actor,
    action: "user.created",
    entityType: "user",
    entityId: row.id,
    changes: diff({}, { name: row.name, email: row.email, role: row.role, locale: row.locale }),
  });
  await emitEvent(tx, "user.created", toUserDto(row));
  return toUserDto(row);
}

/** Refuses to leave the platform without an enabled admin. Locks the admin rows. */
async function assertNotLastAdmin(tx: Executor, target: UserRow) {
  const others = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.disabled, false), ne(users.id, target.id)))
    .for("update");
  if (others.length === 0) throw new DomainError("last_admin", "lastAdmin", "role");
}

export async function updateUser(tx: Executor, actor: Actor, id: string, input: z.output<typeof updateUserSchema>): Promise<UserDto> {
  assertCan(actor, "users.write");
  const [before] = await tx.select().from(users).where(eq(users.id, id)).limit(1).for("update");
  if (!before) throw notFound();
  // Provisioning partners manage staff and client accounts, never an admin's.
  if (actor.kind === "partner" && (before.role === "admin" || input.role === "admin")) {
    throw new DomainError("forbidden", "partnerCannotGrantAdmin", "role");
  }
  const demotes = input.role !== undefined && input.role !== "admin";
  if (before.role === "admin" && !before.disabled && (demotes || input.disabled === true)) await assertNotLastAdmin(tx, before);

  const patch: Partial<typeof users.$inferInsert> = {};
  if (input.name !== undefined) patch.name = input.name;
  if (input.role !== undefined) patch.role = input.role;
  if (input.locale !== undefined) patch.locale = input.locale;
  if (input.disabled !== undefined) patch.disabled = input.disabled;
  if (input.password !== undefined) {
    patch.passwordHash = await hashPassword(input.password);
    patch.tokensValidAfter = new Date();
    patch.failedSignIns = 0;
    patch.lockedUntil = null;
  }
  const [after] = await tx.update(users).set(patch).where(eq(users.id, id)).returning();
  if (!after) throw notFound();
  const changes = diff(
    { name: before.name, role: before.role, locale: before.locale, disabled: before.disabled, password: "" },
    { name: after.name, role: after.role, locale: after.locale, disabled: after.disabled, password: input.password ? "reset" : "" },
  );
  const action = input.password
    ? "user.password_reset"
    : input.disabled !== undefined && input.disabled !== before.disabled
      ? input.disabled
        ? "user.disabled"
        : "user.enabled"
      : "user.updated";
  await recordAudit(tx, { actor, action, entityType: "user", entityId: id, changes });
  await emitEvent(tx, "user.updated", toUserDto(after));
  if (after.role !== before.role) await notifyAccountChange(tx, id, "role_changed", { role: after.role });
  if (input.password !== undefined) await notifyAccountChange(tx, id, "password_reset");
  return toUserDto(after);
}
