import "server-only";
import { asc, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { networks, sites } from "@/db/schema";
import { assertCan, type Actor } from "@/server/auth/actor";
import type { DashboardScope } from "./energy-sql";

export type ScopeOption = { id: string; code: string; name: string };
export type ScopeOptions = { networks: ScopeOption[]; sites: (ScopeOption & { timezone: string; meters: number })[] };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `all`, `network:<id>` or `site:<id>` (the select's value) as a scope; anything else is `all`. */
export function parseScope(value: string | undefined): DashboardScope {
  const [kind, id] = (value ?? "").split(":");
  if ((kind === "network" || kind === "site") && id && uuid.test(id)) return { kind, id };
  return { kind: "all" };
}

export function scopeValue(scope: DashboardScope): string {
  return scope.kind === "all" ? "all" : `${scope.kind}:${scope.id}`;
}

/** Networks and sites a reader of measurements may pick, by name; sites with their meter count. */
export async function scopeOptions(db: Executor, actor: Actor): Promise<ScopeOptions> {
  assertCan(actor, "measurements.read");
  const [networkRows, siteRows] = await Promise.all([
    db
      .select({ id: networks.id, code: networks.code, name: networks.name })
      .from(networks)
      .orderBy(asc(sql`lower(${networks.name})`), asc(networks.id)),
    db
      .select({
        id: sites.id,
        code: sites.code,
        name: sites.name,
        timezone: sites.timezone,
        meters: sql<number>`(select count(*)::int from meters m where m.site_id = ${sites.id})`,
      })
      .from(sites)
      .orderBy(asc(sql`lower(${sites.name})`), asc(sites.id)),
  ]);
  return { networks: networkRows, sites: siteRows.map((s) => ({ ...s, meters: Number(s.meters) })) };
}
