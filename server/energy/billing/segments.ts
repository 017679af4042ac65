import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import type { TariffDefinition } from "@/lib/billing/types";
import { uuidArray } from "./sql-params";

/** A tariff version as the billing run uses it; valid on [validFrom, validTo) (validTo null = open). */
export type VersionRow = {
  id: string;
  tariffId: string;
  version: number;
  validFrom: string;
  validTo: string | null;
  definition: TariffDefinition;
};

/** A part of a billed period priced with one tariff version (energy still to be measured). */
export type SegmentPlan = { versionId: string; definition: TariffDefinition; from: string; to: string };

export type SplitResult = { ok: true; segments: SegmentPlan[] } | { ok: false; code: "no_tariff_version"; detail: string };

/**
 * Splits [periodStart, periodEnd) at the tariff versions' bounds. Every day must be covered by
 * exactly one version: a gap is an error for the contract (`no_tariff_version`); where versions
 * overlap (should not happen: a new version closes the open one), the latest `validFrom` wins.
 */
export function splitByVersions(periodStart: string, periodEnd: string, versions: VersionRow[]): SplitResult {
  const sorted = [...versions].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : a.version - b.version));
  const segments: SegmentPlan[] = [];
  let cursor = periodStart;
  while (cursor < periodEnd) {
    // The version in force on `cursor`: the latest one started on or before it and not yet closed.
    const current = sorted.filter((v) => v.validFrom <= cursor && (v.validTo === null || v.validTo > cursor)).pop();
    if (!current) {
      return { ok: false, code: "no_tariff_version", detail: `no tariff version is valid on ${cursor}` };
    }
    // It ends at its own validTo, at the next version's start, or at the end of the period.
    let end = current.validTo !== null && current.validTo < periodEnd ? current.validTo : periodEnd;
    for (const v of sorted) if (v.validFrom > cursor && v.validFrom < end) end = v.validFrom;
    const last = segments[segments.length - 1];
    if (last && last.versionId === current.id && last.to === cursor) last.to = end;
    else segments.push({ versionId: current.id, definition: current.definition, from: cursor, to: end });
    cursor = end;
  }
  return { ok: true, segments };
}

type Raw = { id: string; tariff_id: string; version: number; valid_from: string; valid_to: string | null; definition: unknown };
const columns = sql`v.id, v.tariff_id, v.version, v.valid_from::text as valid_from, v.valid_to::text as valid_to, v.definition`;
const toVersion = (r: Raw): VersionRow => ({
  id: r.id,
  tariffId: r.tariff_id,
  version: Number(r.version),
  validFrom: r.valid_from,
  validTo: r.valid_to,
  definition: (typeof r.definition === "string" ? JSON.parse(r.definition) : r.definition) as TariffDefinition,
});

/**
 * The versions of the given tariffs that overlap [from, to) — one statement for a chunk,
 * grouped by tariff id.
 */
export async function loadVersions(tx: Executor, tariffIds: string[], from: string, to: string): Promise<Map<string, VersionRow[]>> {
  const out = new Map<string, VersionRow[]>();
  const ids = [...new Set(tariffIds)];
  if (ids.length === 0) return out;
  const rows = rowsOf<Raw>(
    await tx.execute(sql`
      select ${columns} from tariff_versions v
      where v.tariff_id = any(${uuidArray(ids)}) and v.valid_from < ${to}::date and (v.valid_to is null or v.valid_to > ${from}::date)
      order by v.tariff_id, v.valid_from, v.version`),
  );
  for (const r of rows) out.set(r.tariff_id, [...(out.get(r.tariff_id) ?? []), toVersion(r)]);
  return out;
}

/** The definitions of the given versions (regularisations reprice with the original version). */
export async function loadVersionsById(tx: Executor, ids: string[]): Promise<Map<string, VersionRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = rowsOf<Raw>(await tx.execute(sql`select ${columns} from tariff_versions v where v.id = any(${uuidArray(unique)})`));
  return new Map(rows.map((r) => [r.id, toVersion(r)]));
}
