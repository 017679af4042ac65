import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { agentTokens, servers } from "@/db/schema";
import type { AgentActor } from "@/server/auth/actor";

/** Agent tokens start with this, so credentials resolution tells them from API keys (`dihya_…`). */
export const agentTokenPrefix = "dha_";

export function hashAgentToken(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function generateAgentToken(): string {
  return agentTokenPrefix + randomBytes(24).toString("base64url");
}

/** The agent behind a bearer token, or null when unknown or revoked (or its server is decommissioned). */
export async function agentFromToken(value: string): Promise<AgentActor | null> {
  if (value.length > 200) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: agentTokens.id,
      serverId: agentTokens.serverId,
      lastUsedAt: agentTokens.lastUsedAt,
      hostname: servers.hostname,
      status: servers.status,
    })
    .from(agentTokens)
    .innerJoin(servers, eq(servers.id, agentTokens.serverId))
    .where(and(eq(agentTokens.hash, hashAgentToken(value)), isNull(agentTokens.revokedAt)))
    .limit(1);
  if (!row || row.status === "decommissioned") return null;
  const now = new Date();
  // Last use to the minute: no row write on every push.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(agentTokens).set({ lastUsedAt: now }).where(eq(agentTokens.id, row.id));
  }
  return { kind: "agent", id: row.id, serverId: row.serverId, name: row.hostname };
}
