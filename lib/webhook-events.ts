/**
 * The events a webhook can subscribe to. A module that emits a new event adds one line
 * here (and, optionally, a description under `webhooks.eventDescriptions` in messages,
 * with the dots of the type replaced by underscores). Payload sent for every event:
 * `{ id, type, created_at, data }`.
 */
export const webhookEventTypes = [
  // platform
  "user.created",
  "user.updated",
  "api_key.created",
  "api_key.revoked",
  "webhook.ping",
  // energy template
  "site.created",
  "site.updated",
  "measurements.ingested",
  "equipment.alarm",
  "energy.alert.fired",
  "energy.alert.resolved",
  "maintenance.created",
  "intervention.completed",
  "invoice.issued",
  "invoice.paid",
  // devops template
  "server.created",
  "deployment.started",
  "deployment.succeeded",
  "deployment.failed",
  "incident.opened",
  "incident.resolved",
  "script.finished",
] as const;

export type WebhookEventType = (typeof webhookEventTypes)[number];

export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return typeof value === "string" && (webhookEventTypes as readonly string[]).includes(value);
}

/** The message key describing an event type (`user.created` → `user_created`). */
export function eventMessageKey(type: string): string {
  return type.replace(/\./g, "_");
}
