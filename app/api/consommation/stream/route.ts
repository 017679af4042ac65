import { readingsStreamOp } from "@/server/api/endpoints/readings-series";
import { defineRoute } from "@/server/auth/define-route";
import { assertCan } from "@/server/auth/actor";
import { readingsStream } from "@/server/energy/readings/live-stream";
import { resolveTarget } from "@/server/energy/readings/series-target";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

export const dynamic = "force-dynamic";

/**
 * GET: new readings of a site (`?site=`, all its meters or those of `kind`) or of a meter
 * (`?meter=`), by id or code, as Server-Sent Events (`measurements.read`). Credentials,
 * permission and the target (404) are checked first; the stream outlives the transaction.
 */
export const GET = defineRoute(readingsStreamOp, async ({ actor, query, request, tx }) => {
  assertCan(actor, "measurements.read");
  const target = await resolveTarget(tx, { siteId: query.site, meterId: query.meter, kind: query.kind ?? null }, null);
  return readingsStream([...target.meters, ...target.excluded], target.site.timezone, request.signal);
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
