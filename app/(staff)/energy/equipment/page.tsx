import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listEquipmentQuery, equipmentFilterKeys } from "@/lib/validation/equipment";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { listEquipment, siteOptions } from "@/server/energy/equipment/equipment-query";
import { requireTemplate } from "@/server/platform/templates";
import { EquipmentFilters } from "./equipment-filters";
import { EquipmentTable } from "./equipment-table";
import { CursorPagination } from "@/components/ui/cursor-pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("energy.equipment"))("title") };
}

/** Equipment of every site: filters, sort and cursor in the URL; exports for admins. */
export default async function EquipmentListPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  requireTemplate("energy");
  const actor = await requireUser("equipment.read");
  const t = await getTranslations("energy");
  const format = await getFormatter();
  const params = await searchParams;
  const known = new Set<string>([...equipmentFilterKeys, "cursor", "limit"]);
  const raw = Object.fromEntries(
    Object.entries(params).filter((e): e is [string, string] => known.has(e[0]) && typeof e[1] === "string" && e[1] !== ""),
  );
  const parsed = listEquipmentQuery.safeParse({ ...raw, limit: raw.limit ?? "25" });
  const query = parsed.success ? parsed.data : listEquipmentQuery.parse({ limit: "25" });
  const db = await getDb();
  const [{ data, next_cursor }, sites] = await Promise.all([
    listEquipment(db, actor, query),
    siteOptions(db, actor, { includeDecommissioned: true }),
  ]);
  const keep = new URLSearchParams(equipmentFilterKeys.map((k) => [k, query[k] ?? ""] as [string, string]).filter(([, v]) => v !== ""));
  const nextHref = next_cursor ? `?${new URLSearchParams([...keep, ["cursor", next_cursor]])}` : null;
  const admin = can(actor, "equipment.write");
  const filtered = keep.size > 0;
  return (
    <div>
      <PageHeader
        title={t("equipment.title")}
        description={t("equipment.description")}
        actions={
          admin ? (
            <>
              <Link href="/energy/equipment/new" className={buttonClass("primary")}>
                {t("equipment.create")}
              </Link>
              <a
                href={`/api/export/equipements?${new URLSearchParams([...keep, ["format", "csv"]])}`}
                className={buttonClass("secondary")}
                download
              >
                {t("equipment.exportCsv")}
              </a>
              <a
                href={`/api/export/equipements?${new URLSearchParams([...keep, ["format", "pdf"]])}`}
                className={buttonClass("secondary")}
                download
              >
                {t("equipment.exportPdf")}
              </a>
            </>
          ) : undefined
        }
      />
      {params.deleted ? (
        <p role="status" className="mb-4 rounded-md border border-success p-3 text-sm text-success">
          {t("equipment.deleted")}
        </p>
      ) : null}
      <EquipmentFilters query={query} sites={sites} />
      {!parsed.success ? (
        <p role="alert" className="mb-4 text-sm text-danger">
          {t("equipment.badFilters")}
        </p>
      ) : null}
      {data.length === 0 ? (
        <div className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
          <p>{filtered ? t("equipment.emptyFiltered") : t("equipment.empty")}</p>
          {admin && !filtered ? (
            <Link href="/energy/equipment/new" className={`${buttonClass("primary")} mt-4`}>
              {t("equipment.create")}
            </Link>
          ) : null}
        </div>
      ) : (
        <EquipmentTable rows={data} t={t} format={format} />
      )}
      <CursorPagination className="mt-4 flex flex-wrap gap-3" firstHref={query.cursor ? `?${keep}` : null} nextHref={nextHref} />
    </div>
  );
}
