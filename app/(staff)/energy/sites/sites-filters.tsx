import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { siteSorts, siteStatuses, siteTypes, sortOrders } from "@/lib/validation/sites";
import type { FilterValues } from "./filter-params";

function Labelled({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * The site list's search, filters and sort as a plain GET form: everything lives in the URL,
 * so a filtered view can be bookmarked, shared and exported as shown.
 */
export async function SitesFilters({
  values,
  regions,
  networks,
}: {
  values: FilterValues;
  regions: string[];
  networks: { id: string; code: string; name: string }[];
}) {
  const t = await getTranslations("energy");
  const tc = await getTranslations("common");
  return (
    <form
      role="search"
      aria-label={t("sites.filters.title")}
      action="/energy/sites"
      className="mb-4 rounded-lg border border-line bg-surface p-4"
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Labelled id="q" label={t("sites.filters.q")}>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={values.q}
            placeholder={t("sites.filters.qPlaceholder")}
            className={inputClass}
          />
        </Labelled>
        <Labelled id="type" label={t("sites.filters.type")}>
          <select id="type" name="type" defaultValue={values.type ?? ""} className={inputClass}>
            <option value="">{t("sites.filters.anyType")}</option>
            {siteTypes.map((type) => (
              <option key={type} value={type}>
                {t(`siteTypes.${type}`)}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="status" label={t("sites.filters.status")}>
          <select id="status" name="status" defaultValue={values.status ?? ""} className={inputClass}>
            <option value="">{t("sites.filters.anyStatus")}</option>
            {siteStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`siteStatus.${status}`)}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="region" label={t("sites.filters.region")}>
          <select id="region" name="region" defaultValue={values.region ?? ""} className={inputClass}>
            <option value="">{t("sites.filters.anyRegion")}</option>
            {(values.region && !regions.includes(values.region) ? [values.region, ...regions] : regions).map((region) => (
              <option key={region} value={region}>
                {region}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="network" label={t("sites.filters.network")}>
          <select id="network" name="network" defaultValue={values.network ?? ""} className={inputClass}>
            <option value="">{t("sites.filters.anyNetwork")}</option>
            {networks.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name} ({n.code})
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="sort" label={t("sites.filters.sort")}>
          <select id="sort" name="sort" defaultValue={values.sort ?? "name"} className={inputClass}>
            {siteSorts.map((sort) => (
              <option key={sort} value={sort}>
                {t(`sites.sorts.${sort}`)}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="order" label={t("sites.filters.order")}>
          <select id="order" name="order" defaultValue={values.order ?? "asc"} className={inputClass}>
            {sortOrders.map((order) => (
              <option key={order} value={order}>
                {t(`sites.orders.${order}`)}
              </option>
            ))}
          </select>
        </Labelled>
        <div className="flex flex-wrap items-end gap-2">
          <button type="submit" className={buttonClass("primary")}>
            {tc("filter")}
          </button>
          <Link href="/energy/sites" className={buttonClass("ghost")}>
            {t("sites.filters.reset")}
          </Link>
        </div>
      </div>
    </form>
  );
}
