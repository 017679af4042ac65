"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setThemeAction } from "@/app/_actions/preferences";

const order = ["system", "light", "dark"] as const;
type Theme = (typeof order)[number];
const icons: Record<Theme, string> = { system: "◐", light: "☀", dark: "☾" };

/** Cycles system → light → dark; remembered in the profile (or a cookie when signed out). */
export function ThemeToggle({ theme }: { theme: Theme }) {
  const t = useTranslations("theme");
  const router = useRouter();
  const [pending, start] = useTransition();
  const next = order[(order.indexOf(theme) + 1) % order.length]!;
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() =>
        start(async () => {
          document.documentElement.dataset.theme = next;
          await setThemeAction(next);
          router.refresh();
        })
      }
      className="inline-flex min-h-10 min-w-10 items-center justify-center rounded-md border border-border bg-surface px-2 text-fg"
      aria-label={t("toggle", { current: t(theme), next: t(next) })}
      title={t("toggle", { current: t(theme), next: t(next) })}
      data-testid="theme-toggle"
    >
      <span aria-hidden="true">{icons[theme]}</span>
    </button>
  );
}
