import { getIncident as getOp, updateIncident as updateOp } from "@/server/api/endpoints/incidents";
import { defineRoute } from "@/server/auth/define-route";
import { ReviewRequiredError } from "@/server/devops/incidents/apply-transition";
import { getIncident } from "@/server/devops/incidents/incident-detail";
import { updateIncident } from "@/server/devops/incidents/update-incident";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";
import { problem, titles } from "@/server/platform/problem";

/** GET: one incident with its SLA clocks, servers and timeline. Someone else's incident, for a user → 404. */
export const GET = defineRoute(getOp, ({ actor, params, tx }) => getIncident(tx, actor, params.id ?? ""));

/**
 * PATCH (`incidents.manage`): status (invalid move 409; closing without summary and root
 * cause 422, one error per missing field), assigneeId, severity, review fields, serverIds,
 * paused (waiting on requester), note. Applied in one transaction.
 */
export const PATCH = defineRoute(updateOp, async ({ actor, params, body, tx }) => {
  try {
    await updateIncident(tx, actor, params.id ?? "", body);
  } catch (error) {
    if (!(error instanceof ReviewRequiredError)) throw error;
    // updateIncident checks the review before writing anything: nothing to roll back.
    return problem(
      422,
      error.code,
      titles[422]!,
      error.messageKey,
      error.fields.map((path) => ({ path, message: "incidentReviewFieldRequired" })),
    );
  }
  return getIncident(tx, actor, params.id ?? "");
});

export const { POST, PUT, DELETE } = methodsNotAllowed(["GET", "PATCH"]);
