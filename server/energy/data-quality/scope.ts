import "server-only";
import { eq, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { meters, sites } from "@/db/schema";
import { assertCan, type Actor } from "@/server/auth/actor";
import { energyTimeZone } from "@/server/energy/equipment/dates";
import { safeZone, wallClock } from "@/server/energy/maintenance/site-time";
import { addDays, type DataQualityQuery } from "./filters";

/**
 * What the view looks at: the selected site and/or meter, and the period as instants
 * [from, to) — local midnights of the site's zone (the meter's site when a meter is chosen),
 * Africa/Algiers across all sites.
 */
export type Scope = {
  siteId: string | null;
  meterId: string | null;
  fromDay: string;
  toDay: string;
  timeZone: string;
  from: Date;
  to: Date;
};

/** Resolves the filters into a scope (`measurements.read`). Every reader sees every site. */
export async function resolveScope(db: Executor, actor: Actor, q: DataQualityQuery, now = new Date()): Promise<Scope> {
  assertCan(actor, "measurements.read");
  let zone = energyTimeZone;
  if (q.meter) {
    const [row] = await db
      .select({ tz: sites.timezone })
      .from(meters)
      .innerJoin(sites, eq(sites.id, meters.siteId))
      .where(eq(meters.id, q.meter));
    if (row) zone = safeZone(row.tz);
  } else if (q.site) {
    const [row] = await db.select({ tz: sites.timezone }).from(sites).where(eq(sites.id, q.site));
    if (row) zone = safeZone(row.tz);
  }
  const toDay = q.to ?? wallClock(now, zone).day;
  const fromDay = q.from ?? (q.to ? addDays(q.to, -29) : addDays(toDay, -29));
  const [bounds] = rowsOf<{ f: string | Date; t: string | Date }>(
    await db.execute(sql`select (${fromDay}::date::timestamp at time zone ${zone}) as f,
      ((${toDay}::date + 1)::timestamp at time zone ${zone}) as t`),
  );
  return {
    siteId: q.site ?? null,
    meterId: q.meter ?? null,
    fromDay,
    toDay,
    timeZone: zone,
    from: new Date(bounds!.f),
    to: new Date(bounds!.t),
  };
}

/** SQL condition on a meters alias `m` for the scope's site and meter. */
export function meterCondition(scope: Scope): SQL {
  const parts: SQL[] = [sql`true`];
  if (scope.siteId) parts.push(sql`m.site_id = ${scope.siteId}::uuid`);
  if (scope.meterId) parts.push(sql`m.id = ${scope.meterId}::uuid`);
  return sql.join(parts, sql` and `);
}

export const fromParam = (scope: Scope) => sql`${scope.from.toISOString()}::timestamptz`;
export const toParam = (scope: Scope) => sql`${scope.to.toISOString()}::timestamptz`;
