import "server-only";
import { getFormatter, getLocale, getMessages, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/config";
import type { AuditFormatters, AuditTranslator } from "./audit-export-columns";

type Tree = { [key: string]: string | Tree };

/** Action codes that have a label under `audit.actions.*` (`user.created`, …), sorted. */
export function knownActions(messages: unknown): string[] {
  const tree = (messages as { audit?: { actions?: Tree } } | undefined)?.audit?.actions ?? {};
  const out: string[] = [];
  const walk = (node: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === "string") out.push(`${prefix}${key}`);
      else walk(value, `${prefix}${key}.`);
    }
  };
  walk(tree, "");
  return out.sort();
}

/**
 * The reader's audit vocabulary, for pages and downloads (request scope): the `audit`
 * translator, actions translated when a key exists (raw code otherwise), times in the
 * reader's language and Africa/Algiers (the request config's zone), the known actions.
 */
export async function auditVocabulary(): Promise<{
  locale: Locale;
  t: AuditTranslator;
  format: AuditFormatters;
  actions: { code: string; label: string }[];
}> {
  const [locale, t, formatter, messages] = await Promise.all([getLocale(), getTranslations("audit"), getFormatter(), getMessages()]);
  const codes = knownActions(messages);
  const known = new Set(codes);
  const action = (code: string) => (known.has(code) ? t(`actions.${code}`) : code);
  return {
    locale: locale as Locale,
    t: (key, values) => t(key, values),
    format: {
      action,
      dateTime: (at) => formatter.dateTime(at, { dateStyle: "medium", timeStyle: "medium" }),
    },
    actions: codes.map((code) => ({ code, label: action(code) })),
  };
}
