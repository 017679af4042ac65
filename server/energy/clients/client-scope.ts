import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clientAccounts } from "@/db/schema";
import { can, type Actor } from "@/server/auth/actor";
import { DomainError } from "@/server/platform/errors";

/**
 * Whose billing data the actor may see. Staff holding `read` (e.g. `invoices.read`) see every
 * client: `{ all: true }`. A client-role account holding `invoices.own` sees only the client it is
 * linked to: `{ all: false, clientId }`. Anyone else is refused (403). Queries filter with
 * `scope.all ? undefined : eq(table.clientId, scope.clientId)`, and an id outside the scope
 * answers 404 like an unknown one.
 */
export type ClientScope = { all: true } | { all: false; clientId: string };

export async function clientScope(db: Executor, actor: Actor, read: "invoices.read" | "clients.read"): Promise<ClientScope> {
  if (can(actor, read)) return { all: true };
  if (actor.kind === "user" && can(actor, "invoices.own")) {
    const [link] = await db
      .select({ clientId: clientAccounts.clientId })
      .from(clientAccounts)
      .where(eq(clientAccounts.userId, actor.id))
      .limit(1);
    // A client account not (or no longer) linked to a client owns nothing.
    if (!link) throw new DomainError("not_found", "notFound");
    return { all: false, clientId: link.clientId };
  }
  throw new DomainError("forbidden", "forbidden");
}

/** The client a client-role account is linked to (404 when it is not linked). */
export async function ownClientId(db: Executor, actor: Actor): Promise<string> {
  const scope = await clientScope(db, actor, "invoices.read");
  if (scope.all) throw new DomainError("forbidden", "forbidden");
  return scope.clientId;
}
