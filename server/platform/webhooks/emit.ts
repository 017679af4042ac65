import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { webhookDeliveries, webhooks } from "@/db/schema";
import type { WebhookEventType } from "@/lib/webhook-events";
import { enqueue } from "@/server/platform/jobs/enqueue";

/** Tries per delivery before it counts as failed (the job's max_attempts). */
export const deliveryMaxAttempts = 6;

export type WebhookEvent = { id: string; type: WebhookEventType; created_at: string; data: unknown };

export function newEvent(type: WebhookEventType, data: unknown): WebhookEvent {
  return { id: randomUUID(), type, created_at: new Date().toISOString(), data: JSON.parse(JSON.stringify(data ?? null)) };
}

/** One delivery row and its `webhook.deliver` job, in the caller's transaction. Returns the delivery id. */
export async function queueDelivery(tx: Executor, webhookId: string, event: WebhookEvent): Promise<string> {
  const [row] = await tx
    .insert(webhookDeliveries)
    .values({ webhookId, eventId: event.id, eventType: event.type, payload: event })
    .returning({ id: webhookDeliveries.id });
  if (!row) throw new Error("insert returned nothing");
  await enqueue(tx, { kind: "webhook.deliver", payload: { deliveryId: row.id }, maxAttempts: deliveryMaxAttempts });
  return row.id;
}

/**
 * Announces a domain event to every enabled webhook subscribed to `type`: call it in the
 * transaction that made the change, after its audit row, so the deliveries exist only if
 * the change commits. `data` is the object as the API would show it (no secrets).
 * Returns the number of deliveries queued.
 */
export async function emitEvent(tx: Executor, type: WebhookEventType, data: unknown): Promise<number> {
  const targets = await tx
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(and(eq(webhooks.enabled, true), sql`${webhooks.eventTypes} @> ${JSON.stringify([type])}::jsonb`));
  if (targets.length === 0) return 0;
  const event = newEvent(type, data);
  for (const target of targets) await queueDelivery(tx, target.id, event);
  return targets.length;
}
