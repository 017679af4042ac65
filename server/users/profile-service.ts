import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import type { Locale } from "@/i18n/config";
import type { changePasswordSchema, profileSchema } from "@/lib/validation/users";
import type { UserActor } from "@/server/auth/actor";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { followClientLocale } from "@/server/energy/clients/client-locale";
import { diff, recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";

/** The caller's own name, language and theme. Scoped to actor.id: nobody edits another profile here. */
export async function updateProfile(tx: Executor, actor: UserActor, input: z.output<typeof profileSchema>) {
  const [before] = await tx.select().from(users).where(eq(users.id, actor.id)).limit(1);
  if (!before) throw notFound();
  await tx.update(users).set(input).where(eq(users.id, actor.id));
  const changes = diff({ name: before.name, locale: before.locale, theme: before.theme }, input);
  if (Object.keys(changes).length)
    await recordAudit(tx, { actor, action: "profile.updated", entityType: "user", entityId: actor.id, changes });
  if (input.locale && input.locale !== before.locale) await followClientLocale(tx, actor, input.locale);
}

/** Language or theme alone (header switchers). */
export async function setPreference(
  tx: Executor,
  actor: UserActor,
  field: "locale" | "theme",
  value: Locale | "light" | "dark" | "system",
) {
  const [before] = await tx.select().from(users).where(eq(users.id, actor.id)).limit(1);
  if (!before || before[field] === value) return;
  await tx
    .update(users)
    .set({ [field]: value })
    .where(eq(users.id, actor.id));
  await recordAudit(tx, {
    actor,
    action: "profile.updated",
    entityType: "user",
    entityId: actor.id,
    changes: { [field]: { old: before[field], new: value } },
  });
  if (field === "locale") await followClientLocale(tx, actor, value as Locale);
}

/** Needs the current password; signs every session of the account out (tokens_valid_after). */
export async function changePassword(tx: Executor, actor: UserActor, input: z.output<typeof changePasswordSchema>) {
  const [row] = await tx.select().from(users).where(eq(users.id, actor.id)).limit(1);
  if (!row) throw notFound();
  if (!(await verifyPassword(row.passwordHash, input.current)))
    throw new DomainError("validation_failed", "currentPasswordWrong", "current");
  await tx
    .update(users)
    .set({ passwordHash: await hashPassword(input.password), tokensValidAfter: new Date() })
    .where(eq(users.id, actor.id));
  await recordAudit(tx, {
    actor,
    action: "profile.password_changed",
    entityType: "user",
    entityId: actor.id,
    changes: { password: { old: "***", new: "***" } },
  });
}
