import { createIntervention as createOp, listInterventions as listOp } from "@/server/api/endpoints/maintenance";
import { defineRoute, json } from "@/server/auth/define-route";
import { listInterventions } from "@/server/energy/maintenance/interventions-query";
import { createIntervention } from "@/server/energy/maintenance/interventions-service";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/**
 * GET: readers of the planning list interventions (filters site, equipment, technician,
 * kind, status, from/to, overdue; cursor pagination); a technician gets only their own.
 */
export const GET = defineRoute(listOp, ({ actor, query, tx }) => listInterventions(tx, actor, query));

/** POST: admins (or partners with maintenance:write) plan an intervention. 201 with Location. */
export const POST = defineRoute(createOp, async ({ actor, body, tx }) => {
  const created = await createIntervention(tx, actor, body);
  return json(created, 201, { location: `/api/maintenance/${created.id}` });
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
