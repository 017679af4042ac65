import "server-only";
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { meters, sites } from "@/db/schema";
import type { MeterKind } from "@/lib/validation/meters";
import { notFound } from "@/server/platform/errors";

export type MeterRef = { id: string; code: string; name: string; kind: string; quantity: string; unit: string };
export type SiteRef = { id: string; code: string; name: string; timezone: string };

/** What a series or a live stream reads: one meter, or the same-unit meters of a site. */
export type SeriesTarget = {
  type: "site" | "meter";
  site: SiteRef;
  meters: MeterRef[];
  /** Meters of the site and kind left out because their unit differs from the chosen one. */
  excluded: MeterRef[];
  kind: MeterKind | null;
  unit: string | null;
  quantity: string | null;
};

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Preference when a site's meters of one kind use several units. */
const unitOrder = ["kWh", "kW", "m3"];

const byIdOrCode = (id: typeof sites.id | typeof meters.id, code: typeof sites.code | typeof meters.code, value: string): SQL =>
  uuidShape.test(value) ? eq(id, value) : eq(sql`lower(${code})`, value.toLowerCase());

const siteColumns = { id: sites.id, code: sites.code, name: sites.name, timezone: sites.timezone };
const meterColumns = {
  id: meters.id,
  code: meters.code,
  name: meters.name,
  kind: meters.kind,
  quantity: meters.quantity,
  unit: meters.unit,
};

/** One meter by id or code, with its site. 404 when there is none. */
async function meterTarget(db: Executor, meter: string): Promise<SeriesTarget> {
  const [row] = await db
    .select({ meter: meterColumns, site: siteColumns })
    .from(meters)
    .innerJoin(sites, eq(sites.id, meters.siteId))
    .where(byIdOrCode(meters.id, meters.code, meter))
    .limit(1);
  if (!row) throw notFound();
  const m = row.meter;
  return { type: "meter", site: row.site, meters: [m], excluded: [], kind: m.kind as MeterKind, unit: m.unit, quantity: m.quantity };
}

/**
 * A site by id or code and its meters of `kind` (all kinds when null) that share one unit:
 * `unit` when given, otherwise the first of kWh, kW, m³ that the site has. 404 when the
 * site does not exist; a site without such meters gives an empty target.
 */
async function siteTarget(db: Executor, site: string, kind: MeterKind | null, unit?: string): Promise<SeriesTarget> {
  const [row] = await db
    .select(siteColumns)
    .from(sites)
    .where(byIdOrCode(sites.id, sites.code, site))
    .limit(1);
  if (!row) throw notFound();
  const all = await db
    .select(meterColumns)
    .from(meters)
    .where(kind ? and(eq(meters.siteId, row.id), eq(meters.kind, kind)) : eq(meters.siteId, row.id))
    .orderBy(asc(meters.code));
  const chosen = unit ?? unitOrder.find((u) => all.some((m) => m.unit === u)) ?? all[0]?.unit ?? null;
  const included = all.filter((m) => m.unit === chosen);
  return {
    type: "site",
    site: row,
    meters: included,
    excluded: all.filter((m) => m.unit !== chosen),
    kind,
    unit: chosen,
    quantity: included[0]?.quantity ?? null,
  };
}

/** Resolves `site` or `meter` (an id or a code). Permission checks are the caller's. */
export function resolveTarget(
  db: Executor,
  q: { siteId?: string; meterId?: string; kind?: MeterKind | null; unit?: string },
  defaultKind: MeterKind | null,
): Promise<SeriesTarget> {
  if (q.meterId) return meterTarget(db, q.meterId);
  if (q.siteId) return siteTarget(db, q.siteId, q.kind ?? defaultKind, q.unit);
  throw notFound();
}
