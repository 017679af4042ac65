import "server-only";
import type { Executor } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { recordAudit } from "@/server/platform/audit";
import { emitEvent } from "@/server/platform/webhooks/emit";
import type { RequestContext } from "@/server/platform/request-context";
import type { Actor } from "./actor";
import { apiKeyPrefix, generateApiKey, hashApiKey } from "./api-keys";

/** Stores a partner key as its hash with a visible prefix; returns the value (shown once). */
export async function createApiKeyRecord(
  tx: Executor,
  actor: Actor,
  input: { name: string; scopes: string[]; value?: string; expiresAt?: Date | null; rateLimit?: number | null; context?: RequestContext },
): Promise<{ id: string; value: string }> {
  const value = input.value ?? generateApiKey();
  const [row] = await tx
    .insert(apiKeys)
    .values({
      name: input.name,
      prefix: value.slice(0, apiKeyPrefix.length + 4),
      hash: hashApiKey(value),
      scopes: input.scopes,
      expiresAt: input.expiresAt ?? null,
      rateLimit: input.rateLimit ?? null,
      createdBy: actor.kind === "user" ? actor.id : null,
    })
    .returning({ id: apiKeys.id });
  if (!row) throw new Error("insert returned nothing");
  await recordAudit(tx, {
    actor,
    action: "api_key.created",
    entityType: "api_key",
    entityId: row.id,
    changes: { name: { old: null, new: input.name }, scopes: { old: null, new: input.scopes } },
    context: input.context,
  });
  await emitEvent(tx, "api_key.created", { id: row.id, name: input.name, scopes: input.scopes });
  return { id: row.id, value };
}
