import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { listNetworks } from "@/server/energy/sites/networks-service";
import { requireTemplate } from "@/server/platform/templates";
import { NetworkForm } from "./network-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("energy"))("networks.title") };
}

const link = "font-semibold text-primary underline underline-offset-2";

/** Networks for every reader of sites (`sites.read`); admins create and edit them. */
export default async function NetworksPage() {
  requireTemplate("energy");
  const actor = await requireUser("sites.read");
  const t = await getTranslations("energy");
  const format = await getFormatter();
  const networks = await listNetworks(await getDb(), actor);
  const writable = can(actor, "sites.write");
  return (
    <div className="space-y-6">
      <PageHeader title={t("networks.title")} description={t("networks.description")} />
      <p className="text-sm">
        <Link href="/energy/sites" className="text-primary underline underline-offset-2">
          {t("sites.backToList")}
        </Link>
      </p>
      {networks.length === 0 ? (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
          {t("networks.empty")}
        </p>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-line bg-surface">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("networks.title")}</caption>
            <thead className="bg-surface-2">
              <tr>
                <th scope="col" className="px-3 py-2 text-start">
                  {t("networks.columns.name")}
                </th>
                <th scope="col" className="hidden px-3 py-2 text-start sm:table-cell">
                  {t("networks.columns.kind")}
                </th>
                <th scope="col" className="hidden px-3 py-2 text-start md:table-cell">
                  {t("networks.columns.region")}
                </th>
                <th scope="col" className="px-3 py-2 text-end">
                  {t("networks.columns.sites")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {networks.map((n) => (
                <tr key={n.id} data-testid="network-row">
                  <td className="px-3 py-2">
                    {writable ? (
                      <Link href={`/energy/networks/${n.id}`} className={link}>
                        {n.name}
                      </Link>
                    ) : (
                      <span className="font-semibold">{n.name}</span>
                    )}
                    <div className="font-mono text-xs text-muted" dir="ltr">
                      {n.code}
                    </div>
                    {n.description ? <p className="mt-1 text-xs text-muted">{n.description}</p> : null}
                  </td>
                  <td className="hidden px-3 py-2 sm:table-cell">{t(`networkKinds.${n.kind}`)}</td>
                  <td className="hidden px-3 py-2 md:table-cell">{n.region ?? "—"}</td>
                  <td className="px-3 py-2 text-end">
                    <Link
                      href={`/energy/sites?network=${n.id}`}
                      className="text-primary underline underline-offset-2"
                      aria-label={t("networks.sitesOf", { count: n.siteCount, name: n.name })}
                    >
                      {format.number(n.siteCount)}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {writable ? (
        <Card title={t("networks.create")}>
          <NetworkForm />
        </Card>
      ) : null}
    </div>
  );
}
