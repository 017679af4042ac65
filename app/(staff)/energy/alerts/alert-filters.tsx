import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { alertStateFilters } from "@/lib/validation/alert-rules";
import type { AlertSiteOption } from "@/server/energy/alerts/rule-options";

/** State and site filters as a GET form: everything lives in the URL. */
export async function AlertFilters({ values, sites }: { values: { state?: string; site?: string }; sites: AlertSiteOption[] }) {
  const t = await getTranslations("alerts");
  return (
    <form role="search" action="/energy/alerts" aria-label={t("filters.label")} className="mb-6 flex flex-wrap items-end gap-3">
      <div className="min-w-40 flex-1 sm:flex-none">
        <label htmlFor="f-state" className="block text-xs font-semibold text-muted">
          {t("filters.state")}
        </label>
        <select id="f-state" name="state" defaultValue={values.state ?? ""} className={inputClass}>
          <option value="">{t("filters.allStates")}</option>
          {alertStateFilters.map((s) => (
            <option key={s} value={s}>
              {t(`states.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-40 flex-1 sm:flex-none">
        <label htmlFor="f-site" className="block text-xs font-semibold text-muted">
          {t("filters.site")}
        </label>
        <select id="f-site" name="site" defaultValue={values.site ?? ""} className={inputClass}>
          <option value="">{t("filters.allSites")}</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass("primary")}>
        {t("filters.apply")}
      </button>
      {values.state || values.site ? (
        <Link href="/energy/alerts" className={buttonClass("ghost")}>
          {t("filters.reset")}
        </Link>
      ) : null}
    </form>
  );
}
