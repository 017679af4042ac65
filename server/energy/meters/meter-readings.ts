import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { readingHistory, readings } from "@/db/schema";
import { assertCan, type Actor } from "@/server/auth/actor";
import { uuidPattern } from "./meter-dto";

export type ReadingView = {
  ts: Date;
  value: number;
  indexValue: number | null;
  originalValue: number;
  originalUnit: string;
  quality: string;
  flags: string[];
  source: string;
  version: number;
  receivedAt: Date;
};
export type HistoryView = {
  value: number;
  indexValue: number | null;
  originalValue: number;
  originalUnit: string;
  quality: string;
  version: number;
  replacedAt: Date;
  replacedBy: string | null;
};

/** The meter's latest readings, newest first (`measurements.read`). */
export async function latestReadings(db: Executor, actor: Actor, meterId: string, limit = 48): Promise<ReadingView[]> {
  assertCan(actor, "measurements.read");
  if (!uuidPattern.test(meterId)) return [];
  const rows = await db.select().from(readings).where(eq(readings.meterId, meterId)).orderBy(desc(readings.ts)).limit(limit);
  return rows.map((r) => ({ ...r, flags: r.flags ?? [] }));
}

/** Earlier versions of the given readings of a meter, oldest first, keyed by ISO time (`measurements.read`). */
export async function readingVersions(db: Executor, actor: Actor, meterId: string, times: Date[]): Promise<Map<string, HistoryView[]>> {
  assertCan(actor, "measurements.read");
  const out = new Map<string, HistoryView[]>();
  if (times.length === 0 || !uuidPattern.test(meterId)) return out;
  const rows = await db
    .select()
    .from(readingHistory)
    .where(and(eq(readingHistory.meterId, meterId), inArray(readingHistory.ts, times)))
    .orderBy(asc(readingHistory.ts), asc(readingHistory.version));
  for (const r of rows) {
    const key = r.ts.toISOString();
    const list = out.get(key) ?? [];
    list.push(r);
    out.set(key, list);
  }
  return out;
}
