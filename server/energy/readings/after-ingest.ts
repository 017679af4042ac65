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
 * threshold rules of the touched meters (an alert fires or resolves with this very batch),
 * then NOTIFY one message per touched meter (heard by listeners in any process after the
 * commit, never on a rollback).
 */
export async function afterIngest(tx: Executor, touched: TouchedRange[]): Promise<void> {
  if (touched.length === 0) return;
  await evaluateAlerts(tx, { meterIds: [...new Set(touched.map((r) => r.meterId))] });
  const ranges = touched.map((r) => ({ m: r.meterId, f: r.from.toISOString(), t: r.to.toISOString() }));
  await tx.execute(sql`select pg_notify(${readingsChannel},
      json_build_object('meterId', m.id, 'siteId', m.site_id, 'from', x.f, 'to', x.t)::text)
    from json_to_recordset(${jsonParam(ranges)}) as x(m uuid, f text, t text)
    join meters m on m.id = x.m`);
}
