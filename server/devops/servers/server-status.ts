import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { agentTokens, servers, serverStatusHistory } from "@/db/schema";
import { canTransition, type ServerStatus } from "@/lib/devops/server-lifecycle";
import type { ServerTransition } from "@/lib/validation/servers";
import { actorLabel, assertCan, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { DomainError } from "@/server/platform/errors";
import { toServerDto, type ServerDto } from "./server-dto";
import { loadServer } from "./server-rules";

/**
 * Moves a server along its lifecycle (`servers.write`) with a reason: a status history row
 * and a `server.status_changed` audit row. A move the lifecycle does not allow (see
 * lib/devops/server-lifecycle.ts), the same status included, is 409 `serverTransitionRefused`.
 * Decommissioning also revokes the server's live agent tokens.
 */
export async function transitionServer(tx: Executor, actor: Actor, id: string, input: ServerTransition): Promise<ServerDto> {
  assertCan(actor, "servers.write");
  const before = await loadServer(tx, id, true);
  const from = before.status as ServerStatus;
  if (!canTransition(from, input.status)) throw new DomainError("conflict", "serverTransitionRefused", "status");
  const [after] = await tx.update(servers).set({ status: input.status }).where(eq(servers.id, id)).returning();
  if (!after) throw new Error("update returned nothing");
  const label = actorLabel(actor);
  await tx
    .insert(serverStatusHistory)
    .values({ serverId: id, fromStatus: from, toStatus: input.status, actorLabel: label, reason: input.reason });
  await recordAudit(tx, {
    actor,
    action: "server.status_changed",
    entityType: "server",
    entityId: id,
    changes: { status: { old: from, new: input.status }, reason: { old: null, new: input.reason } },
  });
  if (input.status === "decommissioned") {
    await tx
      .update(agentTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(agentTokens.serverId, id), isNull(agentTokens.revokedAt)));
  }
  return toServerDto(after);
}
