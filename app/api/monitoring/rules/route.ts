import { createMetricRule as createOp, listMetricRules as listOp } from "@/server/api/endpoints/devops-alerts";
import { defineRoute, json } from "@/server/auth/define-route";
import { listMetricRules } from "@/server/devops/alerts/rules-query";
import { createMetricRule } from "@/server/devops/alerts/rules-service";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** GET: monitoring readers (admin, devops; partner scope monitoring:read); filters enabled, severity, metric, q; cursor pagination. */
export const GET = defineRoute(listOp, ({ actor, query, tx }) => listMetricRules(tx, actor, query));

/** POST: admin and devops create a rule → 201 with Location; the next evaluation (≤ 15 s) applies it. */
export const POST = defineRoute(createOp, async ({ actor, body, tx }) => {
  const rule = await createMetricRule(tx, actor, body);
  return json(rule, 201, { location: `/api/monitoring/rules/${rule.id}` });
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
