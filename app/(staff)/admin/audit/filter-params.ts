import { auditFilterKeys, type AuditFilters } from "@/lib/validation/audit";

/** The non-empty filters as URL parameters: kept by pagination and the export links. */
export function filterParams(filters: Partial<Record<keyof AuditFilters, string | undefined>>): URLSearchParams {
  return new URLSearchParams(auditFilterKeys.map((k) => [k, filters[k]?.trim() ?? ""] as [string, string]).filter(([, v]) => v !== ""));
}

/** The page's search parameters, single values only (a repeated parameter is ignored). */
export function singleParams(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
}
