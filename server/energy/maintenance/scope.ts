import "server-only";
import { eq, type SQL } from "drizzle-orm";
import { interventions } from "@/db/schema";
import { can, type Actor } from "@/server/auth/actor";
import { forbiddenError } from "@/server/platform/errors";

/**
 * What an actor may see: every intervention (`maintenance.read`: admins, agents, partners
 * with maintenance:read, the system), or only those assigned to them (`interventions.assigned`:
 * technicians). Anyone else is refused. Another technician's intervention is "not found".
 */
export type ReadScope = { kind: "all" } | { kind: "own"; userId: string };

export function readScope(actor: Actor): ReadScope {
  if (can(actor, "maintenance.read")) return { kind: "all" };
  if (actor.kind === "user" && can(actor, "interventions.assigned")) return { kind: "own", userId: actor.id };
  throw forbiddenError();
}

/** The WHERE condition of a scope (undefined: no restriction). */
export function scopeCondition(scope: ReadScope): SQL | undefined {
  return scope.kind === "own" ? eq(interventions.assignedTo, scope.userId) : undefined;
}

/** Admins (and partners with maintenance:write) manage every intervention. */
export function canManage(actor: Actor): boolean {
  return can(actor, "maintenance.write");
}
