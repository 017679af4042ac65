import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { getDb } from "@/db/client";
import { alertHistoryQuery } from "@/lib/devops/alert-states";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { listAlertHistory, listLiveAlerts } from "@/server/devops/alerts/instances-query";
import { requireTemplate } from "@/server/platform/templates";
import { AlertHistory } from "./alert-history";
import { HistoryFilter } from "./history-filter";
import { LiveAlerts } from "./live-alerts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("devops.alerts"))("title") };
}

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Monitoring alerts (`monitoring.read`): firing and pending alerts first, then the history
 * of every alert, 25 per page, filtered by state in the URL.
 */
export default async function DevopsAlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  requireTemplate("devops");
  const actor = await requireUser("monitoring.read");
  const t = await getTranslations("devops.alerts");
  const raw = await searchParams;
  const state = single(raw.state) || undefined;
  const parsed = alertHistoryQuery.safeParse({ state, cursor: single(raw.cursor), limit: "25" });
  const query = parsed.success ? parsed.data : alertHistoryQuery.parse({ limit: "25" });
  const db = await getDb();
  const [live, history] = await Promise.all([listLiveAlerts(db, actor), listAlertHistory(db, actor, query)]);
  const keep = new URLSearchParams(query.state ? [["state", query.state]] : []);
  const nextHref = history.next_cursor ? `?${new URLSearchParams([...keep, ["cursor", history.next_cursor]])}#history` : null;
  const firstHref = query.cursor ? `/devops/alerts${keep.size > 0 ? `?${keep}` : ""}#history` : null;
  const writable = can(actor, "monitoring.write");
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Link href="/devops/alerts/rules" className={buttonClass("secondary")}>
              {t("rulesLink")}
            </Link>
            <Link href="/devops/alerts/silences" className={buttonClass("secondary")}>
              {t("silencesLink")}
            </Link>
          </>
        }
      />
      <section aria-labelledby="live-title" className="space-y-3">
        <h2 id="live-title" className="text-lg font-semibold">
          {t("live.title")}
        </h2>
        <LiveAlerts alerts={live} writable={writable} />
      </section>
      <section aria-labelledby="history-title" id="history" className="space-y-3">
        <h2 id="history-title" className="text-lg font-semibold">
          {t("history.title")}
        </h2>
        <HistoryFilter state={query.state} />
        {!parsed.success ? (
          <p role="alert" className="rounded-md border border-danger p-4 text-sm text-danger">
            {t("invalidFilters")}
          </p>
        ) : null}
        <AlertHistory alerts={history.data} filtered={!!query.state} />
        <CursorPagination firstHref={firstHref} nextHref={nextHref} />
      </section>
    </div>
  );
}
