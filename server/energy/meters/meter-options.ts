import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { equipment, sites } from "@/db/schema";
import { assertCan, type Actor } from "@/server/auth/actor";
import { uuidPattern } from "./meter-dto";

/** The site a meter form works on (name, status), or null (`meters.write`). */
export async function siteForMeters(db: Executor, actor: Actor, siteId: string) {
  assertCan(actor, "meters.write");
  if (!uuidPattern.test(siteId)) return null;
  const [site] = await db
    .select({ id: sites.id, code: sites.code, name: sites.name, status: sites.status })
    .from(sites)
    .where(eq(sites.id, siteId))
    .limit(1);
  return site ?? null;
}

/** The equipment a meter of this site may be linked to (`meters.write`). */
export async function equipmentChoices(db: Executor, actor: Actor, siteId: string): Promise<{ id: string; name: string }[]> {
  assertCan(actor, "meters.write");
  if (!uuidPattern.test(siteId)) return [];
  return db
    .select({ id: equipment.id, name: equipment.name })
    .from(equipment)
    .where(eq(equipment.siteId, siteId))
    .orderBy(asc(equipment.name))
    .limit(500);
}
