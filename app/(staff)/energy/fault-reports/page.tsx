import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { getDb } from "@/db/client";
import { faultReportStatuses, listFaultReportsQuery } from "@/lib/validation/fault-reports";
import { requireUser } from "@/server/auth/guards";
import { siteOptions } from "@/server/energy/equipment/equipment-query";
import { listFaultReports, technicianOptions } from "@/server/energy/fault-reports/fault-report-query";
import { requireTemplate } from "@/server/platform/templates";
import { ReportCard } from "./report-card";
import { CursorPagination } from "@/components/ui/cursor-pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("energy.faultReports"))("title") };
}

/** Reports sent from QR labels, for review (`maintenance.write`): new ones first by default. */
export default async function FaultReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  requireTemplate("energy");
  const actor = await requireUser("maintenance.write");
  const t = await getTranslations("energy.faultReports");
  const tc = await getTranslations("common");
  const format = await getFormatter();
  const params = await searchParams;
  const pick = (k: string) => (typeof params[k] === "string" && params[k] !== "" ? (params[k] as string) : undefined);
  const parsed = listFaultReportsQuery.safeParse({
    status: pick("status") ?? "new",
    site: pick("site"),
    q: pick("q"),
    cursor: pick("cursor"),
  });
  const query = parsed.success ? parsed.data : listFaultReportsQuery.parse({ status: "new" });
  const db = await getDb();
  const [{ data, next_cursor }, sites, technicians] = await Promise.all([
    listFaultReports(db, actor, query),
    siteOptions(db, actor, { includeDecommissioned: true }),
    technicianOptions(db, actor),
  ]);
  const keep = new URLSearchParams(
    Object.entries({ status: query.status, site: query.site, q: query.q }).filter((e): e is [string, string] => !!e[1]),
  );
  const nextHref = next_cursor ? `?${new URLSearchParams([...keep, ["cursor", next_cursor]])}` : null;
  const label = "mb-1 block text-xs font-semibold text-muted";
  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} description={t("description")} />
      <form
        role="search"
        aria-label={t("filters")}
        action="/energy/fault-reports"
        className="mb-4 grid gap-3 rounded-lg border border-line bg-surface p-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end"
      >
        <div>
          <label htmlFor="status" className={label}>
            {t("status")}
          </label>
          <select id="status" name="status" defaultValue={query.status ?? "new"} className={inputClass}>
            {faultReportStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
            <option value="all">{t("allStatuses")}</option>
          </select>
        </div>
        <div>
          <label htmlFor="site" className={label}>
            {t("site")}
          </label>
          <select id="site" name="site" defaultValue={query.site ?? ""} className={inputClass}>
            <option value="">{t("allSites")}</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.code})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="q" className={label}>
            {tc("search")}
          </label>
          <input id="q" name="q" type="search" defaultValue={query.q} className={inputClass} />
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          {tc("filter")}
        </button>
      </form>
      {data.length === 0 ? (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
          {query.status === "new" ? t("emptyNew") : t("empty")}
        </p>
      ) : (
        <ul className="space-y-4">
          {data.map((r) => (
            <li key={r.id}>
              <ReportCard report={r} technicians={technicians} t={t} format={format} />
            </li>
          ))}
        </ul>
      )}
      <CursorPagination className="mt-4 flex flex-wrap gap-3" firstHref={query.cursor ? `?${keep}` : null} nextHref={nextHref} />
    </div>
  );
}
