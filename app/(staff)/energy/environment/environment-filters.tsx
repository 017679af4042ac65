import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { Option } from "@/server/energy/environment/options";

export type EnvironmentFilterValues = { site?: string; network?: string; from?: string; to?: string };

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

/** Site, network and months as a plain GET form: the view lives in the URL (bookmark, share, export as shown). */
export async function EnvironmentFilters({
  values,
  range,
  sites,
  networks,
}: {
  values: EnvironmentFilterValues;
  range: { from: string; to: string };
  sites: Option[];
  networks: Option[];
}) {
  const t = await getTranslations("environment");
  const tc = await getTranslations("common");
  return (
    <form
      role="search"
      aria-label={t("filters.title")}
      action="/energy/environment"
      className="mb-4 rounded-lg border border-line bg-surface p-4"
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Labelled id="env-site" label={t("filters.site")}>
          <select id="env-site" name="site" defaultValue={values.site ?? ""} className={inputClass}>
            <option value="">{t("filters.anySite")}</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.code})
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="env-network" label={t("filters.network")}>
          <select id="env-network" name="network" defaultValue={values.network ?? ""} className={inputClass}>
            <option value="">{t("filters.anyNetwork")}</option>
            {networks.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name} ({n.code})
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="env-from" label={t("filters.from")}>
          <input id="env-from" name="from" type="month" dir="ltr" defaultValue={values.from ?? range.from} className={inputClass} />
        </Labelled>
        <Labelled id="env-to" label={t("filters.to")}>
          <input id="env-to" name="to" type="month" dir="ltr" defaultValue={values.to ?? range.to} className={inputClass} />
        </Labelled>
        <div className="flex flex-wrap items-end gap-2">
          <button type="submit" className={buttonClass("primary")}>
            {tc("filter")}
          </button>
          <Link href="/energy/environment" className={buttonClass("ghost")}>
            {t("filters.reset")}
          </Link>
        </div>
      </div>
    </form>
  );
}
