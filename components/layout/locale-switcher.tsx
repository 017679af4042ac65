"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useTransition } from "react";
import { setLocaleAction } from "@/app/_actions/preferences";
import { autonyms, direction, locales, type Locale } from "@/i18n/config";

export function LocaleSwitcher() {
  const t = useTranslations("common");
  const current = useLocale() as Locale;
  const router = useRouter();
  const [pending, start] = useTransition();
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        {t("language")}
      </label>
      <select
        id={id}
        value={current}
        disabled={pending}
        onChange={(e) =>
          start(async () => {
            await setLocaleAction(e.target.value);
            router.refresh();
          })
        }
        className="min-h-10 rounded-md border border-border bg-surface px-2 py-1 text-sm text-fg"
        data-testid="locale-switcher"
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l} dir={direction[l]}>
            {autonyms[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
