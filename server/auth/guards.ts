import "server-only";
import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { isLocale } from "@/i18n/config";
import { isRole, type Permission } from "@/lib/permissions";
import { can, type UserActor } from "./actor";

/**
 * The signed-in user, re-read from the database once per request: a disabled account, a
 * changed role or a session issued before `tokens_valid_after` takes effect at once.
 * Checks `session.user.id`, never the truthiness of the session (GHSA-8fpg-xm3f-6cx3).
 */
export const getActor = cache(async (): Promise<UserActor | null> => {
  let session;
  try {
    session = await auth();
  } catch {
    return null;
  }
  const id = session?.user?.id;
  if (typeof id !== "string" || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!row || row.disabled || !isRole(row.role)) return null;
  if ((session?.authTime ?? 0) < row.tokensValidAfter.getTime()) return null;
  return {
    kind: "user",
    id: row.id,
    role: row.role,
    name: row.name,
    email: row.email,
    locale: isLocale(row.locale) ? row.locale : "fr",
    theme: row.theme === "light" || row.theme === "dark" ? row.theme : "system",
  };
});

/**
 * For pages: the signed-in user holding `permission`. Signed out → the sign-in page
 * (coming back here afterwards); signed in without the permission → the 403 page.
 */
export async function requireUser(permission?: Permission): Promise<UserActor> {
  const actor = await getActor();
  if (!actor) {
    const path = (await headers()).get("x-dihya-path") ?? "/";
    redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  }
  if (permission && !can(actor, permission)) forbidden();
  return actor;
}
