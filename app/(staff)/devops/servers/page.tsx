import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { getDb } from "@/db/client";
import { listServersQuery, serverFilterKeys } from "@/lib/validation/servers";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { listServers, serverFilterOptions } from "@/server/devops/servers/server-query";
import { requireTemplate } from "@/server/platform/templates";
import { ServerFilters } from "./server-filters";
import { ServerTable } from "./server-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("devops.servers"))("title") };
}

/** The inventory (`servers.read`): search, filters, order and cursor in the URL; CSV export; create and import for writers. */
export default async function ServersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  requireTemplate("devops");
  const actor = await requireUser("servers.read");
  const t = await getTranslations("devops.servers");
  const params = await searchParams;
  const known = new Set<string>([...serverFilterKeys, "cursor", "limit"]);
  const raw = Object.fromEntries(
    Object.entries(params).filter((e): e is [string, string] => known.has(e[0]) && typeof e[1] === "string" && e[1] !== ""),
  );
  const parsed = listServersQuery.safeParse({ ...raw, limit: raw.limit ?? "25" });
  const query = parsed.success ? parsed.data : listServersQuery.parse({ limit: "25" });
  const db = await getDb();
  const [{ data, next_cursor }, options] = await Promise.all([listServers(db, actor, query), serverFilterOptions(db, actor)]);
  const keep = new URLSearchParams(
    serverFilterKeys.map((k) => [k, String(query[k] ?? "")] as [string, string]).filter(([, v]) => v !== ""),
  );
  const nextHref = next_cursor ? `?${new URLSearchParams([...keep, ["cursor", next_cursor]])}` : null;
  const writer = can(actor, "servers.write");
  const filtered = [...keep.keys()].some((k) => k !== "sort" && k !== "order");
  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {writer ? (
              <>
                <Link href="/devops/servers/new" className={buttonClass("primary")}>
                  {t("create")}
                </Link>
                <Link href="/devops/servers/import" className={buttonClass("secondary")}>
                  {t("importCsv")}
                </Link>
              </>
            ) : null}
            <a href={`/api/export/servers?${keep}`} className={buttonClass("secondary")} download>
              {t("exportCsv")}
            </a>
          </>
        }
      />
      <ServerFilters query={query} locations={options.locations} tags={options.tags} />
      {!parsed.success ? (
        <p role="alert" className="mb-4 text-sm text-danger">
          {t("badFilters")}
        </p>
      ) : null}
      {data.length === 0 ? (
        <div className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
          <p>{filtered ? t("emptyFiltered") : t("empty")}</p>
          {writer && !filtered ? (
            <div className="mt-4 flex flex-wrap justify-center gap-2">
              <Link href="/devops/servers/new" className={buttonClass("primary")}>
                {t("create")}
              </Link>
              <Link href="/devops/servers/import" className={buttonClass("secondary")}>
                {t("importCsv")}
              </Link>
            </div>
          ) : null}
        </div>
      ) : (
        <ServerTable rows={data} t={t} />
      )}
      <CursorPagination className="mt-4 flex flex-wrap gap-3" firstHref={query.cursor ? `?${keep}` : null} nextHref={nextHref} />
    </div>
  );
}
