import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { partnerScopes, type PartnerScope } from "@/lib/permissions";
import type { PartnerActor } from "./actor";

export const apiKeyPrefix = "dihya_";

export function hashApiKey(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function generateApiKey(): string {
  return apiKeyPrefix + randomBytes(16).toString("hex");
}

/** The partner behind a bearer API key, or null when unknown, revoked or expired. */
export async function partnerFromApiKey(value: string): Promise<PartnerActor | null> {
  if (!value.startsWith(apiKeyPrefix) || value.length > 200) return null;
  const db = await getDb();
  const [key] = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.hash, hashApiKey(value)))
    .limit(1);
  const now = new Date();
  if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= now)) return null;
  // Last use to the minute: no row write on every request of a busy partner.
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) {
    await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, key.id));
  }
  const scopes = key.scopes.filter((s): s is PartnerScope => s in partnerScopes);
  return { kind: "partner", credential: "api_key", id: key.id, name: key.name, scopes, rateLimit: key.rateLimit };
}
