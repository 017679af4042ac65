import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { EnvironmentCharts } from "@/components/energy/environment-charts";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { getDb } from "@/db/client";
import { direction, isLocale } from "@/i18n/config";
import { environmentQuery } from "@/lib/validation/environment";
import { requireUser } from "@/server/auth/guards";
import { environmentIndicators } from "@/server/energy/environment/indicators";
import { resolveRange } from "@/server/energy/environment/months";
import { environmentOptions } from "@/server/energy/environment/options";
import { requireTemplate } from "@/server/platform/templates";
import { ComputationHelp } from "./computation-help";
import { displayFormats } from "./display";
import { EnvironmentFilters, type EnvironmentFilterValues } from "./environment-filters";
import { IndicatorsTable } from "./indicators-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("environment"))("title") };
}

/** Sites per page of the table (all their months); charts and totals cover every site of the filters. */
const sitesPerPage = 20;
const filterKeys = ["site", "network", "from", "to"] as const;

/**
 * Environment indicators (`environment.read`: admins and users): monthly CO₂ of consumption
 * and avoided CO₂, renewable share, per site and month with the factor used and the target
 * compliance; CSV export of the same numbers.
 */
export default async function EnvironmentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  requireTemplate("energy");
  const actor = await requireUser("environment.read");
  const t = await getTranslations("environment");
  const tv = await getTranslations("validation");
  const locale = await getLocale();
  const f = displayFormats(await getFormatter());
  const raw = await searchParams;
  const values: EnvironmentFilterValues = Object.fromEntries(
    filterKeys.map((k) => [k, typeof raw[k] === "string" && raw[k] !== "" ? raw[k] : undefined]),
  );
  const cursor = typeof raw.cursor === "string" ? raw.cursor : undefined;
  const parsed = environmentQuery.safeParse({ ...values, cursor, limit: String(sitesPerPage) });
  const db = await getDb();
  const [result, options] = await Promise.all([
    parsed.success ? environmentIndicators(db, actor, parsed.data) : null,
    environmentOptions(db, actor),
  ]);
  const range = result ?? resolveRange({});
  const keep = new URLSearchParams(filterKeys.flatMap((k) => (values[k] ? [[k, values[k]!]] : [])));
  const nextHref = result?.next_cursor ? `?${new URLSearchParams([...keep, ["cursor", result.next_cursor]])}` : null;
  const exportHref = `/api/export/environnement?${new URLSearchParams([...keep, ["format", "csv"]])}`;
  const summary = result?.summary;

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Link href="/energy/environment/factors" className={buttonClass("secondary")}>
              {t("factors.title")}
            </Link>
            <Link href="/energy/environment/targets" className={buttonClass("secondary")}>
              {t("targets.title")}
            </Link>
            {result ? (
              <a href={exportHref} download className={buttonClass("secondary")} data-testid="export-csv">
                {t("exportCsv")}
              </a>
            ) : null}
          </>
        }
      />
      <div>
        <EnvironmentFilters values={values} range={range} sites={options.sites} networks={options.networks} />
        <ComputationHelp />
      </div>
      {!parsed.success ? (
        <div role="alert" className="rounded-md border border-danger p-4 text-sm text-danger">
          <p className="font-semibold">{t("invalidFilters")}</p>
          <ul className="mt-1 list-disc ps-5">
            {parsed.error.issues.map((issue) => (
              <li key={`${String(issue.path[0])}-${issue.message}`}>
                {t.has(`filters.${String(issue.path[0])}`) ? t(`filters.${String(issue.path[0])}`) : String(issue.path[0])} —{" "}
                {tv.has(issue.message) ? tv(issue.message) : tv("invalid")}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {result && summary ? (
        <>
          <section aria-labelledby="env-summary" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <h2 id="env-summary" className="sr-only">
              {t("summary.title", { from: f.month(result.from), to: f.month(result.to) })}
            </h2>
            <Card title={t("summary.co2")} headingLevel={3}>
              <p className="text-2xl font-semibold tabular-nums" data-testid="summary-co2" data-value={summary.co2Kg}>
                {f.kg(summary.co2Kg)} <span className="text-sm font-normal">{t("units.kg")}</span>
              </p>
              {!summary.co2Complete ? <p className="mt-1 text-xs text-warning">{t("summary.incomplete")}</p> : null}
            </Card>
            <Card title={t("summary.avoided")} headingLevel={3}>
              <p className="text-2xl font-semibold tabular-nums" data-testid="summary-avoided" data-value={summary.avoidedCo2Kg}>
                {f.kg(summary.avoidedCo2Kg)} <span className="text-sm font-normal">{t("units.kg")}</span>
              </p>
            </Card>
            <Card title={t("summary.consumption")} headingLevel={3}>
              <p className="text-2xl font-semibold tabular-nums" data-value={summary.consumptionKwh}>
                {f.kwh(summary.consumptionKwh)} <span className="text-sm font-normal">{t("units.kwh")}</span>
              </p>
            </Card>
            <Card title={t("summary.share")} headingLevel={3}>
              <p className="text-2xl font-semibold tabular-nums" data-testid="summary-share" data-value={summary.renewableShare ?? ""}>
                {summary.renewableShare === null ? t("table.noProduction") : f.share(summary.renewableShare)}
              </p>
              <p className="mt-1 text-xs text-muted">
                {t("summary.production", { renewable: f.kwh(summary.renewableProductionKwh), total: f.kwh(summary.productionKwh) })}
              </p>
            </Card>
          </section>
          <section aria-labelledby="env-charts">
            <h2 id="env-charts" className="mb-3 text-lg font-semibold">
              {t("charts.title")}
            </h2>
            <EnvironmentCharts
              points={result.totals.map((m) => ({
                month: m.month,
                label: f.month(m.month),
                co2Kg: m.co2Kg,
                avoidedCo2Kg: m.avoidedCo2Kg,
                renewableShare: m.renewableShare,
              }))}
              labels={{
                emissionsTitle: t("charts.emissions"),
                shareTitle: t("charts.share"),
                co2: t("charts.co2"),
                avoided: t("charts.avoided"),
                share: t("charts.shareSeries"),
                kg: t("units.kg"),
              }}
              locale={locale}
              rtl={isLocale(locale) && direction[locale] === "rtl"}
            />
          </section>
          <section aria-labelledby="env-table" className="space-y-3">
            <h2 id="env-table" className="text-lg font-semibold">
              {t("table.title")}
            </h2>
            {result.data.length > 0 ? (
              <IndicatorsTable rows={result.data} />
            ) : (
              <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
                {t("empty")}
              </p>
            )}
            <CursorPagination firstHref={cursor ? (keep.size > 0 ? `?${keep}` : "/energy/environment") : null} nextHref={nextHref} />
          </section>
        </>
      ) : null}
    </div>
  );
}
