import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { sseResponse } from "@/server/platform/sse";
import type { ReadingsSignal } from "./after-ingest";
import { subscribeReadings } from "./live-bus";
import { localIso } from "./local-time";
import type { MeterRef } from "./series-target";

export const liveHeartbeatMs = 25_000;
/** Points sent for one signal; an older remainder is announced (`complete: false`), not dropped silently. */
export const livePointsCap = 2_000;

export type LivePoint = { ts: string; value: number; quality: string };
type Row = { ms: number; local: string; value: number; quality: string };

/** The readings of one signal's range, newest `livePointsCap` of them, oldest first. */
async function pointsOf(signal: ReadingsSignal, tz: string): Promise<{ points: LivePoint[]; complete: boolean }> {
  const db = await getDb();
  const rows = rowsOf<Row>(
    await db.execute(sql`select (extract(epoch from r.ts) * 1000)::float8 as ms,
        to_char(r.ts at time zone ${tz}, 'YYYY-MM-DD"T"HH24:MI:SS.MS') as local, r.value, r.quality
      from readings r
      where r.meter_id = ${signal.meterId}::uuid and r.ts >= ${signal.from}::timestamptz and r.ts < ${signal.to}::timestamptz
      order by r.ts desc limit ${livePointsCap + 1}`),
  );
  const complete = rows.length <= livePointsCap;
  const points = rows
    .slice(0, livePointsCap)
    .reverse()
    .map((r) => ({ ts: localIso(r.local, r.ms), value: r.value, quality: r.quality }));
  return { points, complete };
}

/**
 * Live readings of `meters` as Server-Sent Events: `ready` once listening, `readings`
 * ({ meter, meterId, unit, from, to, complete, points }) for each committed ingest touching
 * one of them, `resync` when signals may have been missed (the database connection was
 * re-established: reload the series), a comment every 25 s. Ends when the client goes away.
 */
export function readingsStream(meters: MeterRef[], tz: string, signal: AbortSignal): Response {
  const byId = new Map(meters.map((m) => [m.id, m]));
  return sseResponse(
    signal,
    async (sse) => {
      // Signals are handled one after the other, in the order they arrived.
      let queue = Promise.resolve();
      const onSignal = (s: ReadingsSignal | null) => {
        queue = queue
          .then(async () => {
            if (sse.closed) return;
            if (!s) return sse.event("resync", {});
            const meter = byId.get(s.meterId);
            if (!meter) return;
            const { points, complete } = await pointsOf(s, tz);
            if (points.length === 0) return;
            sse.event("readings", { meter: meter.code, meterId: meter.id, unit: meter.unit, from: s.from, to: s.to, complete, points });
          })
          .catch((error: unknown) => console.error("[readings] live stream:", error));
      };
      const unsubscribe = await subscribeReadings([...byId.keys()], onSignal);
      sse.event("ready", { timezone: tz, meters: meters.map((m) => ({ id: m.id, code: m.code, kind: m.kind, unit: m.unit })) });
      return unsubscribe;
    },
    { heartbeatMs: liveHeartbeatMs },
  );
}
