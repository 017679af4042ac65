import { cursorKeys, filterKeys } from "@/server/energy/data-quality/filters";

export type Params = Partial<Record<(typeof filterKeys)[number] | (typeof cursorKeys)[number], string>>;

const known = [...filterKeys, ...cursorKeys] as const;

/** The page's known search parameters, single non-empty values only. */
export function pageParams(raw: Record<string, string | string[] | undefined>): Params {
  const out: Params = {};
  for (const key of known) {
    const value = raw[key];
    if (typeof value === "string" && value.trim() !== "") out[key] = value.trim();
  }
  return out;
}

/** A link to this page with `changes` applied (null removes a parameter), optionally to a section. */
export function hrefWith(params: Params, changes: Params | Record<string, null>, hash?: string): string {
  const merged: Record<string, string | null | undefined> = { ...params, ...changes };
  const search = new URLSearchParams();
  for (const key of known) {
    const value = merged[key];
    if (value) search.set(key, value);
  }
  const query = search.toString();
  return `/energy/data-quality${query ? `?${query}` : ""}${hash ? `#${hash}` : ""}`;
}

/** First and next page links of one list, keeping the filters and the other lists' cursors. */
export function pagerLinks(params: Params, key: (typeof cursorKeys)[number], next: string | null, hash: string) {
  return {
    firstHref: params[key] ? hrefWith(params, { [key]: null }, hash) : null,
    nextHref: next ? hrefWith(params, { [key]: next }, hash) : null,
  };
}
