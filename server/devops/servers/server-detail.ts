import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { agentTokens, serverAccessGrants, serverNotes, serverStatusHistory, users } from "@/db/schema";
import { allowedTransitions, type ServerStatus } from "@/lib/devops/server-lifecycle";
import { assertCan, type Actor } from "@/server/auth/actor";
import { toGrantDto, type AccessGrantDto } from "./server-access";
import { toServerDto, type ServerDto } from "./server-dto";
import type { ServerNoteDto } from "./server-notes";
import { loadServer } from "./server-rules";

export type StatusHistoryDto = {
  id: number;
  fromStatus: ServerStatus | null;
  toStatus: ServerStatus;
  actorLabel: string;
  reason: string;
  at: string;
};
/** An agent token as shown: never its value nor its hash, only the last 4 characters. */
export type AgentTokenDto = {
  id: string;
  hint: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type ServerDetailDto = ServerDto & {
  allowedTransitions: ServerStatus[];
  history: StatusHistoryDto[];
  grants: AccessGrantDto[];
  journal: ServerNoteDto[];
  agentTokens: AgentTokenDto[];
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * A server with its lifecycle history (newest first), access grants (live ones first, then
 * by date), dated notes (newest first) and agent tokens (newest first). Needs `servers.read`.
 * `journal` holds the dated notes (`notes` is the server's description).
 */
export async function getServerDetail(db: Executor, actor: Actor, id: string): Promise<ServerDetailDto> {
  assertCan(actor, "servers.read");
  const row = await loadServer(db, id);
  const [history, grants, notes, tokens] = await Promise.all([
    db
      .select()
      .from(serverStatusHistory)
      .where(eq(serverStatusHistory.serverId, id))
      .orderBy(desc(serverStatusHistory.at), desc(serverStatusHistory.id)),
    db
      .select({ grant: serverAccessGrants, userName: users.name })
      .from(serverAccessGrants)
      .leftJoin(users, eq(users.id, serverAccessGrants.userId))
      .where(eq(serverAccessGrants.serverId, id))
      .orderBy(desc(serverAccessGrants.createdAt), desc(serverAccessGrants.id)),
    db.select().from(serverNotes).where(eq(serverNotes.serverId, id)).orderBy(desc(serverNotes.createdAt), desc(serverNotes.id)),
    db
      .select({
        id: agentTokens.id,
        hint: agentTokens.hint,
        createdBy: agentTokens.createdBy,
        createdAt: agentTokens.createdAt,
        lastUsedAt: agentTokens.lastUsedAt,
        revokedAt: agentTokens.revokedAt,
      })
      .from(agentTokens)
      .where(eq(agentTokens.serverId, id))
      .orderBy(desc(agentTokens.createdAt), desc(agentTokens.id)),
  ]);
  const now = new Date();
  const grantDtos = grants.map((g) => toGrantDto(g.grant, g.userName, now));
  const live = (g: AccessGrantDto) => (g.revokedAt || g.expired ? 1 : 0);
  const server = toServerDto(row);
  return {
    ...server,
    allowedTransitions: [...allowedTransitions(server.status)],
    history: history.map((h) => ({
      id: h.id,
      fromStatus: h.fromStatus as ServerStatus | null,
      toStatus: h.toStatus as ServerStatus,
      actorLabel: h.actorLabel,
      reason: h.reason,
      at: h.at.toISOString(),
    })),
    grants: grantDtos.sort((a, b) => live(a) - live(b)),
    journal: notes.map((n) => ({ id: n.id, authorLabel: n.authorLabel, body: n.body, createdAt: n.createdAt.toISOString() })),
    agentTokens: tokens.map((t) => ({
      ...t,
      createdAt: t.createdAt.toISOString(),
      lastUsedAt: iso(t.lastUsedAt),
      revokedAt: iso(t.revokedAt),
    })),
  };
}
