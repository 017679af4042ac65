import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { webhookDeliveries, webhooks } from "@/db/schema";
import { defineJob } from "@/server/platform/jobs/registry";
import { recordAttempt } from "./record-attempt";
import { postJson } from "./send";
import { signature } from "./sign";

/**
 * `webhook.deliver` ({ deliveryId }): one signed POST per attempt. A non-2xx answer, a
 * network error or a timeout throws, so the job runner retries with backoff (6 attempts).
 * A delivery whose webhook was deleted is dropped; one whose webhook is disabled is skipped.
 */
defineJob("webhook.deliver", async (payload, ctx) => {
  const deliveryId = payload.deliveryId;
  if (typeof deliveryId !== "string") throw new Error("payload.deliveryId is missing");
  const db = await getDb();
  const [row] = await db
    .select({ delivery: webhookDeliveries, webhook: webhooks })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(eq(webhookDeliveries.id, deliveryId))
    .limit(1);
  if (!row || row.delivery.status === "succeeded") return;
  if (!row.webhook.enabled) {
    await db
      .update(webhookDeliveries)
      .set({ status: "skipped", error: "the webhook is disabled" })
      .where(eq(webhookDeliveries.id, deliveryId));
    return;
  }
  const event = row.delivery.payload as Record<string, unknown>;
  const body = JSON.stringify({ id: event.id, type: event.type, created_at: event.created_at, data: event.data });
  const timestamp = Math.floor(Date.now() / 1000);
  const result = await postJson(
    row.webhook.url,
    body,
    {
      "content-type": "application/json",
      "user-agent": "Dihya-Webhooks/1",
      "dihya-webhook-id": deliveryId,
      "dihya-webhook-timestamp": String(timestamp),
      "dihya-webhook-signature": signature(row.webhook.secret, timestamp, body),
    },
    ctx.signal,
  );
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  const error = ok ? null : (result.error ?? `HTTP ${result.status}`);
  await recordAttempt(db, { deliveryId, webhookId: row.webhook.id, url: row.webhook.url }, { ...result, error }, ctx);
  if (error) throw new Error(error);
});
