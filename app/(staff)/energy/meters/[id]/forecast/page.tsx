import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ForecastChart } from "@/components/energy/forecast-chart";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { skillVerdict } from "@/lib/forecast/view";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { getMeterForecast } from "@/server/energy/forecast/forecast-query";
import { maxGapHours } from "@/server/energy/forecast/history";
import { forecastCron } from "@/server/energy/forecast/schedule";
import { scheduleTimeZone } from "@/server/platform/jobs/config";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { MetricsTable } from "./metrics-table";
import { RecomputeButton } from "./recompute-button";
import { SummaryTable } from "./summary-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("forecast"))("title") };
}

/**
 * A meter's 7-day forecasts (seasonal naive and Holt-Winters) drawn apart from its readings,
 * with the backtest accuracy beside them and the skill against the naive baseline stated as
 * it is. Readers: `measurements.read`; admins (`meters.write`) can recompute now.
 */
export default async function MeterForecastPage({ params }: { params: Promise<{ id: string }> }) {
  requireTemplate("energy");
  const actor = await requireUser("measurements.read");
  const { id } = await params;
  const db = await getDb();
  const data = await getMeterForecast(db, actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const t = await getTranslations("forecast");
  const format = await getFormatter();
  const { meter, runs } = data;
  const naive = runs.seasonal_naive;
  const hw = runs.holt_winters;
  const first = naive ?? hw;
  const tz = meter.timezone;
  const when = (d: Date) => format.dateTime(d, { timeZone: tz, dateStyle: "medium", timeStyle: "short" });
  const [minute, hour] = forecastCron.split(" ");
  const scheduled = { time: `${hour!.padStart(2, "0")}:${minute!.padStart(2, "0")}`, timeZone: scheduleTimeZone() };
  const recompute = can(actor, "meters.write") ? <RecomputeButton meterId={meter.id} /> : null;
  const back = (
    <Link href={`/energy/meters/${meter.id}`} className={buttonClass("secondary")}>
      {t("back")}
    </Link>
  );

  if (!first) {
    return (
      <div>
        <PageHeader
          title={t("titleOf", { meter: meter.name })}
          description={t("description", { code: meter.code, site: meter.siteName })}
          actions={back}
        />
        <div className="space-y-3 rounded-md border border-line bg-surface p-6 text-center" data-testid="forecast-empty">
          <p>{t("empty", scheduled)}</p>
          {recompute ? <div className="flex justify-center">{recompute}</div> : null}
        </div>
      </div>
    );
  }

  const backtest = naive?.metrics ?? hw?.metrics ?? null;
  const tested = naive?.backtestFrom ? naive : hw?.backtestFrom ? hw : null;
  const percent = (v: number, sign = false) =>
    format.number(sign ? v : Math.abs(v), { style: "percent", maximumFractionDigits: 1, signDisplay: sign ? "exceptZero" : "auto" });
  const verdict = hw?.metrics ? skillVerdict(hw.metrics.skill) : "unknown";
  const filled = first.filled;

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("titleOf", { meter: meter.name })}
        description={t("description", { code: meter.code, site: meter.siteName })}
        actions={back}
      />
      <div className="flex flex-wrap items-start justify-between gap-3 text-sm">
        <div className="space-y-1">
          <p>{t("horizon", { from: when(first.horizonFrom), to: when(first.horizonTo) })}</p>
          <p className="text-muted">{t("computedAt", { date: when(first.createdAt), ...scheduled })}</p>
        </div>
        {recompute}
      </div>
      <div className="grid gap-4 lg:grid-cols-5">
        <Card title={t("chart.title")} className="min-w-0 lg:col-span-3">
          <ForecastChart
            rows={data.rows}
            horizonFrom={first.horizonFrom.getTime()}
            timeZone={tz}
            unit={meter.unit}
            describedBy="forecast-metrics forecast-summary"
          />
        </Card>
        <Card title={t("metrics.title")} className="min-w-0 space-y-3 lg:col-span-2">
          <MetricsTable id="forecast-metrics" naive={naive?.metrics ?? null} hw={hw?.metrics ?? null} />
          <p className="mt-3 font-semibold" data-testid="forecast-skill" data-verdict={verdict}>
            {verdict === "wins"
              ? t("skill.wins", { percent: percent(hw!.metrics!.skill!) })
              : verdict === "loses"
                ? t("skill.loses", { skill: percent(hw!.metrics!.skill!, true) })
                : hw?.metrics
                  ? t("skill.noRatio")
                  : t("skill.unknown")}
          </p>
          <ul className="mt-3 list-disc space-y-1 ps-5 text-sm text-muted">
            {tested?.backtestFrom && tested.backtestTo ? (
              <li>
                {t("notes.backtest", { from: when(tested.backtestFrom), to: when(tested.backtestTo), scored: backtest?.scored ?? 0 })}
              </li>
            ) : (
              <li>{t("notes.noBacktest")}</li>
            )}
            <li>{t("notes.g14")}</li>
            <li>{t("notes.nmbe")}</li>
            {backtest ? <li>{t("notes.mape", { skipped: backtest.mapeSkipped })}</li> : null}
            <li>{t("notes.gaps", { hours: maxGapHours, filled })}</li>
            <li>{t("notes.band")}</li>
          </ul>
        </Card>
      </div>
      <Card title={t("summary.title")}>
        <SummaryTable
          id="forecast-summary"
          quantity={meter.quantity}
          unit={meter.unit}
          actual={data.actualSummary}
          naive={naive?.summary ?? null}
          hw={hw?.summary ?? null}
        />
      </Card>
    </div>
  );
}
