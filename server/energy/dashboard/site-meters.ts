import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { meters, sites } from "@/db/schema";
import { assertCan, type Actor } from "@/server/auth/actor";
import { knownZone } from "@/server/energy/equipment/dates";
import { notFound } from "@/server/platform/errors";

export type MeasurementsSite = {
  site: { id: string; code: string; name: string; timezone: string };
  meters: {
    id: string;
    code: string;
    name: string;
    kind: string;
    quantity: string;
    unit: string;
    intervalMinutes: number;
    active: boolean;
  }[];
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A site (its zone checked) and all its meters by code, for the measurement screens (`measurements.read`); 404 when unknown. */
export async function measurementsSite(db: Executor, actor: Actor, siteId: string): Promise<MeasurementsSite> {
  assertCan(actor, "measurements.read");
  if (!uuid.test(siteId)) throw notFound();
  const [site] = await db
    .select({ id: sites.id, code: sites.code, name: sites.name, timezone: sites.timezone })
    .from(sites)
    .where(eq(sites.id, siteId))
    .limit(1);
  if (!site) throw notFound();
  const rows = await db
    .select({
      id: meters.id,
      code: meters.code,
      name: meters.name,
      kind: meters.kind,
      quantity: meters.quantity,
      unit: meters.unit,
      intervalMinutes: meters.intervalMinutes,
      active: meters.active,
    })
    .from(meters)
    .where(eq(meters.siteId, siteId))
    .orderBy(asc(meters.code));
  return { site: { ...site, timezone: knownZone(site.timezone) }, meters: rows };
}
