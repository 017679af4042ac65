import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { incidentListQuerySchema } from "@/lib/validation/incidents";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { assigneeOptions } from "@/server/devops/incidents/assignee-options";
import { listIncidents } from "@/server/devops/incidents/incidents-query";
import { requireTemplate } from "@/server/platform/templates";
import { IncidentFilters, type IncidentFilterValues } from "./incident-filters";
import { IncidentTable } from "./incident-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("devops.incidents"))("title") };
}

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
const pageSize = 25;

/**
 * Incidents, newest first, with their SLA badges. Managers and readers (admin, devops) see
 * all; a user sees the incidents they opened. Filters and page live in the URL.
 */
export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  requireTemplate("devops");
  const actor = await requireUser("incidents.create");
  const t = await getTranslations("devops.incidents");
  const format = await getFormatter();
  const raw = await searchParams;
  const values: IncidentFilterValues = {
    status: single(raw.status),
    severity: single(raw.severity),
    assignee: single(raw.assignee),
    q: single(raw.q),
    breached: single(raw.breached),
  };
  const parsed = incidentListQuerySchema.safeParse({ ...values, page: single(raw.page) ?? "1", pageSize: String(pageSize) });
  const query = parsed.success ? parsed.data : { page: 1, pageSize };
  const db = await getDb();
  const reader = can(actor, "incidents.read");
  const [result, assignees] = await Promise.all([listIncidents(db, actor, query), reader ? assigneeOptions(db, actor) : null]);
  const keep = new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => !!e[1]));
  const pageHref = (n: number) => `/devops/incidents?${new URLSearchParams([...keep, ["page", String(n)]])}`;
  const pages = Math.max(1, Math.ceil(result.total / pageSize));

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={reader ? t("descriptionAll") : t("descriptionOwn")}
        actions={
          <>
            <Link href="/devops/incidents/new" className={buttonClass("primary")}>
              {t("new.title")}
            </Link>
            {reader ? (
              <Link href="/devops/sla" className={buttonClass("secondary")}>
                {t("list.slaReport")}
              </Link>
            ) : null}
          </>
        }
      />
      <IncidentFilters values={values} assignees={assignees} />
      {!parsed.success ? (
        <p role="alert" className="rounded-md border border-danger p-4 text-sm text-danger">
          {t("list.invalidFilters")}
        </p>
      ) : null}
      {result.items.length === 0 ? (
        <p className="rounded-md border border-line p-4 text-muted">{t("list.empty")}</p>
      ) : (
        <IncidentTable rows={result.items} t={t} format={format} />
      )}
      <nav aria-label={t("list.pagination")} className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-muted">{t("list.pageOf", { page: result.page, pages, total: result.total })}</p>
        {result.page > 1 ? (
          <Link href={pageHref(result.page - 1)} className={buttonClass("secondary")}>
            {t("list.previous")}
          </Link>
        ) : null}
        {result.page < pages ? (
          <Link href={pageHref(result.page + 1)} className={buttonClass("secondary")}>
            {t("list.next")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
