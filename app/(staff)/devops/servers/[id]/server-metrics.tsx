import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { MetricChart, type MetricChartPoint } from "@/components/devops/metric-chart";
import { formatMetricValue } from "@/components/devops/metric-format";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { direction, isLocale } from "@/i18n/config";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { isBuiltinMetric } from "@/server/devops/metrics/metric-kinds";
import { PrometheusError } from "@/server/devops/metrics/prometheus-client";
import { readServerSeries, type SeriesAnswer } from "@/server/devops/metrics/read-series";
import { serverMetricNames } from "@/server/devops/metrics/server-series-list";

const ranges = { "1h": 3_600_000, "6h": 6 * 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000 } as const;
type Range = keyof typeof ranges;
const isRange = (v: unknown): v is Range => typeof v === "string" && v in ranges;

type Loaded = { metric: string; series: SeriesAnswer | null; error: string | null };

/**
 * The metrics section of a server's page (monitoring readers only; renders nothing for
 * others): one chart per metric over `range` (1h, 6h, 24h default, 7d; switched by links),
 * at most ~1,000 aggregated points each, with a min/avg/max table; an empty state when the
 * server has no metrics.
 */
export async function ServerMetrics({ serverId, range }: { serverId: string; range?: string }) {
  const actor = await requireUser();
  if (!can(actor, "monitoring.read")) return null;
  const t = await getTranslations("devops.monitoring");
  const locale = await getLocale();
  const timeZone = await getTimeZone();
  const current: Range = isRange(range) ? range : "24h";
  const db = await getDb();
  const to = new Date();
  const from = new Date(to.getTime() - ranges[current]);
  const names = await serverMetricNames(db, actor, serverId);
  const loaded: Loaded[] = [];
  for (const metric of names) {
    try {
      loaded.push({ metric, series: await readServerSeries(db, actor, { serverId, metric, from, to }), error: null });
    } catch (error) {
      if (!(error instanceof PrometheusError)) throw error;
      loaded.push({ metric, series: null, error: error.message });
    }
  }
  const metricName = (m: string) => (isBuiltinMetric(m) ? t(`metrics.${m}`) : m);
  const rangeLabel = t(`ranges.${current}`);
  return (
    <section aria-labelledby="server-metrics-title" id="metrics" className="space-y-4" data-testid="server-metrics">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="server-metrics-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <nav aria-label={t("rangeNav")} className="flex flex-wrap gap-1">
          {(Object.keys(ranges) as Range[]).map((r) => (
            <Link
              key={r}
              href={`/devops/servers/${serverId}?range=${r}#metrics`}
              aria-current={r === current ? "page" : undefined}
              className={`inline-flex min-h-10 items-center rounded-md border px-3 text-sm ${
                r === current ? "border-primary bg-primary text-primary-fg" : "border-border hover:bg-surface-2"
              }`}
            >
              {t(`ranges.${r}`)}
            </Link>
          ))}
        </nav>
      </div>
      {loaded.length === 0 ? (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="no-metrics">
          {t("empty")}
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {loaded.map(({ metric, series, error }) => (
            <Card key={metric} title={metricName(metric)} headingLevel={3}>
              {error ? (
                <p role="alert" className="text-sm text-danger">
                  {t("prometheusError", { error })}
                </p>
              ) : series && series.points.length > 0 ? (
                <MetricBlock
                  series={series}
                  label={t("chartLabel", { metric: metricName(metric), range: rangeLabel })}
                  locale={locale}
                  timeZone={timeZone}
                  caption={t("summary.caption", { metric: metricName(metric), range: rangeLabel })}
                  texts={{
                    min: t("summary.min"),
                    avg: t("summary.avg"),
                    max: t("summary.max"),
                    range: t("summary.range"),
                    step: t("step", { minutes: Math.round(series.step / 60) }),
                    source: series.source === "prometheus" ? t("fromPrometheus") : null,
                  }}
                />
              ) : (
                <p className="text-sm text-muted">{t("noPoints", { range: rangeLabel })}</p>
              )}
            </Card>
          ))}
        </div>
      )}
    </section>
  );
}

function MetricBlock({
  series,
  label,
  caption,
  locale,
  timeZone,
  texts,
}: {
  series: SeriesAnswer;
  label: string;
  caption: string;
  locale: string;
  timeZone: string;
  texts: { min: string; avg: string; max: string; range: string; step: string; source: string | null };
}) {
  const points: MetricChartPoint[] = series.points.map(([ts, avg, min, max]) => [Date.parse(ts), avg, min, max]);
  const min = Math.min(...points.map((p) => p[2]));
  const max = Math.max(...points.map((p) => p[3]));
  const avg = points.reduce((s, p) => s + p[1], 0) / points.length;
  const v = (n: number) => formatMetricValue(n, series.unit, locale);
  return (
    <div className="space-y-2">
      <MetricChart
        points={points}
        unit={series.unit}
        stepSeconds={series.step}
        locale={locale}
        timeZone={timeZone}
        rtl={isLocale(locale) && direction[locale] === "rtl"}
        label={label}
        labels={{ avg: texts.avg, range: texts.range }}
      />
      <table className="w-full text-sm" data-testid="metric-summary">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="text-xs text-muted">
            <th scope="col" className="text-start font-normal">
              {texts.min}
            </th>
            <th scope="col" className="text-start font-normal">
              {texts.avg}
            </th>
            <th scope="col" className="text-start font-normal">
              {texts.max}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr className="tabular-nums">
            <td>{v(min)}</td>
            <td>{v(avg)}</td>
            <td>{v(max)}</td>
          </tr>
        </tbody>
      </table>
      <p className="text-xs text-muted">
        {texts.step}
        {texts.source ? ` · ${texts.source}` : null}
      </p>
    </div>
  );
}
