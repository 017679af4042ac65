import { expireSilence as expireOp } from "@/server/api/endpoints/devops-alerts";
import { defineRoute } from "@/server/auth/define-route";
import { expireSilence } from "@/server/devops/alerts/silences-service";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** DELETE: expires the silence now (it stays listed as expired) → 204; already expired → 409. */
export const DELETE = defineRoute(expireOp, async ({ actor, params, tx }) => {
  await expireSilence(tx, actor, params.id ?? "");
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});

export const { GET, POST, PUT, PATCH } = methodsNotAllowed(["DELETE"]);
