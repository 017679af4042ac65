import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { assertCan, type Actor } from "@/server/auth/actor";
import { exactKey, pageOf, timeCursor, toDate, type Page } from "./keyset";
import type { Scope } from "./scope";
import { windowCtes } from "./windows";

/** A run of missing intervals of one meter: [start, end), `missing` intervals long. */
export type Gap = {
  meter: { id: string; code: string; name: string; siteCode: string; timezone: string };
  start: Date;
  end: Date;
  missing: number;
  minutes: number;
  /** Still open: nothing received since `start`. */
  ongoing: boolean;
};

type Row = {
  k: string;
  id: string;
  code: string;
  name: string;
  site_code: string;
  timezone: string;
  gap_start: string | Date;
  gap_end: string | Date;
  missing: number;
  ongoing: boolean;
};

/** Gaps of the scope's meters in the period, newest first; keyset pagination. Needs `measurements.read`. */
export async function listGaps(db: Executor, actor: Actor, scope: Scope, q: { cursor?: string; limit: number }): Promise<Page<Gap>> {
  assertCan(actor, "measurements.read");
  const after = timeCursor(q.cursor, "uuid");
  const rows = rowsOf<Row>(
    await db.execute(sql`with ${windowCtes(scope)}
      select ${exactKey("g.gap_start")} as k, sel.id, sel.code, sel.name, sel.site_code, sel.timezone, g.gap_start, g.gap_end, g.missing, g.ongoing
      from gaps g join sel on sel.id = g.id
      where g.missing > 0
        ${after ? sql`and (g.gap_start, g.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
      order by g.gap_start desc, g.id desc
      limit ${q.limit + 1}`),
  );
  return pageOf(
    rows,
    q.limit,
    (r) => r.id,
    (r) => {
      const start = toDate(r.gap_start);
      const end = toDate(r.gap_end);
      return {
        meter: { id: r.id, code: r.code, name: r.name, siteCode: r.site_code, timezone: r.timezone },
        start,
        end,
        missing: Number(r.missing),
        minutes: Math.round((end.getTime() - start.getTime()) / 60_000),
        ongoing: r.ongoing === true,
      };
    },
  );
}
