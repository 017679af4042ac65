import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { webhookDeliveries, webhooks } from "@/db/schema";
import type { listPageQuery } from "@/lib/validation/webhooks";
import { assertCan, type Actor } from "@/server/auth/actor";
import { exactTime, olderThan, pageOf } from "@/server/platform/jobs/keyset";
import { toWebhookDto, type WebhookDto } from "./webhooks-service";

export type LastDelivery = { status: string; responseStatus: number | null; at: string };
export type WebhookListItem = WebhookDto & { lastDelivery: LastDelivery | null };
export type DeliveryDto = {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  error: string | null;
  durationMs: number | null;
  createdAt: string;
  lastAttemptAt: string | null;
};

type PageQuery = z.output<typeof listPageQuery>;

/** Webhooks, newest first, each with its latest delivery. `integrations.manage` only. */
export async function listWebhooks(db: Executor, actor: Actor, query: PageQuery) {
  assertCan(actor, "integrations.manage");
  const rows = await db
    .select({ row: webhooks, cursorAt: exactTime(webhooks.createdAt) })
    .from(webhooks)
    .where(olderThan(query.cursor, webhooks.createdAt, webhooks.id))
    .orderBy(desc(webhooks.createdAt), desc(webhooks.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = pageOf(
    rows.map((r) => ({ ...r, id: r.row.id })),
    query.limit,
  );
  const ids = page.map((r) => r.id);
  const latest = ids.length
    ? await db
        .selectDistinctOn([webhookDeliveries.webhookId], {
          webhookId: webhookDeliveries.webhookId,
          status: webhookDeliveries.status,
          responseStatus: webhookDeliveries.responseStatus,
          createdAt: webhookDeliveries.createdAt,
          lastAttemptAt: webhookDeliveries.lastAttemptAt,
        })
        .from(webhookDeliveries)
        .where(inArray(webhookDeliveries.webhookId, ids))
        .orderBy(webhookDeliveries.webhookId, desc(webhookDeliveries.createdAt))
    : [];
  const data: WebhookListItem[] = page.map(({ row }) => {
    const last = latest.find((l) => l.webhookId === row.id);
    return {
      ...toWebhookDto(row),
      lastDelivery: last
        ? { status: last.status, responseStatus: last.responseStatus, at: (last.lastAttemptAt ?? last.createdAt).toISOString() }
        : null,
    };
  });
  return { data, next_cursor: nextCursor };
}

/** The delivery log of one webhook, newest first. */
export async function listDeliveries(db: Executor, actor: Actor, webhookId: string, query: PageQuery) {
  assertCan(actor, "integrations.manage");
  const rows = await db
    .select({ row: webhookDeliveries, cursorAt: exactTime(webhookDeliveries.createdAt) })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.webhookId, webhookId), olderThan(query.cursor, webhookDeliveries.createdAt, webhookDeliveries.id)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = pageOf(
    rows.map((r) => ({ ...r, id: r.row.id })),
    query.limit,
  );
  const data: DeliveryDto[] = page.map(({ row }) => ({
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    responseStatus: row.responseStatus,
    error: row.error,
    durationMs: row.durationMs,
    createdAt: row.createdAt.toISOString(),
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
  }));
  return { data, next_cursor: nextCursor };
}
