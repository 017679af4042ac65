import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SeriesChart } from "@/components/energy/series-chart";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import type { MeterKind } from "@/lib/validation/meters";
import { requireUser } from "@/server/auth/guards";
import { measurementsSite } from "@/server/energy/dashboard/site-meters";
import { dayIn } from "@/server/energy/equipment/dates";
import { exportParams, resolveView, viewSeriesQuery } from "@/server/energy/readings/measurements-export-query";
import { querySeries } from "@/server/energy/readings/series";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { MeasurementsFilters } from "./measurements-filters";
import { SeriesTable } from "./series-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("siteMeasurements"))("tab") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * A site's measurements (`measurements.read`): range in the site's local dates (presets),
 * granularity (automatic from the range, or chosen), kind, one meter or all of them; chart
 * and table from the time series, estimated and corrected buckets marked; CSV of the same.
 */
export default async function SiteMeasurementsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  requireTemplate("energy");
  const actor = await requireUser("measurements.read");
  const { id } = await params;
  const db = await getDb();
  const data = await measurementsSite(db, actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const t = await getTranslations("siteMeasurements");
  const tu = await getTranslations("readingsUi");
  const format = await getFormatter();
  const { site } = data;
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, one(v)]));
  const kinds = (["consumption", "production"] as const).filter((k) => data.meters.some((m) => m.kind === k));
  const view = resolveView(raw, dayIn(new Date(), site.timezone), kinds[0] ?? "consumption");
  const chosenMeter = data.meters.find((m) => m.id === view.meter);
  if (!chosenMeter) view.meter = null;
  else view.kind = chosenMeter.kind as MeterKind;
  const series = kinds.length > 0 ? await querySeries(db, actor, viewSeriesQuery(site.id, view)) : null;
  const unitLabel = series?.unit ? tu(`unitSymbols.${series.unit}`) : "";
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title", { site: site.name })}
        description={t("description", { code: site.code, zone: site.timezone })}
        actions={
          <>
            <Link href={`/energy/live?site=${site.id}`} className={buttonClass("secondary")}>
              {t("liveLink")}
            </Link>
            {series && series.points.length > 0 ? (
              <a
                href={`/api/export/consommation?${exportParams(site.id, view)}`}
                download
                className={buttonClass("secondary")}
                data-testid="export-csv"
              >
                {t("exportCsv")}
              </a>
            ) : null}
          </>
        }
      />
      <p className="text-sm">
        <Link href={`/energy/sites/${site.id}`} className="text-primary underline underline-offset-2">
          {t("backToSite", { site: site.name })}
        </Link>
      </p>
      {kinds.length === 0 ? (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
          {t("empty.noMeters")}
        </p>
      ) : (
        <>
          <MeasurementsFilters data={data} view={view} kinds={[...kinds]} />
          {view.invalidRange || view.tooFine ? (
            <div role="status" className="space-y-1 rounded-md border border-warning p-3 text-sm">
              {view.invalidRange ? <p>{t("notices.invalidRange")}</p> : null}
              {view.tooFine ? <p>{t("notices.tooFine", { granularity: tu(`granularity.${view.granularity}`) })}</p> : null}
            </div>
          ) : null}
          <Card title={t("chartTitle", { kind: tu(`kind.${view.kind}`), from: day(view.from), to: day(view.to) })}>
            <p className="mb-3 text-sm text-muted">
              {chosenMeter
                ? t("scopeMeter", { meter: `${chosenMeter.code} — ${chosenMeter.name}` })
                : t("scopeSite", { count: series?.meters.length ?? 0, meters: (series?.meters ?? []).map((m) => m.code).join(", ") })}{" "}
              {t(series?.aggregation === "average" ? "aggregationAverage" : "aggregationSum", {
                granularity: tu(`granularity.${view.granularity}`),
              })}
            </p>
            {series && series.excluded.length > 0 ? (
              <p role="note" className="mb-3 text-sm text-muted">
                {t("excluded", { meters: series.excluded.map((m) => `${m.code} (${tu(`unitSymbols.${m.unit}`)})`).join(", ") })}
              </p>
            ) : null}
            {!series || series.meters.length === 0 ? (
              <p className="rounded-md border border-line p-6 text-center text-muted" data-testid="empty">
                {t("empty.noMeterOfKind", { kind: tu(`kind.${view.kind}`) })}
              </p>
            ) : series.points.length === 0 ? (
              <p className="rounded-md border border-line p-6 text-center text-muted" data-testid="empty">
                {t("empty.noReadings")}
              </p>
            ) : (
              <div className="space-y-4">
                <SeriesChart
                  points={series.points.map((p) => ({ ms: Date.parse(p.ts), value: p.value, quality: p.quality }))}
                  granularity={series.granularity}
                  timeZone={series.timezone}
                  unitLabel={unitLabel}
                />
                <SeriesTable series={series} />
              </div>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
