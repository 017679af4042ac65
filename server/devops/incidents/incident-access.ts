import "server-only";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { incidents } from "@/db/schema";
import { assertCan, can, type Actor } from "@/server/auth/actor";
import { notFound } from "@/server/platform/errors";
import { isUuid } from "@/server/platform/ids";
import type { IncidentRow } from "./create-incident";

/** How the opener appears: a user's name (else e-mail), a partner's name. */
export function openerLabel(actor: Actor): string {
  switch (actor.kind) {
    case "user":
      return actor.name || actor.email;
    case "partner":
      return actor.name;
    case "system":
      return actor.id;
    case "agent":
      return `agent:${actor.name}`;
  }
}

/**
 * Which incidents an actor may read: all with `incidents.read`; otherwise (incidents.create)
 * only those they opened — a user by id, a partner by its name on incidents opened through the API.
 */
export function readableBy(actor: Actor): SQL | undefined {
  if (can(actor, "incidents.read")) return undefined;
  assertCan(actor, "incidents.create");
  if (actor.kind === "user") return eq(incidents.openedById, actor.id);
  if (actor.kind === "partner")
    return and(isNull(incidents.openedById), eq(incidents.source, "api"), eq(incidents.openedByLabel, actor.name));
  return sql`false`;
}

/** The incident if the actor may read it; 404 otherwise (someone else's incident does not exist for them). */
export async function loadReadableIncident(tx: Executor, actor: Actor, id: string, lock = false): Promise<IncidentRow> {
  const scope = readableBy(actor);
  if (!isUuid(id)) throw notFound();
  const query = tx
    .select()
    .from(incidents)
    .where(and(eq(incidents.id, id), scope))
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  return row;
}

/** For managers (`incidents.manage`): the incident, locked for the change. */
export async function loadManagedIncident(tx: Executor, actor: Actor, id: string): Promise<IncidentRow> {
  assertCan(actor, "incidents.manage");
  return loadReadableIncident(tx, actor, id, true);
}
