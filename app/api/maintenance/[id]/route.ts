import { getIntervention as getOp, updateIntervention as updateOp } from "@/server/api/endpoints/maintenance";
import { defineRoute } from "@/server/auth/define-route";
import { getIntervention } from "@/server/energy/maintenance/interventions-query";
import { updateIntervention } from "@/server/energy/maintenance/intervention-transitions";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** GET: one intervention; a technician's own only (another's answers 404). */
export const GET = defineRoute(getOp, ({ actor, params, tx }) => getIntervention(tx, actor, params.id ?? ""));

/**
 * PATCH: `{status:"in_progress"}` (start), `{status:"done", report}` (finish),
 * `{status:"cancelled", reason}` (admins), or `plannedStart`/`plannedDurationMinutes`/
 * `assignedTo` (admins, planned only). Technicians change only their own; a transition
 * from the wrong status answers 409.
 */
export const PATCH = defineRoute(updateOp, ({ actor, params, body, tx }) => updateIntervention(tx, actor, params.id ?? "", body));

export const { POST, PUT, DELETE } = methodsNotAllowed(["GET", "PATCH"]);
