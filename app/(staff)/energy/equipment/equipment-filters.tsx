import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { criticalities, equipmentSorts, equipmentStates, equipmentTypes, type ListEquipmentQuery } from "@/lib/validation/equipment";
import type { SiteOption } from "@/server/energy/equipment/equipment-query";

/** The list's filters as a plain GET form: every choice lands in the URL. */
export async function EquipmentFilters({ query, sites }: { query: ListEquipmentQuery; sites: SiteOption[] }) {
  const t = await getTranslations("energy");
  const tc = await getTranslations("common");
  const label = "mb-1 block text-xs font-semibold text-muted";
  return (
    <form
      role="search"
      aria-label={t("equipment.filters")}
      action="/energy/equipment"
      className="mb-4 space-y-3 rounded-lg border border-line bg-surface p-3"
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2">
          <label htmlFor="q" className={label}>
            {tc("search")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query.q}
            placeholder={t("equipment.searchPlaceholder")}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="site" className={label}>
            {t("equipment.site")}
          </label>
          <select id="site" name="site" defaultValue={query.site ?? ""} className={inputClass}>
            <option value="">{t("equipment.allSites")}</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.code})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="type" className={label}>
            {t("equipment.type")}
          </label>
          <select id="type" name="type" defaultValue={query.type ?? ""} className={inputClass}>
            <option value="">{t("equipment.allTypes")}</option>
            {equipmentTypes.map((v) => (
              <option key={v} value={v}>
                {t(`equipmentTypes.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="state" className={label}>
            {t("equipment.state")}
          </label>
          <select id="state" name="state" defaultValue={query.state ?? ""} className={inputClass}>
            <option value="">{t("equipment.allStates")}</option>
            {equipmentStates.map((v) => (
              <option key={v} value={v}>
                {t(`equipmentStates.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="criticality" className={label}>
            {t("equipment.criticality")}
          </label>
          <select id="criticality" name="criticality" defaultValue={query.criticality ?? ""} className={inputClass}>
            <option value="">{t("equipment.allCriticalities")}</option>
            {criticalities.map((v) => (
              <option key={v} value={v}>
                {t(`criticality.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="due_before" className={label}>
            {t("equipment.dueBefore")}
          </label>
          <input id="due_before" name="due_before" type="date" defaultValue={query.due_before ?? ""} className={inputClass} />
        </div>
        <div>
          <label htmlFor="sort" className={label}>
            {t("equipment.sort")}
          </label>
          <select id="sort" name="sort" defaultValue={query.sort || "name"} className={inputClass}>
            {equipmentSorts.map((v) => (
              <option key={v} value={v}>
                {t(`equipment.sorts.${v.replace("-", "desc_")}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <label className="inline-flex min-h-10 items-center gap-2 text-sm">
          <input type="checkbox" name="overdue" value="true" defaultChecked={query.overdue === "true"} className="size-4" />
          {t("equipment.overdueOnly")}
        </label>
        <div className="flex flex-wrap gap-2">
          <Link href="/energy/equipment" className={buttonClass("ghost")}>
            {t("equipment.resetFilters")}
          </Link>
          <button type="submit" className={buttonClass("secondary")}>
            {tc("filter")}
          </button>
        </div>
      </div>
    </form>
  );
}
