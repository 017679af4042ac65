import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { meters } from "@/db/schema";
import { actorLabel, assertCan, type Actor } from "@/server/auth/actor";
import { notFound } from "@/server/platform/errors";
import { forecastMeter, type MeterOutcome } from "./forecast-meter";

/**
 * An admin's "recompute now" for one meter (`meters.write`), run at once in the caller's
 * transaction: one meter's CPU is bounded (well under a second). Derived data: logged, not audited.
 */
export async function recomputeMeterForecast(db: Executor, actor: Actor, meterId: string): Promise<MeterOutcome> {
  assertCan(actor, "meters.write");
  const [meter] = await db
    .select({ id: meters.id, code: meters.code, quantity: meters.quantity, intervalMinutes: meters.intervalMinutes })
    .from(meters)
    .where(eq(meters.id, meterId));
  if (!meter) throw notFound();
  const outcome = await forecastMeter(db, meter);
  console.info(
    `[forecast] ${meter.code}: recomputed by ${actorLabel(actor)} in ${outcome.ms} ms` +
      (outcome.status === "skipped" ? ` (skipped: ${outcome.reason})` : ""),
  );
  return outcome;
}
