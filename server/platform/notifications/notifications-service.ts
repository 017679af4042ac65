import "server-only";
import { and, count, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { notifications } from "@/db/schema";
import type { NotificationSeverity, NotificationView } from "@/lib/notification-kinds";
import type { ListNotificationsQuery, MarkReadInput } from "@/lib/validation/notifications";
import { assertCan, type Actor, type UserActor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { decodeCursor, encodeCursor } from "@/server/platform/cursor";
import { forbiddenError } from "@/server/platform/errors";
import { formatWhen, renderWith, translatorFor } from "./render";
import { signalUsers } from "./signal";

/** A notification as the API returns it: rendered in the caller's language, plus the raw keys. */
export type NotificationDto = {
  id: string;
  kind: string;
  severity: NotificationSeverity;
  title: string;
  body: string | null;
  titleKey: string;
  bodyKey: string | null;
  params: Record<string, string | number>;
  link: string | null;
  readAt: string | null;
  createdAt: string;
};
type Row = typeof notifications.$inferSelect & { cursorAt: string };

/** Notifications belong to people: partners and system actors have none. */
function reader(actor: Actor): UserActor {
  assertCan(actor, "notifications.read");
  if (actor.kind !== "user") throw forbiddenError();
  return actor;
}

// Exact (microsecond) timestamp text for keyset cursors; JS dates would drop precision.
const cursorAt = sql<string>`to_char(${notifications.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const cursorShape = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const notificationColumns = {
  id: notifications.id,
  userId: notifications.userId,
  kind: notifications.kind,
  severity: notifications.severity,
  titleKey: notifications.titleKey,
  bodyKey: notifications.bodyKey,
  params: notifications.params,
  link: notifications.link,
  readAt: notifications.readAt,
  createdAt: notifications.createdAt,
};

async function page(db: Executor, userId: string, query: ListNotificationsQuery) {
  const where: SQL[] = [eq(notifications.userId, userId)];
  if (query.unread) where.push(isNull(notifications.readAt));
  if (query.kind) where.push(eq(notifications.kind, query.kind));
  const cursor = decodeCursor(query.cursor);
  if (cursor && cursorShape.test(cursor[0]) && uuidShape.test(cursor[1])) {
    where.push(sql`(${notifications.createdAt}, ${notifications.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);
  }
  const rows: Row[] = await db
    .select({ ...notificationColumns, cursorAt })
    .from(notifications)
    .where(and(...where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
  const data = rows.slice(0, query.limit);
  const last = data[data.length - 1];
  return { rows: data, next_cursor: rows.length > query.limit && last ? encodeCursor([last.cursorAt, last.id]) : null };
}

/** The caller's own notifications, newest first (`GET /api/notifications`). */
export async function listNotifications(db: Executor, actor: Actor, query: ListNotificationsQuery) {
  const me = reader(actor);
  const { rows, next_cursor } = await page(db, me.id, query);
  const t = await translatorFor(me.locale);
  const data: NotificationDto[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    severity: r.severity as NotificationSeverity,
    ...renderWith(t, r),
    titleKey: r.titleKey,
    bodyKey: r.bodyKey,
    params: r.params,
    link: r.link,
    readAt: r.readAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
  return { data, next_cursor };
}

/** Rows as the UI shows them, in `locale`. */
export async function toViews(rows: (typeof notifications.$inferSelect)[], locale: string): Promise<NotificationView[]> {
  const t = await translatorFor(locale);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    severity: r.severity as NotificationSeverity,
    ...renderWith(t, r),
    link: r.link,
    read: r.readAt !== null,
    createdAt: r.createdAt.toISOString(),
    when: formatWhen(locale, r.createdAt),
  }));
}

/** The caller's own notifications for the page and the bell. */
export async function listNotificationViews(db: Executor, actor: Actor, query: ListNotificationsQuery) {
  const me = reader(actor);
  const { rows, next_cursor } = await page(db, me.id, query);
  return { data: await toViews(rows, me.locale), next_cursor };
}

export async function unreadCount(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/**
 * Marks some (`ids`) or all of the caller's unread notifications read; ids that are not
 * the caller's are ignored. Audited when something changed; live streams hear it.
 */
export async function markNotificationsRead(tx: Executor, actor: Actor, input: MarkReadInput) {
  const me = reader(actor);
  const mine = and(eq(notifications.userId, me.id), isNull(notifications.readAt));
  const updated = await tx
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where("ids" in input ? and(mine, inArray(notifications.id, input.ids)) : mine)
    .returning({ id: notifications.id });
  const unread = await unreadCount(tx, me.id);
  if (updated.length > 0) {
    await recordAudit(tx, {
      actor: me,
      action: "notification.marked_read",
      entityType: "user",
      entityId: me.id,
      changes: { unread: { old: unread + updated.length, new: unread } },
    });
    await signalUsers(tx, [me.id]);
  }
  return { updated: updated.length, unread };
}
