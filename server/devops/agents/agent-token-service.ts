import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { agentTokens } from "@/db/schema";
import { actorLabel, assertCan, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import { isUuid } from "@/server/platform/ids";
import { assertNotDecommissioned, loadServer } from "@/server/devops/servers/server-rules";
import { generateAgentToken, hashAgentToken } from "./agent-tokens";

/** A freshly issued token: the only time its value is ever returned. */
export type IssuedAgentToken = { id: string; token: string; hint: string };

/**
 * Issues an agent token for a server (`servers.write`): `dha_…`, stored as its SHA-256
 * hash with the last 4 characters as a hint; the value is returned here only. Older
 * tokens keep working unless `replace` (then they are revoked in the same transaction).
 * Not for a decommissioned server (409). Audited as `server.agent_token_issued` (hint only).
 */
export async function issueAgentToken(
  tx: Executor,
  actor: Actor,
  serverId: string,
  options: { replace?: boolean } = {},
): Promise<IssuedAgentToken> {
  assertCan(actor, "servers.write");
  const server = await loadServer(tx, serverId, true);
  assertNotDecommissioned(server);
  let revoked: string[] = [];
  if (options.replace) {
    const rows = await tx
      .update(agentTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(agentTokens.serverId, serverId), isNull(agentTokens.revokedAt)))
      .returning({ id: agentTokens.id });
    revoked = rows.map((r) => r.id);
  }
  const token = generateAgentToken();
  const hint = token.slice(-4);
  const [row] = await tx
    .insert(agentTokens)
    .values({ serverId, hash: hashAgentToken(token), hint, createdBy: actorLabel(actor) })
    .returning({ id: agentTokens.id });
  if (!row) throw new Error("insert returned nothing");
  await recordAudit(tx, {
    actor,
    action: "server.agent_token_issued",
    entityType: "server",
    entityId: serverId,
    changes: {
      tokenId: { old: null, new: row.id },
      hint: { old: null, new: hint },
      ...(revoked.length ? { revoked: { old: revoked, new: null } } : {}),
    },
  });
  return { id: row.id, token, hint };
}

/**
 * Revokes one agent token of a server (`servers.write`): the agent is refused from its next
 * request. Unknown token, or one of another server: 404; already revoked: 409. Audited as
 * `server.agent_token_revoked`.
 */
export async function revokeAgentToken(tx: Executor, actor: Actor, serverId: string, tokenId: string): Promise<void> {
  assertCan(actor, "servers.write");
  await loadServer(tx, serverId);
  if (!isUuid(tokenId)) throw notFound();
  const [row] = await tx
    .select({ id: agentTokens.id, hint: agentTokens.hint, revokedAt: agentTokens.revokedAt })
    .from(agentTokens)
    .where(and(eq(agentTokens.id, tokenId), eq(agentTokens.serverId, serverId)))
    .limit(1)
    .for("update");
  if (!row) throw notFound();
  if (row.revokedAt) throw new DomainError("conflict", "agentTokenRevoked");
  await tx.update(agentTokens).set({ revokedAt: new Date() }).where(eq(agentTokens.id, tokenId));
  await recordAudit(tx, {
    actor,
    action: "server.agent_token_revoked",
    entityType: "server",
    entityId: serverId,
    changes: { tokenId: { old: tokenId, new: null }, hint: { old: row.hint, new: null } },
  });
}
