import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import type { MeasurementsSite } from "@/server/energy/dashboard/site-meters";
import { rangePresets, viewGranularities, type MeasurementsView } from "@/server/energy/readings/measurements-export-query";

/**
 * Range (local dates of the site, presets), granularity (automatic or chosen), kind and
 * meter: a GET form, so the view is a link and works without JavaScript.
 */
export async function MeasurementsFilters({ data, view, kinds }: { data: MeasurementsSite; view: MeasurementsView; kinds: string[] }) {
  const t = await getTranslations("siteMeasurements");
  const tu = await getTranslations("readingsUi");
  const presetHref = (preset: string) => {
    const p = new URLSearchParams({ preset, kind: view.kind });
    if (view.meter) p.set("meter", view.meter);
    return `?${p}`;
  };
  const field = "w-full space-y-1 sm:w-44";
  return (
    <div className="space-y-3">
      <nav aria-label={t("presets.label")}>
        <ul className="flex flex-wrap gap-2 text-sm">
          {rangePresets.map((p) => (
            <li key={p}>
              <Link
                href={presetHref(p)}
                aria-current={view.preset === p ? "true" : undefined}
                className={buttonClass(
                  "secondary",
                  "min-h-9 px-3 py-1 aria-[current=true]:border-primary aria-[current=true]:text-primary",
                )}
              >
                {t(`presets.${p}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("filters.label")}>
        <div className={field}>
          <label htmlFor="m-from" className="block text-sm font-semibold">
            {t("filters.from")}
          </label>
          <Input id="m-from" name="from" type="date" defaultValue={view.from} required aria-describedby="m-zone" />
        </div>
        <div className={field}>
          <label htmlFor="m-to" className="block text-sm font-semibold">
            {t("filters.to")}
          </label>
          <Input id="m-to" name="to" type="date" defaultValue={view.to} required aria-describedby="m-zone" />
        </div>
        <div className={field}>
          <label htmlFor="m-granularity" className="block text-sm font-semibold">
            {t("filters.granularity")}
          </label>
          <Select id="m-granularity" name="granularity" defaultValue={view.auto ? "" : view.granularity}>
            <option value="">{t("filters.auto", { granularity: tu(`granularity.${view.granularity}`) })}</option>
            {viewGranularities.map((g) => (
              <option key={g} value={g}>
                {tu(`granularity.${g}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className={field}>
          <label htmlFor="m-kind" className="block text-sm font-semibold">
            {t("filters.kind")}
          </label>
          <Select id="m-kind" name="kind" defaultValue={view.kind}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {tu(`kind.${k}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="w-full space-y-1 sm:w-64">
          <label htmlFor="m-meter" className="block text-sm font-semibold">
            {t("filters.meter")}
          </label>
          <Select id="m-meter" name="meter" defaultValue={view.meter ?? ""} aria-describedby="m-meter-hint">
            <option value="">{t("filters.allMeters")}</option>
            {kinds.map((k) => (
              <optgroup key={k} label={tu(`kind.${k}`)}>
                {data.meters
                  .filter((m) => m.kind === k)
                  .map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.code} — {m.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </Select>
        </div>
        <button type="submit" className={buttonClass("primary")}>
          {t("filters.apply")}
        </button>
      </form>
      <p id="m-zone" className="text-xs text-muted">
        {t("filters.zone", { zone: data.site.timezone })}
      </p>
      <p id="m-meter-hint" className="text-xs text-muted">
        {t("filters.meterHint")}
      </p>
    </div>
  );
}
