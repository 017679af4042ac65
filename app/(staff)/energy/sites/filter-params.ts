import { siteFilterKeys, type SiteFilters } from "@/lib/validation/sites";

export type FilterValues = Partial<Record<keyof SiteFilters, string | undefined>>;

const defaults: FilterValues = { sort: "name", order: "asc" };

/** The non-empty, non-default filters as URL parameters: kept by pagination, sorting and the export links. */
export function filterParams(values: FilterValues, override: FilterValues = {}): URLSearchParams {
  const merged = { ...values, ...override };
  return new URLSearchParams(
    siteFilterKeys
      .map((k) => [k, merged[k]?.trim() ?? ""] as [string, string])
      .filter(([k, v]) => v !== "" && v !== defaults[k as keyof SiteFilters]),
  );
}

/** The page's search parameters, single values only (a repeated parameter is ignored). */
export function singleParams(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
}
