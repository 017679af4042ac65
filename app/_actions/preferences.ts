"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { signOut } from "@/auth";
import { inTransaction } from "@/db/client";
import { localeCookie, locales } from "@/i18n/config";
import { themes } from "@/lib/validation/users";
import { getActor } from "@/server/auth/guards";
import { preferenceCookieOptions, themeCookie } from "@/server/platform/locale";
import { setPreference } from "@/server/users/profile-service";

/** Anyone may choose a language: a cookie, and the profile too when signed in. */
export async function setLocaleAction(value: unknown): Promise<{ ok: boolean }> {
  const parsed = z.enum(locales).safeParse(value);
  if (!parsed.success) return { ok: false };
  (await cookies()).set(localeCookie, parsed.data, preferenceCookieOptions);
  const actor = await getActor();
  if (actor) {
    await inTransaction((tx) => setPreference(tx, actor, "locale", parsed.data));
  }
  return { ok: true };
}

export async function setThemeAction(value: unknown): Promise<{ ok: boolean }> {
  const parsed = z.enum(themes).safeParse(value);
  if (!parsed.success) return { ok: false };
  (await cookies()).set(themeCookie, parsed.data, preferenceCookieOptions);
  const actor = await getActor();
  if (actor) {
    await inTransaction((tx) => setPreference(tx, actor, "theme", parsed.data));
  }
  return { ok: true };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}
