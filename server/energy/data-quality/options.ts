import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { meters, sites } from "@/db/schema";
import { assertCan, type Actor } from "@/server/auth/actor";

export type QualityOptions = {
  sites: { id: string; code: string; name: string }[];
  meters: { id: string; code: string; name: string; siteId: string }[];
};

/** Sites that have meters, and every meter, for the view's filters. Needs `measurements.read`. */
export async function qualityOptions(db: Executor, actor: Actor): Promise<QualityOptions> {
  assertCan(actor, "measurements.read");
  const rows = await db
    .select({ id: meters.id, code: meters.code, name: meters.name, siteId: sites.id, siteCode: sites.code, siteName: sites.name })
    .from(meters)
    .innerJoin(sites, eq(sites.id, meters.siteId))
    .orderBy(asc(sites.code), asc(meters.code));
  const bySite = new Map<string, { id: string; code: string; name: string }>();
  for (const r of rows) bySite.set(r.siteId, { id: r.siteId, code: r.siteCode, name: r.siteName });
  return { sites: [...bySite.values()], meters: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, siteId: r.siteId })) };
}
