import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { periodPresets, type PeriodPreset } from "@/server/energy/dashboard/periods";
import type { ScopeOptions } from "@/server/energy/dashboard/scope-options";

/** Perimeter (all, a network, a site) and period: a plain GET form, works without JavaScript. */
export async function DashboardFilters({ options, scope, period }: { options: ScopeOptions; scope: string; period: PeriodPreset }) {
  const t = await getTranslations("energyDashboard.filters");
  const tp = await getTranslations("energyDashboard.periods");
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("label")}>
      <div className="w-full space-y-1 sm:w-72">
        <label htmlFor="dashboard-scope" className="block text-sm font-semibold">
          {t("scope")}
        </label>
        <Select id="dashboard-scope" name="scope" defaultValue={scope}>
          <option value="all">{t("all")}</option>
          {options.networks.length > 0 ? (
            <optgroup label={t("networks")}>
              {options.networks.map((n) => (
                <option key={n.id} value={`network:${n.id}`}>
                  {n.name} ({n.code})
                </option>
              ))}
            </optgroup>
          ) : null}
          {options.sites.length > 0 ? (
            <optgroup label={t("sites")}>
              {options.sites.map((s) => (
                <option key={s.id} value={`site:${s.id}`}>
                  {s.name} ({s.code})
                </option>
              ))}
            </optgroup>
          ) : null}
        </Select>
      </div>
      <div className="w-full space-y-1 sm:w-56">
        <label htmlFor="dashboard-period" className="block text-sm font-semibold">
          {t("period")}
        </label>
        <Select id="dashboard-period" name="period" defaultValue={period}>
          {periodPresets.map((p) => (
            <option key={p} value={p}>
              {tp(p)}
            </option>
          ))}
        </Select>
      </div>
      <button type="submit" className={buttonClass("primary")}>
        {t("apply")}
      </button>
    </form>
  );
}
