import Link from "next/link";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { myRecentActivity, usersByRole } from "@/server/platform/activity";
import { enabledTemplates } from "@/server/platform/templates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("home") };
}

export default async function StaffHome() {
  const actor = await requireUser();
  if (actor.role === "client") redirect("/client");
  if (!can(actor, "staff.home")) redirect("/client");
  const t = await getTranslations();
  const format = await getFormatter();
  const db = await getDb();
  const activity = await myRecentActivity(db, actor);
  const roleCounts = can(actor, "users.read") ? await usersByRole(db, actor) : null;
  const templates = enabledTemplates().filter((tpl) => tpl.nav.some((i) => can(actor, i.permission)));
  return (
    <div className="space-y-6">
      <PageHeader title={t("home.greeting", { name: actor.name })} description={t("home.roleLine", { role: t(`roles.${actor.role}`) })} />
      {actor.role === "guest" ? (
        <p role="note" className="rounded-md border border-warning p-3 text-sm text-warning">
          {t("home.guestNotice")}
        </p>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        {templates.map((tpl) => (
          <Card key={tpl.id} title={t(tpl.labelKey)}>
            <p className="mb-3 text-sm text-muted">{t(`templates.${tpl.id}.description`)}</p>
            <ul className="space-y-1">
              {tpl.nav
                .filter((i) => can(actor, i.permission))
                .map((i) => (
                  <li key={i.href}>
                    <Link href={i.href} className="text-primary underline underline-offset-2">
                      {t(i.labelKey)}
                    </Link>
                  </li>
                ))}
            </ul>
          </Card>
        ))}
        {roleCounts ? (
          <Card title={t("home.accounts")}>
            <ul className="grid grid-cols-2 gap-2 text-sm">
              {roleCounts.map((r) => (
                <li key={r.role} className="flex justify-between gap-2 rounded bg-surface-2 px-2 py-1">
                  <span>{t(`roles.${r.role}`)}</span>
                  <span className="font-semibold">{format.number(r.n)}</span>
                </li>
              ))}
            </ul>
            <Link href="/admin/users" className="mt-3 inline-block text-primary underline underline-offset-2">
              {t("nav.users")}
            </Link>
          </Card>
        ) : null}
      </div>
      <Card title={t("home.recentActivity")}>
        {activity.length === 0 ? (
          <p className="text-sm text-muted">{t("home.noActivity")}</p>
        ) : (
          <ul className="divide-y divide-line text-sm">
            {activity.map((a) => (
              <li key={a.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>{t.has(`audit.actions.${a.action}`) ? t(`audit.actions.${a.action}`) : a.action}</span>
                <time dateTime={a.at} className="text-muted">
                  {format.dateTime(new Date(a.at), { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
