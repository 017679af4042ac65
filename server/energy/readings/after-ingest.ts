import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { evaluateAlerts } from "@/server/energy/alerts/evaluate";
import { jsonParam } from "./ingest-load";
import type { TouchedRange } from "./types";

/** The PostgreSQL channel the live view listens on; payload: JSON `{ meterId, siteId, from, to }` (ISO times). */
export const readingsChannel = "dihya_readings";
export type ReadingsSignal = { meterId: string; siteId: string; from: string; to: string };

/**
 * Runs in the ingest's transaction once readings and rollups are written: evaluates the
 * threshold rules of the touched meters when one may concern them (an alert fires or
 * resolves with this very batch), then NOTIFY one message per span in `signal` (heard by
 * listeners in any process after the commit, never on a rollback; the interval insert
 * signals its own rows).
 */
export async function afterIngest(
  tx: Executor,
  opts: { touched: TouchedRange[]; signal: TouchedRange[]; evaluate: boolean },
): Promise<void> {
  if (opts.touched.length > 0 && opts.evaluate) {
    await evaluateAlerts(tx, { meterIds: [...new Set(opts.touched.map((r) => r.meterId))] });
  }
  if (opts.signal.length === 0) return;
  const ranges = opts.signal.map((r) => ({ m: r.meterId, f: r.from.toISOString(), t: r.to.toISOString() }));
  await tx.execute(sql`select pg_notify(${readingsChannel},
      json_build_object('meterId', m.id, 'siteId', m.site_id, 'from', x.f, 'to', x.t)::text)
    from json_to_recordset(${jsonParam(ranges)}) as x(m uuid, f text, t text)
    join meters m on m.id = x.m`);
}
