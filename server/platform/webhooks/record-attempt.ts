import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookDeliveries, webhooks } from "@/db/schema";
import type { JobContext } from "@/server/platform/jobs/registry";
import { recordAudit } from "@/server/platform/audit";
import { notify } from "@/server/platform/notifications/notify";
import type { SendResult } from "./send";

/** Failed deliveries in a row (each after its last attempt) that disable a webhook. */
export const disableAfterFailures = 5;

type Target = { deliveryId: string; webhookId: string; url: string };

/**
 * Writes one attempt's outcome on the delivery row. A success resets the webhook's
 * failure count; a delivery failing its last attempt adds one, and the fifth in a row
 * disables the webhook, audits it and warns every admin. One transaction.
 */
export async function recordAttempt(
  db: Db,
  target: Target,
  result: SendResult,
  ctx: Pick<JobContext, "attempt" | "maxAttempts" | "actor">,
) {
  const ok = result.error === null;
  const last = ctx.attempt >= ctx.maxAttempts;
  await db.transaction(async (tx) => {
    await tx
      .update(webhookDeliveries)
      .set({
        status: ok ? "succeeded" : last ? "failed" : "retrying",
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        responseStatus: result.status,
        error: result.error?.slice(0, 1000) ?? null,
        durationMs: result.durationMs,
        lastAttemptAt: sql`now()`,
      })
      .where(eq(webhookDeliveries.id, target.deliveryId));
    if (ok) {
      await tx.update(webhooks).set({ consecutiveFailures: 0 }).where(eq(webhooks.id, target.webhookId));
      return;
    }
    if (!last) return;
    await tx
      .update(webhooks)
      .set({ consecutiveFailures: sql`${webhooks.consecutiveFailures} + 1` })
      .where(eq(webhooks.id, target.webhookId));
    const [disabled] = await tx
      .update(webhooks)
      .set({ enabled: false, disabledAt: sql`now()` })
      .where(and(eq(webhooks.id, target.webhookId), eq(webhooks.enabled, true), gte(webhooks.consecutiveFailures, disableAfterFailures)))
      .returning({ failures: webhooks.consecutiveFailures });
    if (!disabled) return;
    await recordAudit(tx, {
      actor: ctx.actor,
      action: "webhook.disabled",
      entityType: "webhook",
      entityId: target.webhookId,
      changes: { enabled: { old: true, new: false }, consecutiveFailures: { old: null, new: disabled.failures } },
      context: { ip: null, userAgent: null, requestId: null },
    });
    await notify(tx, {
      to: { role: "admin" },
      kind: "webhook.disabled",
      severity: "warning",
      titleKey: "notifications.webhookDisabled.title",
      bodyKey: "notifications.webhookDisabled.body",
      params: { url: target.url },
      link: `/admin/webhooks/${target.webhookId}`,
    });
  });
}
