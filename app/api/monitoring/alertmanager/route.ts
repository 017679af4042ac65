import { receiveAlertmanager as receiveOp } from "@/server/api/endpoints/devops-alerts";
import { defineRoute } from "@/server/auth/define-route";
import { receiveAlertmanager } from "@/server/devops/alerts/alertmanager-ingest";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/**
 * POST: Alertmanager's webhook (version 4), with a partner API key holding alerts:write
 * (`http_config.authorization.credentials`) or as an admin → 200 { received, opened, resolved, unchanged }.
 */
export const POST = defineRoute(receiveOp, ({ actor, body, tx }) => receiveAlertmanager(tx, actor, body));

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
