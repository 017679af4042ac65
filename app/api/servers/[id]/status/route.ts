import { changeServerStatus as changeServerStatusOp } from "@/server/api/endpoints/servers";
import { defineRoute } from "@/server/auth/define-route";
import { transitionServer } from "@/server/devops/servers/server-status";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** POST { status, reason }: a lifecycle move; one the lifecycle does not allow → 409. */
export const POST = defineRoute(changeServerStatusOp, ({ actor, params, body, tx }) => transitionServer(tx, actor, params.id ?? "", body));

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
