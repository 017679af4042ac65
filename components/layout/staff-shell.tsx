import { getTranslations } from "next-intl/server";
import { adminNav, type NavItem } from "@/lib/templates";
import { can, type UserActor } from "@/server/auth/actor";
import { enabledTemplates } from "@/server/platform/templates";
import { AppHeader } from "./app-header";
import { Sidebar, type NavGroup } from "./sidebar";

/** Staff shell: navigation grouped by template, showing only what the role may open. */
export async function StaffShell({ actor, children }: { actor: UserActor; children: React.ReactNode }) {
  const t = await getTranslations();
  const visible = (items: readonly NavItem[]) =>
    items.filter((i) => can(actor, i.permission)).map((i) => ({ href: i.href, label: t(i.labelKey) }));
  const groups: NavGroup[] = [
    {
      label: t("nav.general"),
      items: [
        { href: "/", label: t("nav.home") },
        { href: "/notifications", label: t("nav.notifications") },
      ],
    },
  ];
  for (const template of enabledTemplates()) {
    const items = visible(template.nav);
    if (items.length) groups.push({ label: t(template.labelKey), items });
  }
  const admin = visible(adminNav);
  if (admin.length) groups.push({ label: t("nav.administration"), items: admin });
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-2"
      >
        {t("common.skipToContent")}
      </a>
      <AppHeader actor={actor} homeHref="/" />
      <div className="flex flex-1 flex-col md:flex-row">
        <Sidebar groups={groups} menuLabel={t("nav.menu")} navLabel={t("nav.main")} />
        <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
