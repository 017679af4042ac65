import { createSilence as createOp, listSilences as listOp } from "@/server/api/endpoints/devops-alerts";
import { defineRoute, json } from "@/server/auth/define-route";
import { listSilences } from "@/server/devops/alerts/silences-query";
import { createSilence } from "@/server/devops/alerts/silences-service";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** GET: silences, newest first; ?state=active|pending|expired; cursor pagination. */
export const GET = defineRoute(listOp, ({ actor, query, tx }) => listSilences(tx, actor, query));

/** POST: admin and devops silence matching alerts from startsAt (default now) to endsAt → 201 with Location. */
export const POST = defineRoute(createOp, async ({ actor, body, tx }) => {
  const silence = await createSilence(tx, actor, body);
  return json(silence, 201, { location: `/api/monitoring/silences/${silence.id}` });
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
