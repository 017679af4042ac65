import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { meters, sites } from "@/db/schema";
import { assertCan, type Actor } from "@/server/auth/actor";
import type { AlertMeterOption, AlertSiteOption } from "@/lib/validation/alert-rules";
import { unitOfQuantity } from "./rule-context";

export type { AlertMeterOption, AlertSiteOption };

/** Meters by site then code: the rule form's choices, with the unit the threshold is in. */
export async function alertMeterOptions(db: Executor, actor: Actor): Promise<AlertMeterOption[]> {
  assertCan(actor, "measurements.read");
  const rows = await db
    .select({
      id: meters.id,
      code: meters.code,
      name: meters.name,
      siteName: sites.name,
      intervalMinutes: meters.intervalMinutes,
      quantity: meters.quantity,
    })
    .from(meters)
    .innerJoin(sites, eq(sites.id, meters.siteId))
    .orderBy(asc(sites.name), asc(meters.code), asc(meters.id));
  return rows.map(({ quantity, ...r }) => ({ ...r, unit: unitOfQuantity(quantity) }));
}

/** Sites by name: the rule form's and the alert filter's choices. */
export async function alertSiteOptions(db: Executor, actor: Actor): Promise<AlertSiteOption[]> {
  assertCan(actor, "measurements.read");
  return db.select({ id: sites.id, name: sites.name }).from(sites).orderBy(asc(sites.name), asc(sites.id));
}
