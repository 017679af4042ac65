import { listNotifications as listNotificationsOp } from "@/server/api/endpoints/notifications";
import { defineRoute } from "@/server/auth/define-route";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";
import { listNotifications } from "@/server/platform/notifications/notifications-service";

/**
 * GET: the caller's own notifications, newest first, rendered in their language with the
 * raw keys (`?unread=true`, `?kind=`, cursor pagination, `?limit` ≤ 500). Every role;
 * partner keys have no notifications (403).
 */
export const GET = defineRoute(listNotificationsOp, ({ actor, query, tx }) => listNotifications(tx, actor, query));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
