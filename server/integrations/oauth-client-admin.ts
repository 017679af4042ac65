import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { oauthClients } from "@/db/schema";
import type { partnerCredentialSchema } from "@/lib/validation/integrations";
import { assertCan, type Actor } from "@/server/auth/actor";
import { generateClientId, generateClientSecret, hashSecret } from "@/server/auth/oauth";
import { recordAudit } from "@/server/platform/audit";
import { notFound } from "@/server/platform/errors";

export type OAuthClientDto = {
  id: string;
  clientId: string;
  name: string;
  scopes: string[];
  rateLimit: number | null;
  status: "active" | "revoked";
  lastUsedAt: string | null;
  createdAt: string;
};

const toDto = (r: typeof oauthClients.$inferSelect): OAuthClientDto => ({
  id: r.id,
  clientId: r.clientId,
  name: r.name,
  scopes: r.scopes,
  rateLimit: r.rateLimit,
  status: r.revokedAt ? "revoked" : "active",
  lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

export async function listOAuthClients(db: Executor, actor: Actor): Promise<OAuthClientDto[]> {
  assertCan(actor, "integrations.manage");
  const rows = await db.select().from(oauthClients).orderBy(desc(oauthClients.createdAt)).limit(200);
  return rows.map(toDto);
}

/** Creates a client; the secret is returned once, only its hash is stored. */
export async function createOAuthClient(tx: Executor, actor: Actor, input: z.output<typeof partnerCredentialSchema>) {
  assertCan(actor, "integrations.manage");
  const clientId = generateClientId();
  const secret = generateClientSecret();
  const [row] = await tx
    .insert(oauthClients)
    .values({
      clientId,
      name: input.name,
      secretHash: hashSecret(secret),
      scopes: input.scopes,
      rateLimit: input.rateLimit ?? null,
      createdBy: actor.kind === "user" ? actor.id : null,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await recordAudit(tx, {
    actor,
    action: "oauth_client.created",
    entityType: "oauth_client",
    entityId: row.id,
    changes: { name: { old: null, new: row.name }, clientId: { old: null, new: clientId }, scopes: { old: null, new: row.scopes } },
  });
  return { id: row.id, clientId, secret };
}

async function activeClient(tx: Executor, id: string) {
  const [row] = await tx
    .select()
    .from(oauthClients)
    .where(and(eq(oauthClients.id, id), isNull(oauthClients.revokedAt)))
    .for("update");
  if (!row) throw notFound();
  return row;
}

/** Revokes the client; its outstanding tokens stop working on their next request. */
export async function revokeOAuthClient(tx: Executor, actor: Actor, id: string): Promise<void> {
  assertCan(actor, "integrations.manage");
  const row = await activeClient(tx, id);
  await tx.update(oauthClients).set({ revokedAt: new Date() }).where(eq(oauthClients.id, row.id));
  await recordAudit(tx, {
    actor,
    action: "oauth_client.revoked",
    entityType: "oauth_client",
    entityId: row.id,
    changes: { revoked: { old: false, new: true } },
  });
}

/** A new secret, shown once; the old one stops working at once (tokens already issued run out within 15 min). */
export async function rotateOAuthSecret(tx: Executor, actor: Actor, id: string) {
  assertCan(actor, "integrations.manage");
  const row = await activeClient(tx, id);
  const secret = generateClientSecret();
  await tx
    .update(oauthClients)
    .set({ secretHash: hashSecret(secret) })
    .where(eq(oauthClients.id, row.id));
  await recordAudit(tx, {
    actor,
    action: "oauth_client.secret_rotated",
    entityType: "oauth_client",
    entityId: row.id,
    changes: { secret: { old: "***", new: "***" } },
  });
  return { id: row.id, clientId: row.clientId, secret };
}
