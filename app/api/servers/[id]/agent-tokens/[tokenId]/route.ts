import { revokeAgentToken as revokeAgentTokenOp } from "@/server/api/endpoints/servers";
import { defineRoute } from "@/server/auth/define-route";
import { revokeAgentToken } from "@/server/devops/agents/agent-token-service";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** DELETE: revokes the token (204); the agent is refused from its next request. Already revoked → 409. */
export const DELETE = defineRoute(revokeAgentTokenOp, async ({ actor, params, tx }) => {
  await revokeAgentToken(tx, actor, params.id ?? "", params.tokenId ?? "");
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});

export const { GET, POST, PUT, PATCH } = methodsNotAllowed(["DELETE"]);
