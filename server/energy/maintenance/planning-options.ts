import "server-only";
import { asc, eq, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { equipment, sites } from "@/db/schema";
import { assertCan, type Actor } from "@/server/auth/actor";
import { readScope } from "./scope";

export type SiteOption = { id: string; name: string };
export type EquipmentOption = { id: string; name: string; siteId: string; siteName: string };

/** Sites by name: the planning's site filter (readers of the planning). */
export async function siteOptions(db: Executor, actor: Actor): Promise<SiteOption[]> {
  readScope(actor);
  return db.select({ id: sites.id, name: sites.name }).from(sites).orderBy(asc(sites.name), asc(sites.id));
}

/** Equipment of sites still in use, by site then name: the planning form's choices (`maintenance.write`). */
export async function equipmentOptions(db: Executor, actor: Actor): Promise<EquipmentOption[]> {
  assertCan(actor, "maintenance.write");
  return db
    .select({ id: equipment.id, name: equipment.name, siteId: sites.id, siteName: sites.name })
    .from(equipment)
    .innerJoin(sites, eq(equipment.siteId, sites.id))
    .where(ne(sites.status, "decommissioned"))
    .orderBy(asc(sites.name), asc(equipment.name), asc(equipment.id));
}
