import { notificationStream as notificationStreamOp } from "@/server/api/endpoints/notifications";
import { defineRoute } from "@/server/auth/define-route";
import { forbiddenError } from "@/server/platform/errors";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";
import { notificationStream } from "@/server/platform/notifications/stream";

export const dynamic = "force-dynamic";

/**
 * GET: the caller's notifications live, as Server-Sent Events (see notificationStream).
 * Credentials and permission are checked first by defineRoute (problem+json 401/403);
 * the stream itself outlives defineRoute's short transaction.
 */
export const GET = defineRoute(notificationStreamOp, async ({ actor, request }) => {
  if (actor.kind !== "user") throw forbiddenError();
  return notificationStream(actor, request.signal);
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
