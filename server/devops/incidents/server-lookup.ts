import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { servers } from "@/db/schema";
import { assertCan, type Actor } from "@/server/auth/actor";
import { DomainError } from "@/server/platform/errors";

/** Hostnames typed in a form (one per line or comma-separated), trimmed, without duplicates (any case). */
export function parseHostnames(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/[\s,;]+/)
    .map((h) => h.trim())
    .filter((h) => h && !seen.has(h.toLowerCase()) && seen.add(h.toLowerCase()));
}

/** Server ids of hostnames (any case), in the given order, for managers (`incidents.manage`); an unknown one → 422 on `field`. */
export async function serverIdsForHostnames(tx: Executor, actor: Actor, hostnames: string[], field = "servers"): Promise<string[]> {
  assertCan(actor, "incidents.manage");
  if (hostnames.length === 0) return [];
  if (hostnames.length > 50) throw new DomainError("validation_failed", "incidentTooManyServers", field);
  const lower = hostnames.map((h) => h.toLowerCase());
  const rows = await tx
    .select({ id: servers.id, hostname: servers.hostname })
    .from(servers)
    .where(inArray(sql`lower(${servers.hostname})`, lower));
  const ids = lower.map((h) => rows.find((r) => r.hostname.toLowerCase() === h)?.id);
  if (ids.some((id) => !id)) throw new DomainError("validation_failed", "incidentServerUnknown", field);
  return ids as string[];
}
