import "server-only";
import { createFormatter, createTranslator, type AbstractIntlMessages } from "next-intl";
import { defaultLocale, defaultTimeZone, isLocale, type Locale } from "@/i18n/config";
import { kindInfo } from "@/lib/notification-kinds";

type Messages = AbstractIntlMessages;
const cache = new Map<Locale, Promise<Messages>>();

/** A locale's messages (messages/<locale>.json), loaded once per process. */
export function messagesFor(locale: Locale): Promise<Messages> {
  let loaded = cache.get(locale);
  if (!loaded) {
    loaded = import(`../../../messages/${locale}.json`).then((m: { default: Messages }) => m.default);
    cache.set(locale, loaded);
  }
  return loaded;
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;
type Untyped = Translate & { has: (key: string) => boolean };

/**
 * A translator for any locale, usable outside a request (e-mails, streams). A key missing
 * in the locale falls back to French, then to the key itself: never throws.
 */
export async function translatorFor(locale: string): Promise<Translate> {
  const loc: Locale = isLocale(locale) ? locale : defaultLocale;
  // Keys come from the database, so the translator is used untyped.
  const make = async (l: Locale) =>
    createTranslator({ locale: l, messages: await messagesFor(l), timeZone: defaultTimeZone, onError: () => {} }) as unknown as Untyped;
  const primary = await make(loc);
  const fallback = loc === defaultLocale ? primary : await make(defaultLocale);
  return (key, values) => {
    if (primary.has(key)) return primary(key, values);
    if (fallback.has(key)) return fallback(key, values);
    return key;
  };
}

export type RenderInput = { kind: string; titleKey: string; bodyKey: string | null; params: Record<string, string | number> };

/** Title and body in the reader's language; params the kind declares translatable are translated first. */
export function renderWith(t: Translate, n: RenderInput): { title: string; body: string | null } {
  const values: Record<string, string | number> = { ...n.params };
  for (const [param, namespace] of Object.entries(kindInfo(n.kind)?.translatedParams ?? {})) {
    const value = values[param];
    if (value === undefined) continue;
    const key = `${namespace}.${value}`;
    const text = t(key);
    values[param] = text === key ? value : text;
  }
  return { title: t(n.titleKey, values), body: n.bodyKey ? t(n.bodyKey, values) : null };
}

export async function renderNotification(locale: string, n: RenderInput): Promise<{ title: string; body: string | null }> {
  return renderWith(await translatorFor(locale), n);
}

/** Date and time in the reader's language and the platform's zone (formatted on the server). */
export function formatWhen(locale: string, date: Date): string {
  const format = createFormatter({ locale: isLocale(locale) ? locale : defaultLocale, timeZone: defaultTimeZone });
  return format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
}
