import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { UserActor } from "@/server/auth/actor";
import { AppHeader } from "./app-header";

/** The client space's bottom bar (notifications are behind the header's bell). */
const links = [
  { href: "/client", labelKey: "clientSpace.nav.home" },
  { href: "/client/invoices", labelKey: "clientSpace.nav.invoices" },
  { href: "/client/contracts", labelKey: "clientSpace.nav.contracts" },
  { href: "/client/data", labelKey: "clientSpace.nav.data" },
  { href: "/profile", labelKey: "clientSpace.nav.profile" },
] as const;

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
      <nav aria-label={t("nav.main")} className="border-t border-line bg-surface">
        <ul className="mx-auto grid max-w-xl grid-cols-5">
          {links.map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                className="flex min-h-12 items-center justify-center px-1 py-3 text-center text-xs font-semibold leading-tight"
              >
                {t(link.labelKey)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
