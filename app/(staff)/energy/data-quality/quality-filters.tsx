import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { QualityOptions } from "@/server/energy/data-quality/options";
import type { Params } from "./params";

/**
 * Site, meter and period as a plain GET form: the view lives in the URL (bookmark, share).
 * Changing a filter starts every list again from its first page.
 */
export async function QualityFilters({
  values,
  options,
  period,
}: {
  values: Params;
  options: QualityOptions;
  period: { from: string; to: string };
}) {
  const t = await getTranslations("dataQuality.filters");
  const tc = await getTranslations("common");
  const metersBySite = options.sites.map((site) => ({ site, meters: options.meters.filter((m) => m.siteId === site.id) }));
  return (
    <form role="search" aria-label={t("title")} action="/energy/data-quality" className="rounded-lg border border-line bg-surface p-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <div className="space-y-1">
          <label htmlFor="dq-site" className="block text-sm font-semibold">
            {t("site")}
          </label>
          <select id="dq-site" name="site" defaultValue={values.site ?? ""} className={inputClass}>
            <option value="">{t("anySite")}</option>
            {options.sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.code})
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="dq-meter" className="block text-sm font-semibold">
            {t("meter")}
          </label>
          <select id="dq-meter" name="meter" defaultValue={values.meter ?? ""} className={inputClass}>
            <option value="">{t("anyMeter")}</option>
            {metersBySite.map(({ site, meters }) => (
              <optgroup key={site.id} label={`${site.name} (${site.code})`}>
                {meters.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.code} — {m.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="dq-from" className="block text-sm font-semibold">
            {t("from")}
          </label>
          <input id="dq-from" name="from" type="date" defaultValue={values.from ?? period.from} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="dq-to" className="block text-sm font-semibold">
            {t("to")}
          </label>
          <input id="dq-to" name="to" type="date" defaultValue={values.to ?? period.to} className={inputClass} />
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <button type="submit" className={buttonClass("primary")}>
            {tc("filter")}
          </button>
          <Link href="/energy/data-quality" className={buttonClass("ghost")}>
            {t("reset")}
          </Link>
        </div>
      </div>
      <p className="mt-2 text-xs text-muted">{t("hint")}</p>
    </form>
  );
}
