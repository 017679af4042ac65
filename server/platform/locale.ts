import "server-only";
import { cookies, headers } from "next/headers";
import { defaultLocale, isLocale, localeCookie, matchAcceptLanguage, type Locale } from "@/i18n/config";
import { getActor } from "@/server/auth/guards";

export const themeCookie = "dihya_theme";
export type Theme = "light" | "dark" | "system";

/** Language and theme cookies: a year, first-party, not readable by scripts. */
export const preferenceCookieOptions = { maxAge: 60 * 60 * 24 * 365, sameSite: "lax" as const, httpOnly: true, path: "/" };

/** Profile, then cookie, then Accept-Language, then `fr`. */
export async function resolveLocale(): Promise<Locale> {
  const actor = await getActor();
  if (actor) return actor.locale;
  const fromCookie = (await cookies()).get(localeCookie)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return matchAcceptLanguage((await headers()).get("accept-language")) ?? defaultLocale;
}

/** Profile, then cookie, then the system setting. */
export async function resolveTheme(): Promise<Theme> {
  const actor = await getActor();
  if (actor) return actor.theme;
  const value = (await cookies()).get(themeCookie)?.value;
  return value === "light" || value === "dark" ? value : "system";
}
