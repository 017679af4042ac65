import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { SiteStatusBadge } from "@/components/energy/site-status";
import type { SiteSort } from "@/lib/validation/sites";
import type { SiteListItem } from "@/server/energy/sites/sites-query";

type Column = { key: string; label: string; sort?: SiteSort; className?: string };

/** The sites as a table; the sorted column carries aria-sort. Narrow screens keep site and status. */
export async function SitesTable({ sites, sort, order }: { sites: SiteListItem[]; sort: SiteSort; order: "asc" | "desc" }) {
  const t = await getTranslations("energy");
  const format = await getFormatter();
  const columns: Column[] = [
    { key: "site", label: t("sites.columns.site"), sort: "name" },
    { key: "type", label: t("sites.columns.type"), className: "hidden sm:table-cell" },
    { key: "status", label: t("sites.columns.status"), sort: "status" },
    { key: "region", label: t("sites.columns.region"), className: "hidden md:table-cell" },
    { key: "network", label: t("sites.columns.network"), className: "hidden lg:table-cell" },
    { key: "capacity", label: t("sites.columns.capacityMw"), sort: "capacity", className: "hidden sm:table-cell text-end" },
  ];
  const ariaSort = (c: Column) =>
    c.sort === sort || (c.key === "site" && sort === "code") ? (order === "asc" ? "ascending" : "descending") : undefined;
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("sites.title")}</caption>
        <thead className="bg-surface-2">
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" aria-sort={ariaSort(c)} className={`px-3 py-2 text-start ${c.className ?? ""}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {sites.map((s) => (
            <tr key={s.id} data-testid="site-row" data-code={s.code}>
              <td className="px-3 py-2">
                <Link href={`/energy/sites/${s.id}`} className="font-semibold text-primary underline underline-offset-2">
                  {s.name}
                </Link>
                <div className="font-mono text-xs text-muted" dir="ltr">
                  {s.code}
                </div>
              </td>
              <td className="hidden px-3 py-2 sm:table-cell">{t(`siteTypes.${s.type}`)}</td>
              <td className="px-3 py-2">
                <SiteStatusBadge status={s.status} label={t(`siteStatus.${s.status}`)} />
              </td>
              <td className="hidden px-3 py-2 md:table-cell">{s.region ?? "—"}</td>
              <td className="hidden px-3 py-2 lg:table-cell">{s.network ? s.network.name : "—"}</td>
              <td className="hidden px-3 py-2 text-end tabular-nums sm:table-cell">
                {s.capacityMw === null ? "—" : format.number(s.capacityMw, { maximumFractionDigits: 3 })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
