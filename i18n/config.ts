/** Locales served by Dihya. `fr` is the default and the source of every message. */
export const locales = ["fr", "kab", "zgh", "ar", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "fr";
export const localeCookie = "dihya_locale";

/** Explicit direction map: never inferred from Intl (engines disagree). */
export const direction: Record<Locale, "ltr" | "rtl"> = {
  fr: "ltr",
  kab: "ltr",
  zgh: "ltr",
  ar: "rtl",
  en: "ltr",
};

/** Autonyms for the language switcher (CLDR names are thin for kab and zgh). */
export const autonyms: Record<Locale, string> = {
  fr: "Français",
  kab: "Taqbaylit",
  zgh: "ⵜⴰⵎⴰⵣⵉⵖⵜ",
  ar: "العربية",
  en: "English",
};

export const defaultTimeZone = "Africa/Algiers";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** Picks the first supported locale from an Accept-Language header, by language subtag. */
export function matchAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((e) => e.tag && !Number.isNaN(e.q) && e.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const lang = tag.split("-")[0];
    if (isLocale(lang)) return lang;
  }
  return null;
}
