import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { getDb } from "@/db/client";
import { listAlertsQuery } from "@/lib/validation/alert-rules";
import { requireUser } from "@/server/auth/guards";
import { listAlertHistory, listOpenAlerts } from "@/server/energy/alerts/alerts-query";
import { alertSiteOptions } from "@/server/energy/alerts/rule-options";
import { requireTemplate } from "@/server/platform/templates";
import { AlertFilters } from "./alert-filters";
import { AlertHistory } from "./alert-history";
import { OpenAlerts } from "./open-alerts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("alerts"))("title") };
}

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Threshold alerts for readers of measurements: open alerts first (firing, then
 * acknowledged), then the history of resolved alerts, 25 per page; state and site filters.
 */
export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  requireTemplate("energy");
  const actor = await requireUser("measurements.read");
  const t = await getTranslations("alerts");
  const raw = await searchParams;
  const values = { state: single(raw.state) || undefined, site: single(raw.site) || undefined };
  const parsed = listAlertsQuery.safeParse({ ...values, cursor: single(raw.cursor), limit: "25" });
  const query = parsed.success ? parsed.data : { limit: 25 };
  const showOpen = query.state !== "resolved";
  const showHistory = query.state === undefined || query.state === "resolved";
  const db = await getDb();
  const [sites, open, history] = await Promise.all([
    alertSiteOptions(db, actor),
    showOpen ? listOpenAlerts(db, actor, query) : null,
    showHistory ? listAlertHistory(db, actor, query) : null,
  ]);
  const keep = new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => !!e[1]));
  const nextHref = history?.next_cursor ? `?${new URLSearchParams([...keep, ["cursor", history.next_cursor]])}#history` : null;
  const firstHref = parsed.success && parsed.data.cursor ? `/energy/alerts${keep.size > 0 ? `?${keep}` : ""}#history` : null;

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/energy/alerts/rules" className={buttonClass("secondary")}>
            {t("rules.title")}
          </Link>
        }
      />
      <AlertFilters values={values} sites={sites} />
      {!parsed.success ? (
        <p role="alert" className="rounded-md border border-danger p-4 text-sm text-danger">
          {t("invalidFilters")}
        </p>
      ) : null}
      {open ? (
        <section aria-labelledby="open-alerts" className="space-y-3">
          <h2 id="open-alerts" className="text-lg font-semibold">
            {t("open")}
          </h2>
          <OpenAlerts alerts={open} />
        </section>
      ) : null}
      {history ? (
        <section aria-labelledby="history-title" id="history" className="space-y-3">
          <h2 id="history-title" className="text-lg font-semibold">
            {t("history")}
          </h2>
          <AlertHistory alerts={history.data} />
          <CursorPagination firstHref={firstHref} nextHref={nextHref} />
        </section>
      ) : null}
    </div>
  );
}
