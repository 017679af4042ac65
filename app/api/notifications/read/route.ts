import { markNotificationsRead as markNotificationsReadOp } from "@/server/api/endpoints/notifications";
import { defineRoute } from "@/server/auth/define-route";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";
import { markNotificationsRead } from "@/server/platform/notifications/notifications-service";

/** POST `{ ids: uuid[] }` or `{ all: true }`: marks the caller's own notifications read → `{ updated, unread }`. */
export const POST = defineRoute(markNotificationsReadOp, ({ actor, body, tx }) => markNotificationsRead(tx, actor, body));

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
