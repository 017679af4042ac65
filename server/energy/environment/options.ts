import "server-only";
import { asc } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { networks, sites } from "@/db/schema";
import { assertCan, type Actor } from "@/server/auth/actor";

export type Option = { id: string; code: string; name: string };

/** Sites and networks for the environment filters and the target form (`environment.read`). */
export async function environmentOptions(db: Executor, actor: Actor): Promise<{ sites: Option[]; networks: Option[] }> {
  assertCan(actor, "environment.read");
  const [siteRows, networkRows] = await Promise.all([
    db.select({ id: sites.id, code: sites.code, name: sites.name }).from(sites).orderBy(asc(sites.code)),
    db.select({ id: networks.id, code: networks.code, name: networks.name }).from(networks).orderBy(asc(networks.code)),
  ]);
  return { sites: siteRows, networks: networkRows };
}
