import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { dec, num } from "@/server/energy/environment/decimal";
import { currentMonth } from "@/server/energy/environment/months";
import { environmentOptions } from "@/server/energy/environment/options";
import { targetsWithStatus } from "@/server/energy/environment/target-status";
import type { CriterionStatus } from "@/server/energy/environment/types";
import { requireTemplate } from "@/server/platform/templates";
import { complianceTone, displayFormats } from "../display";
import { DeleteTarget } from "./delete-target";
import { TargetForm } from "./target-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("environment"))("targets.title") };
}

/**
 * Yearly targets per site with their year-to-date compliance (`environment.read`); admins
 * (`environment.write`) set and remove them.
 */
export default async function TargetsPage() {
  requireTemplate("energy");
  const actor = await requireUser("environment.read");
  const t = await getTranslations("environment");
  const f = displayFormats(await getFormatter());
  const db = await getDb();
  const writable = can(actor, "environment.write");
  const [targets, options] = await Promise.all([targetsWithStatus(db, actor), writable ? environmentOptions(db, actor) : null]);
  const criterion = (s: CriterionStatus | null) =>
    s === null ? null : <span className="text-xs text-muted"> ({t(`compliance.${s}`)})</span>;

  return (
    <div className="space-y-6">
      <PageHeader title={t("targets.title")} description={t("targets.description")} />
      <p className="text-sm">
        <Link href="/energy/environment" className="text-primary underline underline-offset-2">
          {t("backToIndicators")}
        </Link>
      </p>
      <p className="rounded-md border border-line bg-surface p-4 text-sm">{t("help.compliance")}</p>
      {targets.length === 0 ? (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
          {t("targets.empty")}
        </p>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-line bg-surface">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("targets.title")}</caption>
            <thead className="bg-surface-2">
              <tr>
                <th scope="col" className="px-3 py-2 text-start">
                  {t("targets.columns.site")}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  {t("targets.columns.year")}
                </th>
                <th scope="col" className="px-3 py-2 text-end">
                  {t("targets.columns.maxCo2Kg")}
                </th>
                <th scope="col" className="px-3 py-2 text-end">
                  {t("targets.columns.minShare")}
                </th>
                <th scope="col" className="hidden px-3 py-2 text-end sm:table-cell">
                  {t("targets.columns.ytdCo2Kg")}
                </th>
                <th scope="col" className="hidden px-3 py-2 text-end sm:table-cell">
                  {t("targets.columns.ytdShare")}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  {t("targets.columns.status")}
                </th>
                {writable ? (
                  <th scope="col" className="px-3 py-2 text-start">
                    <span className="sr-only">{t("targets.columns.actions")}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {targets.map((target) => {
                const c = target.compliance;
                return (
                  <tr key={target.id} data-testid="target-row" data-site={target.site.code} data-year={target.year}>
                    <td className="px-3 py-2">
                      <span className="font-semibold">{target.site.name}</span>
                      <div className="font-mono text-xs text-muted" dir="ltr">
                        {target.site.code}
                      </div>
                    </td>
                    <td className="px-3 py-2">{target.year}</td>
                    <td className="px-3 py-2 text-end tabular-nums">{target.maxCo2Kg === null ? "—" : f.kg(num(dec(target.maxCo2Kg)))}</td>
                    <td className="px-3 py-2 text-end tabular-nums">
                      {target.minRenewableShare === null ? "—" : f.share(num(dec(target.minRenewableShare)))}
                    </td>
                    <td className="hidden px-3 py-2 text-end tabular-nums sm:table-cell">
                      {c?.co2Kg == null ? "—" : f.kg(c.co2Kg)}
                      {criterion(c?.co2Status ?? null)}
                    </td>
                    <td className="hidden px-3 py-2 text-end tabular-nums sm:table-cell">
                      {c?.renewableShare == null ? "—" : f.share(c.renewableShare)}
                      {criterion(c?.shareStatus ?? null)}
                    </td>
                    <td className="px-3 py-2">
                      {c ? (
                        <>
                          <Badge tone={complianceTone[c.status]}>{t(`compliance.${c.status}`)}</Badge>
                          <div className="mt-1 text-xs text-muted">{t("targets.through", { month: f.month(c.through) })}</div>
                        </>
                      ) : (
                        <Badge>{t("targets.noData")}</Badge>
                      )}
                    </td>
                    {writable ? (
                      <td className="px-3 py-2">
                        <DeleteTarget id={target.id} site={target.site.code} year={target.year} />
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {writable && options ? (
        <Card title={t("targets.form.title")}>
          <TargetForm sites={options.sites} year={Number(currentMonth().slice(0, 4))} />
        </Card>
      ) : null}
    </div>
  );
}
