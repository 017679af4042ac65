import { getServer as getServerOp, updateServer as updateServerOp } from "@/server/api/endpoints/servers";
import { defineRoute } from "@/server/auth/define-route";
import { getServerDetail } from "@/server/devops/servers/server-detail";
import { updateServer } from "@/server/devops/servers/server-service";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** GET: one server with its status history, access grants, notes and agent tokens (hints only). Unknown id → 404. */
export const GET = defineRoute(getServerOp, ({ actor, params, tx }) => getServerDetail(tx, actor, params.id ?? ""));

/** PATCH: inventory fields; a decommissioned server is read-only (409); a taken host name → 409. */
export const PATCH = defineRoute(updateServerOp, ({ actor, params, body, tx }) => updateServer(tx, actor, params.id ?? "", body));

export const { POST, PUT, DELETE } = methodsNotAllowed(["GET", "PATCH"]);
