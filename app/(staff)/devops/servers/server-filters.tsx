import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { monitorStates, serverCriticalities, serverEnvironments, serverKinds, serverStatuses } from "@/lib/devops/server-lifecycle";
import { serverSortOrders, serverSorts, type ListServersQuery } from "@/lib/validation/servers";

/** The list's search, filters and order as a plain GET form: every choice lands in the URL. */
export async function ServerFilters({ query, locations, tags }: { query: ListServersQuery; locations: string[]; tags: string[] }) {
  const t = await getTranslations("devops.servers");
  const tc = await getTranslations("common");
  const label = "mb-1 block text-xs font-semibold text-muted";
  const select = (name: keyof ListServersQuery, title: string, all: string, values: readonly string[], text: (v: string) => string) => (
    <div>
      <label htmlFor={`f-${name}`} className={label}>
        {title}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={String(query[name] ?? "")} className={inputClass}>
        <option value="">{all}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {text(v)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      role="search"
      aria-label={t("filters")}
      action="/devops/servers"
      className="mb-4 space-y-3 rounded-lg border border-line bg-surface p-3"
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2">
          <label htmlFor="f-q" className={label}>
            {tc("search")}
          </label>
          <input id="f-q" name="q" type="search" defaultValue={query.q} placeholder={t("searchPlaceholder")} className={inputClass} />
        </div>
        {select("status", t("status"), t("allStatuses"), serverStatuses, (v) => t(`statuses.${v}`))}
        {select("environment", t("environment"), t("allEnvironments"), serverEnvironments, (v) => t(`environments.${v}`))}
        {select("kind", t("kind"), t("allKinds"), serverKinds, (v) => t(`kinds.${v}`))}
        {select("location", t("location"), t("allLocations"), locations, (v) => v)}
        {select("tag", t("tag"), t("allTags"), tags, (v) => v)}
        {select("monitor_state", t("monitorState"), t("allMonitorStates"), monitorStates, (v) => t(`monitorStates.${v}`))}
        {select("criticality", t("criticality"), t("allCriticalities"), serverCriticalities, (v) => t(`criticalities.${v}`))}
        <div>
          <label htmlFor="f-sort" className={label}>
            {t("sort")}
          </label>
          <select id="f-sort" name="sort" defaultValue={query.sort || "hostname"} className={inputClass}>
            {serverSorts.map((v) => (
              <option key={v} value={v}>
                {t(`sorts.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-order" className={label}>
            {t("order")}
          </label>
          <select id="f-order" name="order" defaultValue={query.order || "asc"} className={inputClass}>
            {serverSortOrders.map((v) => (
              <option key={v} value={v}>
                {t(`orders.${v}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        <Link href="/devops/servers" className={buttonClass("ghost")}>
          {t("resetFilters")}
        </Link>
        <button type="submit" className={buttonClass("secondary")}>
          {tc("filter")}
        </button>
      </div>
    </form>
  );
}
