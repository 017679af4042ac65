import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import type { MeterKind } from "@/lib/validation/meters";
import { assertCan, type Actor } from "@/server/auth/actor";
import { DomainError } from "@/server/platform/errors";
import { localIso } from "./local-time";
import { resolveTarget, type MeterRef, type SiteRef } from "./series-target";
import { alignSql, seriesSql, type BucketRow, type Window } from "./series-sql";
import type { Granularity, ReadingQuality } from "./types";

/** Most points one answer holds; beyond it the request is refused (422), never truncated. */
export const maxSeriesPoints = 20_000;

/**
 * A time-series request. `siteId`/`meterId`: an id or a code (exactly one). `from`/`to`:
 * instants, or calendar dates (`YYYY-MM-DD`, in the site's time zone; a `to` date is
 * inclusive). Buckets overlapping [from, to) are returned whole. For a site, its meters of
 * `kind` (default consumption) sharing one unit are combined (`unit`, else kWh, kW, m³).
 */
export type SeriesQuery = {
  siteId?: string;
  meterId?: string;
  kind?: MeterKind;
  unit?: string;
  from: Date | string;
  to: Date | string;
  granularity: Granularity;
};

export type SeriesPoint = {
  /** Start of the bucket, local time of the site with its offset, e.g. `2026-03-29T03:00:00+02:00`. */
  ts: string;
  /** Energy and volume: the sum; power: the average (for a site, the sum of its meters' averages). */
  value: number;
  /** The largest reading of the bucket (one meter, or raw points); null when meters are combined. */
  max: number | null;
  /** Readings in the bucket. */
  count: number;
  quality: ReadingQuality;
  estimated: number;
  corrected: number;
};

export type SeriesResult = {
  target: "site" | "meter";
  site: SiteRef;
  timezone: string;
  kind: MeterKind | null;
  quantity: string | null;
  unit: string | null;
  aggregation: "sum" | "average";
  granularity: Granularity;
  /** The interval covered, aligned to whole buckets (local time with offset). */
  from: string;
  to: string;
  meters: MeterRef[];
  excluded: MeterRef[];
  points: SeriesPoint[];
};

/** 422 with the figures: the caller narrows the range or picks a coarser granularity. */
export class SeriesTooLargeError extends DomainError {
  constructor(readonly granularity: Granularity) {
    super("validation_failed", "seriesTooManyPoints", "granularity");
  }
}

const instant = (bound: Date | string, tz: string, end: boolean): SQL =>
  typeof bound === "string"
    ? sql`(${bound}::date + ${sql.raw(end ? "1" : "0")})::timestamp at time zone ${tz}`
    : sql`${bound.toISOString()}::timestamptz`;

type Bounds = { f: number; t: number; lf: string; lt: string; fd: string; td: string; ok: boolean };

/** The aligned window of the request, computed by PostgreSQL in the site's time zone. */
async function windowOf(db: Executor, q: SeriesQuery, tz: string): Promise<{ window: Window; from: string; to: string }> {
  const f = instant(q.from, tz, false);
  const t = instant(q.to, tz, true);
  const a = alignSql(q.granularity, f, t, tz);
  const local = (x: SQL) => sql`to_char(${x} at time zone ${tz}, 'YYYY-MM-DD"T"HH24:MI:SS.MS')`;
  const [b] = rowsOf<Bounds>(
    await db.execute(sql`select (extract(epoch from x.f) * 1000)::float8 as f, (extract(epoch from x.t) * 1000)::float8 as t,
        ${local(sql`x.f`)} as lf, ${local(sql`x.t`)} as lt,
        (x.f at time zone ${tz})::date::text as fd, (x.t at time zone ${tz})::date::text as td, ${f} < ${t} as ok
      from (select ${a.from} as f, ${a.to} as t) as x`),
  );
  if (!b?.ok) throw new DomainError("validation_failed", "seriesRangeInvalid", "to");
  const window = { from: new Date(b.f).toISOString(), to: new Date(b.t).toISOString(), fromDay: b.fd, toDay: b.td, tz };
  return { window, from: localIso(b.lf, b.f), to: localIso(b.lt, b.t) };
}

const qualityOf = (r: BucketRow): ReadingQuality => (r.e > 0 ? "estimated" : r.k > 0 ? "corrected" : "measured");

/**
 * The time series of a meter or a site (`measurements.read`), aggregated in SQL in the
 * site's time zone. 404 for an unknown site or meter; 422 for an empty range or an answer
 * over `maxSeriesPoints`.
 */
export async function querySeries(tx: Executor, actor: Actor, q: SeriesQuery): Promise<SeriesResult> {
  assertCan(actor, "measurements.read");
  const target = await resolveTarget(tx, q, "consumption");
  const tz = target.site.timezone;
  const { window, from, to } = await windowOf(tx, q, tz);
  const average = target.quantity === "power";
  const single = target.meters.length === 1;
  let rows: BucketRow[] = [];
  if (target.meters.length > 0) {
    const ids = target.meters.map((m) => m.id);
    rows = rowsOf<BucketRow>(await tx.execute(seriesSql(q.granularity, ids, window, maxSeriesPoints + 1)));
    if (rows.length > maxSeriesPoints) throw new SeriesTooLargeError(q.granularity);
  }
  const points = rows.map((r): SeriesPoint => {
    const value = average ? r.a : r.s;
    return {
      ts: localIso(r.local, r.ms),
      value,
      max: single ? r.mx : q.granularity === "raw" ? value : null,
      count: r.c,
      quality: qualityOf(r),
      estimated: r.e,
      corrected: r.k,
    };
  });
  return {
    target: target.type,
    site: target.site,
    timezone: tz,
    kind: target.kind,
    quantity: target.quantity,
    unit: target.unit,
    aggregation: average ? "average" : "sum",
    granularity: q.granularity,
    from,
    to,
    meters: target.meters,
    excluded: target.excluded,
    points,
  };
}
