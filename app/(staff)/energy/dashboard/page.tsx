import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DailyEnergyChart } from "@/components/energy/daily-energy-chart";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { getDashboard } from "@/server/energy/dashboard/dashboard";
import { isPeriodPreset } from "@/server/energy/dashboard/periods";
import { parseScope, scopeOptions, scopeValue } from "@/server/energy/dashboard/scope-options";
import { requireTemplate } from "@/server/platform/templates";
import { DailyTable } from "./daily-table";
import { DashboardFilters } from "./dashboard-filters";
import { DashboardSites } from "./dashboard-sites";
import { figureFormat } from "./figures";
import { KpiCards } from "./kpi-cards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("energyDashboard"))("title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The energy dashboard (`measurements.read`): for all networks, one network or one site and
 * a period, production, consumption, renewable share and peaks beside the previous period,
 * the daily chart and the per-site table. Perimeter and period live in the URL.
 */
export default async function EnergyDashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  requireTemplate("energy");
  const actor = await requireUser("measurements.read");
  const params = await searchParams;
  const scope = parseScope(one(params.scope));
  const periodParam = one(params.period);
  const preset = isPeriodPreset(periodParam) ? periodParam : "this_month";
  const db = await getDb();
  const [options, dashboard] = await Promise.all([scopeOptions(db, actor), getDashboard(db, actor, { scope, preset })]);
  const t = await getTranslations("energyDashboard");
  const f = await figureFormat();
  const { current, previous } = dashboard.period;
  const lastDay = (to: string) => new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const hasReadings = dashboard.daily.some((p) => p.production !== null || p.consumption !== null);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Link href="/energy/live" className={buttonClass("secondary")}>
              {t("liveLink")}
            </Link>
            {can(actor, "measurements.write") ? (
              <Link href="/energy/import" className={buttonClass("secondary")}>
                {t("importLink")}
              </Link>
            ) : null}
          </>
        }
      />
      <DashboardFilters options={options} scope={scopeValue(scope)} period={preset} />
      <p className="text-sm text-muted" data-testid="period-caption">
        {t("periodCaption", {
          from: f.day(current.from),
          to: f.day(lastDay(current.to)),
          prevFrom: f.day(previous.from),
          prevTo: f.day(lastDay(previous.to)),
          zone: dashboard.timeZone,
        })}
      </p>
      {dashboard.sites.length === 0 ? (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
          {t("empty.noMeters")}
        </p>
      ) : (
        <>
          {!hasReadings ? (
            <p role="note" className="rounded-md border border-line bg-surface p-4 text-center text-muted" data-testid="empty">
              {t("empty.noReadings")}
            </p>
          ) : null}
          <KpiCards dashboard={dashboard} />
          <p className="text-xs text-muted">{t("electricityNote")}</p>
          {hasReadings ? (
            <Card title={t("chart.title")}>
              <DailyEnergyChart points={dashboard.daily} />
              <DailyTable points={dashboard.daily} />
            </Card>
          ) : null}
          <Card title={t("sites.title")}>
            <DashboardSites sites={dashboard.sites} />
          </Card>
        </>
      )}
    </div>
  );
}
