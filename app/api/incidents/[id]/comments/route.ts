import { commentIncident as commentOp } from "@/server/api/endpoints/incidents";
import { defineRoute, json } from "@/server/auth/define-route";
import { commentIncident } from "@/server/devops/incidents/comment-incident";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** POST: a comment on the incident's timeline — managers on any, others on their own (someone else's → 404). 201. */
export const POST = defineRoute(commentOp, async ({ actor, params, body, tx }) => {
  const result = await commentIncident(tx, actor, params.id ?? "", body.body);
  return json({ incidentId: result.incidentId, at: result.at.toISOString() }, 201, {
    location: `/api/incidents/${result.incidentId}`,
  });
});

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed(["POST"]);
