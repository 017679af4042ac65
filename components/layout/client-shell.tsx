import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { UserActor } from "@/server/auth/actor";
import { AppHeader } from "./app-header";

/** The energy client's space: phone first, one column, bottom-reachable links. */
export async function ClientShell({ actor, children }: { actor: UserActor; children: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-2"
      >
        {t("common.skipToContent")}
      </a>
      <AppHeader actor={actor} homeHref="/client" />
      <main id="main" className="mx-auto w-full max-w-xl flex-1 px-4 py-5">
        {children}
      </main>
      <nav aria-label={t("nav.main")} className="sticky bottom-0 border-t border-line bg-surface">
        <ul className="mx-auto flex max-w-xl justify-around">
          <li>
            <Link href="/client" className="block px-4 py-3 text-sm font-semibold">
              {t("nav.home")}
            </Link>
          </li>
          <li>
            <Link href="/profile" className="block px-4 py-3 text-sm font-semibold">
              {t("nav.profile")}
            </Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}
