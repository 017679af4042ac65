import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { serverAccessGrants, users } from "@/db/schema";
import type { AccessGrant } from "@/lib/validation/server-access";
import { actorLabel, assertCan, type Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import { isUuid } from "@/server/platform/ids";
import { assertNotDecommissioned, loadServer } from "./server-rules";

export type AccessGrantDto = {
  id: string;
  serverId: string;
  userId: string | null;
  userName: string | null;
  principal: string;
  level: string;
  sshKeyFingerprint: string | null;
  expiresAt: string | null;
  reason: string;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  /** Past its end date (and not revoked). */
  expired: boolean;
};

type GrantRow = typeof serverAccessGrants.$inferSelect;

export function toGrantDto(row: GrantRow, userName: string | null, now = new Date()): AccessGrantDto {
  return {
    id: row.id,
    serverId: row.serverId,
    userId: row.userId,
    userName,
    principal: row.principal,
    level: row.level,
    sshKeyFingerprint: row.sshKeyFingerprint,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    reason: row.reason,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedBy: row.revokedBy,
    expired: !row.revokedAt && !!row.expiresAt && row.expiresAt.getTime() <= now.getTime(),
  };
}

/**
 * Grants access to a server (`servers.write`): a login on the host, a level, optionally the
 * Dihya account it belongs to, an SSH key fingerprint (never a key: the schema refuses key
 * material) and an end date. Not on a decommissioned server (409). Audited as
 * `server.access_granted` (the fingerprint is recorded, it is not a secret).
 */
export async function addAccessGrant(tx: Executor, actor: Actor, serverId: string, input: AccessGrant): Promise<AccessGrantDto> {
  assertCan(actor, "servers.write");
  const server = await loadServer(tx, serverId, true);
  assertNotDecommissioned(server);
  let userName: string | null = null;
  if (input.userId) {
    const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, input.userId)).limit(1);
    if (!user) throw new DomainError("validation_failed", "serverGrantUserUnknown", "userId");
    userName = user.name;
  }
  const [row] = await tx
    .insert(serverAccessGrants)
    .values({
      serverId,
      userId: input.userId ?? null,
      principal: input.principal,
      level: input.level,
      sshKeyFingerprint: input.sshKeyFingerprint ?? null,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      reason: input.reason,
      createdBy: actorLabel(actor),
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await recordAudit(tx, {
    actor,
    action: "server.access_granted",
    entityType: "server",
    entityId: serverId,
    changes: {
      grantId: { old: null, new: row.id },
      principal: { old: null, new: row.principal },
      level: { old: null, new: row.level },
      sshKeyFingerprint: { old: null, new: row.sshKeyFingerprint },
      expiresAt: { old: null, new: row.expiresAt?.toISOString() ?? null },
    },
  });
  return toGrantDto(row, userName);
}

/**
 * Revokes a grant (`servers.write`); it stays listed, marked revoked. Unknown grant, or one
 * of another server: 404; already revoked: 409. Audited as `server.access_revoked`.
 */
export async function revokeAccessGrant(tx: Executor, actor: Actor, serverId: string, grantId: string): Promise<AccessGrantDto> {
  assertCan(actor, "servers.write");
  if (!isUuid(grantId)) throw notFound();
  await loadServer(tx, serverId);
  const [row] = await tx
    .select()
    .from(serverAccessGrants)
    .where(and(eq(serverAccessGrants.id, grantId), eq(serverAccessGrants.serverId, serverId)))
    .limit(1)
    .for("update");
  if (!row) throw notFound();
  if (row.revokedAt) throw new DomainError("conflict", "serverGrantRevoked");
  const [after] = await tx
    .update(serverAccessGrants)
    .set({ revokedAt: new Date(), revokedBy: actorLabel(actor) })
    .where(and(eq(serverAccessGrants.id, grantId), isNull(serverAccessGrants.revokedAt)))
    .returning();
  if (!after) throw new DomainError("conflict", "serverGrantRevoked");
  await recordAudit(tx, {
    actor,
    action: "server.access_revoked",
    entityType: "server",
    entityId: serverId,
    changes: { grantId: { old: grantId, new: null }, principal: { old: row.principal, new: null } },
  });
  return toGrantDto(after, null);
}
