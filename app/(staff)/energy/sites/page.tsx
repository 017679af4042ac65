import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listSitesQuery } from "@/lib/validation/sites";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { listNetworks } from "@/server/energy/sites/networks-service";
import { listSiteRegions, listSites } from "@/server/energy/sites/sites-query";
import { requireTemplate } from "@/server/platform/templates";
import { filterParams, singleParams, type FilterValues } from "./filter-params";
import { SitesFilters } from "./sites-filters";
import { SitesTable } from "./sites-table";
import { CursorPagination } from "@/components/ui/cursor-pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("energy"))("sites.title") };
}

/** Sites for every reader (`sites.read`): search, filters and sort in the URL, 25 per page. */
export default async function SitesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  requireTemplate("energy");
  const actor = await requireUser("sites.read");
  const t = await getTranslations();
  const raw = singleParams(await searchParams);
  const values: FilterValues = {
    q: raw.q,
    type: raw.type,
    status: raw.status,
    region: raw.region,
    network: raw.network,
    sort: raw.sort,
    order: raw.order,
  };
  const parsed = listSitesQuery.safeParse({ ...values, cursor: raw.cursor, limit: "25" });
  const db = await getDb();
  const [result, regions, networks] = await Promise.all([
    parsed.success ? listSites(db, actor, parsed.data) : null,
    listSiteRegions(db, actor),
    listNetworks(db, actor),
  ]);
  const keep = filterParams(values);
  const exportHref = (format: "csv" | "pdf") => `/api/export/sites?${new URLSearchParams([...keep, ["format", format]])}`;
  const nextHref = result?.next_cursor ? `?${new URLSearchParams([...keep, ["cursor", result.next_cursor]])}` : null;
  const filtered = [...keep.keys()].some((k) => k !== "sort" && k !== "order");

  return (
    <div>
      <PageHeader
        title={t("energy.sites.title")}
        description={t("energy.sites.description")}
        actions={
          <>
            <Link href="/energy/networks" className={buttonClass("secondary")}>
              {t("energy.networks.title")}
            </Link>
            <Link href="/energy/map" className={buttonClass("secondary")}>
              {t("energy.map.title")}
            </Link>
            {can(actor, "sites.export") ? (
              <>
                <a href={exportHref("csv")} download className={buttonClass("secondary")} data-testid="export-csv">
                  {t("energy.sites.export.csv")}
                </a>
                <a href={exportHref("pdf")} download className={buttonClass("secondary")} data-testid="export-pdf">
                  {t("energy.sites.export.pdf")}
                </a>
              </>
            ) : null}
            {can(actor, "sites.write") ? (
              <Link href="/energy/sites/new" className={buttonClass("primary")}>
                {t("energy.sites.create")}
              </Link>
            ) : null}
          </>
        }
      />
      {raw.deleted ? (
        <p role="status" className="mb-4 rounded-md border border-success p-3 text-sm text-success">
          {t("energy.sites.deleted")}
        </p>
      ) : null}
      <SitesFilters values={values} regions={regions} networks={networks} />
      {!parsed.success ? (
        <div role="alert" className="rounded-md border border-danger p-4 text-sm text-danger">
          <p className="font-semibold">{t("energy.sites.invalidFilters")}</p>
          <ul className="mt-1 list-disc ps-5">
            {parsed.error.issues.map((issue) => {
              const field = String(issue.path[0] ?? "");
              const label = t.has(`energy.sites.filters.${field}`) ? t(`energy.sites.filters.${field}`) : field;
              return <li key={`${field}-${issue.message}`}>{`${label} — ${t("validation.invalid")}`}</li>;
            })}
          </ul>
        </div>
      ) : result && result.data.length > 0 ? (
        <SitesTable sites={result.data} sort={parsed.data.sort} order={parsed.data.order} />
      ) : (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
          {filtered ? t("energy.sites.empty") : t("energy.sites.emptyAll")}
        </p>
      )}
      <CursorPagination
        className="mt-4 flex gap-3"
        firstHref={parsed.success && parsed.data.cursor ? (keep.size > 0 ? `?${keep}` : "/energy/sites") : null}
        nextHref={nextHref}
      />
    </div>
  );
}
