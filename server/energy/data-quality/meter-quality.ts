import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { assertCan, type Actor } from "@/server/auth/actor";
import { flaggedCondition } from "./flagged";
import { fromParam, toParam, type Scope } from "./scope";
import { windowCtes } from "./windows";

/** One meter's quality over the period. `expected` is 0 for a meter that never reported. */
export type MeterQuality = {
  id: string;
  code: string;
  name: string;
  unit: string;
  active: boolean;
  site: { id: string; code: string; name: string };
  expected: number;
  received: number;
  missing: number;
  gaps: number;
  longestGapMinutes: number;
  flagged: number;
  corrections: number;
  rejections: number;
};

type Row = {
  id: string;
  code: string;
  name: string;
  unit: string;
  active: boolean;
  site_id: string;
  site_code: string;
  site_name: string;
  expected: number | null;
  received: number;
  missing: number;
  gaps: number;
  longest: number;
  flagged: number;
  corrections: number;
  rejections: number;
};

/**
 * Per meter of the scope: expected and received intervals, missing ones and their gaps,
 * flagged readings, corrections (history rows of readings in the period) and rejected
 * items (received in the period). One statement. Needs `measurements.read`.
 */
export async function meterQuality(db: Executor, actor: Actor, scope: Scope): Promise<MeterQuality[]> {
  assertCan(actor, "measurements.read");
  const from = fromParam(scope);
  const to = toParam(scope);
  const rows = rowsOf<Row>(
    await db.execute(sql`with ${windowCtes(scope)}
      select sel.id, sel.code, sel.name, sel.unit, sel.active, sel.site_id, sel.site_code, sel.site_name,
        case when sel.lo < sel.hi then floor(extract(epoch from sel.hi - sel.lo) / extract(epoch from sel.step))::int else 0 end as expected,
        (select count(*)::int from readings r where r.meter_id = sel.id and r.ts >= sel.lo and r.ts < sel.hi) as received,
        (select coalesce(sum(g.missing), 0)::int from gaps g where g.id = sel.id) as missing,
        (select count(*)::int from gaps g where g.id = sel.id and g.missing > 0) as gaps,
        (select coalesce(max(extract(epoch from g.gap_end - g.gap_start) / 60), 0)::int from gaps g where g.id = sel.id) as longest,
        (select count(*)::int from readings r where r.meter_id = sel.id and r.ts >= ${from} and r.ts < ${to} and ${flaggedCondition}) as flagged,
        (select count(*)::int from reading_history h where h.meter_id = sel.id and h.ts >= ${from} and h.ts < ${to}) as corrections,
        (select count(*)::int from ingest_rejections j where j.meter_id = sel.id and j.created_at >= ${from} and j.created_at < ${to}) as rejections
      from sel
      order by sel.site_code, sel.code`),
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    unit: r.unit,
    active: r.active,
    site: { id: r.site_id, code: r.site_code, name: r.site_name },
    expected: Number(r.expected ?? 0),
    received: Number(r.received),
    missing: Number(r.missing),
    gaps: Number(r.gaps),
    longestGapMinutes: Number(r.longest),
    flagged: Number(r.flagged),
    corrections: Number(r.corrections),
    rejections: Number(r.rejections),
  }));
}
