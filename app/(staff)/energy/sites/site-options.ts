import "server-only";
import type { Executor } from "@/db/client";
import { listSitesQuery } from "@/lib/validation/sites";
import type { Actor } from "@/server/auth/actor";
import { listNetworks } from "@/server/energy/sites/networks-service";
import { listSites } from "@/server/energy/sites/sites-query";

type Option = { id: string; code: string; name: string };

/** The choices of the site form: every network, and up to 500 possible parent sites by name (not `except`). */
export async function siteFormOptions(db: Executor, actor: Actor, except?: string): Promise<{ networks: Option[]; parents: Option[] }> {
  const networks = await listNetworks(db, actor);
  const { data } = await listSites(db, actor, listSitesQuery.parse({ limit: 500 }));
  return {
    networks: networks.map(({ id, code, name }) => ({ id, code, name })),
    parents: data.filter((s) => s.id !== except).map(({ id, code, name }) => ({ id, code, name })),
  };
}
