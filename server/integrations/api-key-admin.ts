import "server-only";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { partnerCredentialSchema } from "@/lib/validation/integrations";
import { assertCan, type Actor } from "@/server/auth/actor";
import { createApiKeyRecord } from "@/server/auth/api-key-records";
import { recordAudit } from "@/server/platform/audit";
import { notFound } from "@/server/platform/errors";
import { emitEvent } from "@/server/platform/webhooks/emit";

/** Grace period during which a rotated key still works, so partners can switch without downtime. */
export const rotationGraceHours = 24;

export type ApiKeyDto = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  rateLimit: number | null;
  status: "active" | "expired" | "revoked";
  expiresAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
  replacedBy: string | null;
};

function toDto(row: typeof apiKeys.$inferSelect, now = new Date()): ApiKeyDto {
  const status = row.revokedAt ? "revoked" : row.expiresAt && row.expiresAt <= now ? "expired" : "active";
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    rateLimit: row.rateLimit,
    status,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    replacedBy: row.replacedBy,
  };
}

/** Admins only. Active keys first, then the rest, newest first; capped at 200 rows. */
export async function listApiKeys(db: Executor, actor: Actor): Promise<ApiKeyDto[]> {
  assertCan(actor, "integrations.manage");
  const rows = await db
    .select()
    .from(apiKeys)
    .orderBy(
      sql`(${apiKeys.revokedAt} is null and (${apiKeys.expiresAt} is null or ${apiKeys.expiresAt} > now())) desc`,
      desc(apiKeys.createdAt),
    )
    .limit(200);
  return rows.map((r) => toDto(r));
}

const endOfDay = (day: string | undefined) => (day ? new Date(`${day}T23:59:59Z`) : null);

/** Creates a key; its value is returned once and never stored. */
export async function createApiKey(tx: Executor, actor: Actor, input: z.output<typeof partnerCredentialSchema>) {
  assertCan(actor, "integrations.manage");
  return createApiKeyRecord(tx, actor, {
    name: input.name,
    scopes: input.scopes,
    expiresAt: endOfDay(input.expiresOn),
    rateLimit: input.rateLimit ?? null,
  });
}

async function activeKey(tx: Executor, id: string) {
  const [row] = await tx
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt), or(isNull(apiKeys.expiresAt), lt(sql`now()`, apiKeys.expiresAt))))
    .for("update");
  if (!row) throw notFound();
  return row;
}

/** Revokes at once: the next request with this key answers 401. */
export async function revokeApiKey(tx: Executor, actor: Actor, id: string): Promise<void> {
  assertCan(actor, "integrations.manage");
  const row = await activeKey(tx, id);
  await tx.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, row.id));
  await recordAudit(tx, {
    actor,
    action: "api_key.revoked",
    entityType: "api_key",
    entityId: row.id,
    changes: { revoked: { old: false, new: true } },
  });
  await emitEvent(tx, "api_key.revoked", { id: row.id, name: row.name });
}

/**
 * Issues a new key with the same name, scopes, limit and expiry; the old one keeps working
 * for the grace period, then expires. Returns the new value, shown once.
 */
export async function rotateApiKey(tx: Executor, actor: Actor, id: string): Promise<{ id: string; value: string }> {
  assertCan(actor, "integrations.manage");
  const old = await activeKey(tx, id);
  const created = await createApiKeyRecord(tx, actor, {
    name: old.name,
    scopes: old.scopes,
    expiresAt: old.expiresAt,
    rateLimit: old.rateLimit,
  });
  const graceEnd = new Date(Date.now() + rotationGraceHours * 3600_000);
  const expiresAt = old.expiresAt && old.expiresAt < graceEnd ? old.expiresAt : graceEnd;
  await tx.update(apiKeys).set({ expiresAt, replacedBy: created.id }).where(eq(apiKeys.id, old.id));
  await recordAudit(tx, {
    actor,
    action: "api_key.rotated",
    entityType: "api_key",
    entityId: old.id,
    changes: {
      replacedBy: { old: null, new: created.id },
      expiresAt: { old: old.expiresAt?.toISOString() ?? null, new: expiresAt.toISOString() },
    },
  });
  return created;
}
