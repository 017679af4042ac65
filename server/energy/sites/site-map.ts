import "server-only";
import { and, asc, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sites } from "@/db/schema";
import type { SiteStatus, SiteType } from "@/lib/validation/sites";
import { assertCan, type Actor } from "@/server/auth/actor";
import { siteConditions } from "./sites-query";

export type MapSite = { id: string; code: string; name: string; type: SiteType; status: SiteStatus; latitude: number; longitude: number };

/**
 * Every site matching the map filters (type, status) that has coordinates, by name, and
 * the number of matching sites without coordinates. Needs `sites.read`.
 */
export async function listMapSites(
  db: Executor,
  actor: Actor,
  filters: { type?: SiteType; status?: SiteStatus },
): Promise<{ sites: MapSite[]; withoutCoordinates: number }> {
  assertCan(actor, "sites.read");
  const rows = await db
    .select({
      id: sites.id,
      code: sites.code,
      name: sites.name,
      type: sites.type,
      status: sites.status,
      latitude: sites.latitude,
      longitude: sites.longitude,
    })
    .from(sites)
    .where(and(...siteConditions(filters)))
    .orderBy(asc(sql`lower(${sites.name})`), asc(sites.id));
  const placed = rows.filter((r) => r.latitude !== null && r.longitude !== null);
  return {
    sites: placed.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      type: r.type as SiteType,
      status: r.status as SiteStatus,
      latitude: Number(r.latitude),
      longitude: Number(r.longitude),
    })),
    withoutCoordinates: rows.length - placed.length,
  };
}
