import "server-only";
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { webhooks } from "@/db/schema";
import type { createWebhookSchema, updateWebhookSchema } from "@/lib/validation/webhooks";
import { assertCan, type Actor } from "@/server/auth/actor";
import { diff, recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import { newEvent, queueDelivery } from "./emit";
import { generateSecret } from "./sign";
import { isPrivateLiteralHost, privateAllowed } from "./ssrf";

export type WebhookRow = typeof webhooks.$inferSelect;
export type WebhookDto = {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  consecutiveFailures: number;
  disabledAt: string | null;
  createdAt: string;
};

export function toWebhookDto(row: WebhookRow): WebhookDto {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    enabled: row.enabled,
    consecutiveFailures: row.consecutiveFailures,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Who may manage webhooks: `integrations.manage` (admins). Every function below checks it. */
const permission = "integrations.manage";

async function lockWebhook(tx: Executor, id: string): Promise<WebhookRow> {
  const [row] = await tx.select().from(webhooks).where(eq(webhooks.id, id)).limit(1).for("update");
  if (!row) throw notFound();
  return row;
}

export async function getWebhook(db: Executor, actor: Actor, id: string): Promise<WebhookDto> {
  assertCan(actor, permission);
  const [row] = await db.select().from(webhooks).where(eq(webhooks.id, id)).limit(1);
  if (!row) throw notFound();
  return toWebhookDto(row);
}

/** Creates a webhook; the answer carries its signing secret, which is never shown again. */
export async function createWebhook(tx: Executor, actor: Actor, input: z.output<typeof createWebhookSchema>) {
  assertCan(actor, permission);
  if (!privateAllowed() && isPrivateLiteralHost(new URL(input.url))) throw new DomainError("validation_failed", "urlPrivate", "url");
  const secret = generateSecret();
  const [row] = await tx
    .insert(webhooks)
    .values({
      url: input.url,
      description: input.description,
      eventTypes: input.eventTypes,
      secret,
      createdBy: actor.kind === "user" ? actor.id : null,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await recordAudit(tx, {
    actor,
    action: "webhook.created",
    entityType: "webhook",
    entityId: row.id,
    changes: diff({}, { url: row.url, description: row.description, eventTypes: row.eventTypes, secret: "set" }),
  });
  return { webhook: toWebhookDto(row), secret };
}

export async function updateWebhook(tx: Executor, actor: Actor, id: string, input: z.output<typeof updateWebhookSchema>) {
  assertCan(actor, permission);
  const before = await lockWebhook(tx, id);
  const [after] = await tx
    .update(webhooks)
    .set({ description: input.description ?? before.description, eventTypes: input.eventTypes ?? before.eventTypes })
    .where(eq(webhooks.id, id))
    .returning();
  if (!after) throw notFound();
  const changes = diff(
    { description: before.description, eventTypes: before.eventTypes },
    { description: after.description, eventTypes: after.eventTypes },
  );
  await recordAudit(tx, { actor, action: "webhook.updated", entityType: "webhook", entityId: id, changes });
  return toWebhookDto(after);
}

/** Enables (resetting the failure count) or disables a webhook. */
export async function setWebhookEnabled(tx: Executor, actor: Actor, id: string, enabled: boolean) {
  assertCan(actor, permission);
  const before = await lockWebhook(tx, id);
  const [after] = await tx
    .update(webhooks)
    .set(enabled ? { enabled: true, consecutiveFailures: 0, disabledAt: null } : { enabled: false, disabledAt: sql`now()` })
    .where(eq(webhooks.id, id))
    .returning();
  if (!after) throw notFound();
  await recordAudit(tx, {
    actor,
    action: enabled ? "webhook.enabled" : "webhook.disabled",
    entityType: "webhook",
    entityId: id,
    changes: diff(
      { enabled: before.enabled, consecutiveFailures: before.consecutiveFailures },
      { enabled: after.enabled, consecutiveFailures: after.consecutiveFailures },
    ),
  });
  return toWebhookDto(after);
}

/** Replaces the signing secret; the answer carries the new one, shown once. */
export async function rotateWebhookSecret(tx: Executor, actor: Actor, id: string): Promise<{ secret: string }> {
  assertCan(actor, permission);
  await lockWebhook(tx, id);
  const secret = generateSecret();
  await tx.update(webhooks).set({ secret }).where(eq(webhooks.id, id));
  await recordAudit(tx, {
    actor,
    action: "webhook.secret_rotated",
    entityType: "webhook",
    entityId: id,
    changes: diff({ secret: "old" }, { secret: "new" }),
  });
  return { secret };
}

/** Deletes a webhook and its delivery log; queued deliveries are dropped by their jobs. */
export async function deleteWebhook(tx: Executor, actor: Actor, id: string): Promise<void> {
  assertCan(actor, permission);
  const before = await lockWebhook(tx, id);
  await tx.delete(webhooks).where(eq(webhooks.id, id));
  await recordAudit(tx, {
    actor,
    action: "webhook.deleted",
    entityType: "webhook",
    entityId: id,
    changes: diff({ url: before.url, eventTypes: before.eventTypes }, { url: null, eventTypes: null }),
  });
}

/** Queues a `webhook.ping` to this webhook only (even when disabled it is refused: enable it first). */
export async function pingWebhook(tx: Executor, actor: Actor, id: string): Promise<{ deliveryId: string }> {
  assertCan(actor, permission);
  const row = await lockWebhook(tx, id);
  if (!row.enabled) throw new DomainError("conflict", "webhookDisabled");
  const deliveryId = await queueDelivery(tx, id, newEvent("webhook.ping", { webhook_id: id, url: row.url }));
  await recordAudit(tx, { actor, action: "webhook.pinged", entityType: "webhook", entityId: id, changes: null });
  return { deliveryId };
}
