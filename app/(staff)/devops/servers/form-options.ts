import { getLocale } from "next-intl/server";
import type { Executor } from "@/db/client";
import { serverCountries } from "@/lib/validation/servers";
import type { Actor } from "@/server/auth/actor";
import { serverFilterOptions } from "@/server/devops/servers/server-query";
import { countryName } from "./display";

/** What the server form offers: countries named in the reader's language, locations already in use. */
export async function serverFormOptions(db: Executor, actor: Actor) {
  const locale = await getLocale();
  const { locations } = await serverFilterOptions(db, actor);
  const countries = serverCountries.map((code) => ({ value: code, label: `${countryName(locale, code)} (${code})` }));
  return { countries, locations };
}
