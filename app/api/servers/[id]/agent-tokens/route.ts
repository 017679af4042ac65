import { issueAgentToken as issueAgentTokenOp } from "@/server/api/endpoints/servers";
import { defineRoute, json } from "@/server/auth/define-route";
import { issueAgentToken } from "@/server/devops/agents/agent-token-service";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** POST { replace? }: a new agent token, its value in this response only (201). */
export const POST = defineRoute(issueAgentTokenOp, async ({ actor, params, body, tx }) =>
  json(await issueAgentToken(tx, actor, params.id ?? "", { replace: body.replace }), 201),
);

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
