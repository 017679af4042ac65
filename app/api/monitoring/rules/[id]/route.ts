import { deleteMetricRule as deleteOp, getMetricRule as getOp, updateMetricRule as updateOp } from "@/server/api/endpoints/devops-alerts";
import { defineRoute } from "@/server/auth/define-route";
import { getMetricRule } from "@/server/devops/alerts/rules-query";
import { deleteMetricRule, updateMetricRule } from "@/server/devops/alerts/rules-service";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** GET: one rule with its live counts. Unknown or malformed id → 404. */
export const GET = defineRoute(getOp, ({ actor, params, tx }) => getMetricRule(tx, actor, params.id ?? ""));

/** PATCH: any subset of the fields; `enabled: false` closes its live alerts without notifying. */
export const PATCH = defineRoute(updateOp, ({ actor, params, body, tx }) => updateMetricRule(tx, actor, params.id ?? "", body));

/** DELETE: only a rule that never raised an alert → 204; otherwise 409 (disable it instead). */
export const DELETE = defineRoute(deleteOp, async ({ actor, params, tx }) => {
  await deleteMetricRule(tx, actor, params.id ?? "");
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});

export const { POST, PUT } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);
