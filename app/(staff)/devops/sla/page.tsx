import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { getDb } from "@/db/client";
import { monthSchema } from "@/lib/validation/incidents";
import { requireUser } from "@/server/auth/guards";
import { reportTimezone, slaReport, type SlaSeverityRow } from "@/server/devops/incidents/sla-report";
import { requireTemplate } from "@/server/platform/templates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("devops.sla"))("report.title") };
}

function currentMonth(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: reportTimezone, year: "numeric", month: "2-digit" }).format(new Date()).slice(0, 7);
}

/**
 * Monthly SLA compliance per severity for incidents opened that month (Algiers calendar
 * month): count, % of acknowledgement and resolution clocks met, breaches, median times in
 * business minutes. `?month=YYYY-MM` in the URL; CSV export of the month's incidents.
 */
export default async function SlaReportPage({ searchParams }: { searchParams: Promise<{ month?: string | string[] }> }) {
  requireTemplate("devops");
  const actor = await requireUser("incidents.read");
  const t = await getTranslations("devops");
  const format = await getFormatter();
  const wanted = (await searchParams).month;
  const parsed = monthSchema.safeParse(typeof wanted === "string" ? wanted : currentMonth());
  const month = parsed.success ? parsed.data : currentMonth();
  const report = await slaReport(await getDb(), actor, month);
  const [y, m] = month.split("-").map(Number) as [number, number];
  const monthLabel = format.dateTime(new Date(Date.UTC(y, m - 1, 15)), { year: "numeric", month: "long", timeZone: "UTC" });
  const pct = (v: number | null) =>
    v === null ? t("sla.report.none") : format.number(v / 100, { style: "percent", maximumFractionDigits: 1 });
  const mins = (v: number | null) => (v === null ? t("sla.report.none") : t("sla.report.minutes", { n: v }));
  const th = "px-3 py-2 text-start font-semibold";
  const td = "px-3 py-2 tabular-nums";
  const row = (r: SlaSeverityRow, strong = false) => (
    <tr key={r.severity} className={strong ? "font-semibold" : undefined}>
      <th scope="row" className="px-3 py-2 text-start">
        {r.severity === "all" ? t("sla.report.all") : t(`incidents.severity.${r.severity}`)}
      </th>
      <td className={td}>{format.number(r.count)}</td>
      <td className={td}>{pct(r.ackMetPercent)}</td>
      <td className={td}>{pct(r.resolveMetPercent)}</td>
      <td className={td}>{format.number(r.ackBreached)}</td>
      <td className={td}>{format.number(r.resolveBreached)}</td>
      <td className={td}>{mins(r.medianAckMinutes)}</td>
      <td className={td}>{mins(r.medianResolveMinutes)}</td>
    </tr>
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("sla.report.title")}
        description={t("sla.report.description")}
        actions={
          <>
            <a href={`/api/export/sla?month=${month}`} className={buttonClass("secondary")} download>
              {t("sla.report.export")}
            </a>
            <Link href="/devops/sla/policies" className={buttonClass("secondary")}>
              {t("sla.policies.title")}
            </Link>
          </>
        }
      />
      <form action="/devops/sla" className="flex flex-wrap items-end gap-3" aria-label={t("sla.report.pickMonth")}>
        <div>
          <label htmlFor="month" className="block text-xs font-semibold text-muted">
            {t("sla.report.month")}
          </label>
          <input id="month" name="month" type="month" defaultValue={month} className={inputClass} />
        </div>
        <button type="submit" className={buttonClass("primary")}>
          {t("sla.report.show")}
        </button>
      </form>
      {!parsed.success ? (
        <p role="alert" className="rounded-md border border-danger p-4 text-sm text-danger">
          {t("sla.report.invalidMonth")}
        </p>
      ) : null}
      <h2 className="text-lg font-semibold">{t("sla.report.heading", { month: monthLabel })}</h2>
      <ScrollRegion label={t("sla.report.table")} className="rounded-lg border border-line bg-surface">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("sla.report.heading", { month: monthLabel })}</caption>
          <thead className="bg-surface-2">
            <tr>
              <th scope="col" className={th}>
                {t("sla.report.severity")}
              </th>
              <th scope="col" className={th}>
                {t("sla.report.count")}
              </th>
              <th scope="col" className={th}>
                {t("sla.report.ackMet")}
              </th>
              <th scope="col" className={th}>
                {t("sla.report.resolveMet")}
              </th>
              <th scope="col" className={th}>
                {t("sla.report.ackBreached")}
              </th>
              <th scope="col" className={th}>
                {t("sla.report.resolveBreached")}
              </th>
              <th scope="col" className={th}>
                {t("sla.report.medianAck")}
              </th>
              <th scope="col" className={th}>
                {t("sla.report.medianResolve")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {report.rows.map((r) => row(r))}
            {row(report.total, true)}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="text-xs text-muted">{t("sla.report.note")}</p>
    </div>
  );
}
