import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** Environment and location filters as a GET form: everything lives in the URL. */
export async function FleetFiltersForm({
  values,
  options,
}: {
  values: { environment?: string; location?: string };
  options: { environments: string[]; locations: string[] };
}) {
  const t = await getTranslations("devops.fleet");
  const environmentLabel = (e: string) => (t.has(`environments.${e}`) ? t(`environments.${e}`) : e);
  return (
    <form role="search" action="/devops/fleet" aria-label={t("filters.label")} className="flex flex-wrap items-end gap-3">
      <div className="min-w-40 flex-1 sm:flex-none">
        <label htmlFor="f-environment" className="block text-xs font-semibold text-muted">
          {t("filters.environment")}
        </label>
        <select id="f-environment" name="environment" defaultValue={values.environment ?? ""} className={inputClass}>
          <option value="">{t("filters.allEnvironments")}</option>
          {options.environments.map((e) => (
            <option key={e} value={e}>
              {environmentLabel(e)}
            </option>
          ))}
        </select>
      </div>
      <div className="min-w-40 flex-1 sm:flex-none">
        <label htmlFor="f-location" className="block text-xs font-semibold text-muted">
          {t("filters.location")}
        </label>
        <select id="f-location" name="location" defaultValue={values.location ?? ""} className={inputClass}>
          <option value="">{t("filters.allLocations")}</option>
          {options.locations.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass("primary")}>
        {t("filters.apply")}
      </button>
      {values.environment || values.location ? (
        <Link href="/devops/fleet" className={buttonClass("ghost")}>
          {t("filters.reset")}
        </Link>
      ) : null}
    </form>
  );
}
