import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SiteMap } from "@/components/energy/map/site-map";
import { SiteStatusBadge, StatusGlyph } from "@/components/energy/site-status";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { getDb } from "@/db/client";
import { mapFilters, siteCountries, siteStatuses, siteTypes } from "@/lib/validation/sites";
import { requireUser } from "@/server/auth/guards";
import { listMapSites } from "@/server/energy/sites/site-map";
import { requireTemplate } from "@/server/platform/templates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("energy"))("map.title") };
}

/**
 * The sites on a map of Algeria and Morocco, for every reader of sites (`sites.read`). Inline
 * SVG rendered on the server: no script, no tiles, no request leaves the machine. Filters
 * (status, type) in the URL; the markers are also listed as text below the map.
 */
export default async function SiteMapPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  requireTemplate("energy");
  const actor = await requireUser("sites.read");
  const t = await getTranslations("energy");
  const tc = await getTranslations("common");
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const parsed = mapFilters.safeParse({ type: one(raw.type), status: one(raw.status) });
  const filters = parsed.success ? parsed.data : {};
  const { sites, withoutCoordinates } = await listMapSites(await getDb(), actor, filters);
  const markers = sites.map((s) => ({
    ...s,
    label: t("map.markerLabel", { name: s.name, code: s.code, status: t(`siteStatus.${s.status}`) }),
  }));
  const countryNames = Object.fromEntries(siteCountries.map((c) => [c, t(`countries.${c}`)]));

  return (
    <div className="space-y-4">
      <PageHeader title={t("map.title")} description={t("map.description")} />
      <form
        role="search"
        aria-label={t("map.filtersTitle")}
        action="/energy/map"
        className="grid gap-3 rounded-lg border border-line bg-surface p-4 sm:grid-cols-[1fr_1fr_auto]"
      >
        <div className="space-y-1">
          <label htmlFor="map-status" className="block text-sm font-semibold">
            {t("sites.filters.status")}
          </label>
          <select id="map-status" name="status" defaultValue={filters.status ?? ""} className={inputClass}>
            <option value="">{t("sites.filters.anyStatus")}</option>
            {siteStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`siteStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="map-type" className="block text-sm font-semibold">
            {t("sites.filters.type")}
          </label>
          <select id="map-type" name="type" defaultValue={filters.type ?? ""} className={inputClass}>
            <option value="">{t("sites.filters.anyType")}</option>
            {siteTypes.map((type) => (
              <option key={type} value={type}>
                {t(`siteTypes.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass("primary")}>
            {tc("filter")}
          </button>
          <Link href="/energy/map" className={buttonClass("ghost")}>
            {t("sites.filters.reset")}
          </Link>
        </div>
      </form>
      <div className="grid gap-4 lg:grid-cols-[1fr_16rem]">
        <figure className="min-w-0">
          <SiteMap markers={markers} title={t("map.mapLabel", { count: markers.length })} countryNames={countryNames} />
          <figcaption className="mt-2 text-xs text-muted">{t("map.caption")}</figcaption>
        </figure>
        <div className="space-y-4">
          <section aria-labelledby="map-legend" className="rounded-lg border border-line bg-surface p-4">
            <h2 id="map-legend" className="mb-2 text-sm font-semibold">
              {t("map.legend")}
            </h2>
            <ul className="space-y-1 text-sm" data-testid="map-legend">
              {siteStatuses.map((s) => (
                <li key={s} className="flex items-center gap-2">
                  <StatusGlyph status={s} />
                  {t(`siteStatus.${s}`)}
                </li>
              ))}
            </ul>
          </section>
          {withoutCoordinates > 0 ? (
            <p className="text-sm text-muted">{t("map.withoutCoordinates", { count: withoutCoordinates })}</p>
          ) : null}
        </div>
      </div>
      <section aria-labelledby="map-list" className="rounded-lg border border-line bg-surface p-4">
        <h2 id="map-list" className="mb-2 text-base font-semibold">
          {t("map.listTitle", { count: markers.length })}
        </h2>
        {markers.length === 0 ? (
          <p className="text-sm text-muted" data-testid="empty">
            {t("map.empty")}
          </p>
        ) : (
          <ul className="grid gap-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
            {markers.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/energy/sites/${m.id}`} className="font-semibold text-primary underline underline-offset-2">
                  {m.name}
                </Link>
                <SiteStatusBadge status={m.status} label={t(`siteStatus.${m.status}`)} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
