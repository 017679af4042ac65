import { createMeter as createMeterOp, listMeters as listMetersOp } from "@/server/api/endpoints/meters";
import { defineRoute, json } from "@/server/auth/define-route";
import { listMeters } from "@/server/energy/meters/meters-query";
import { createMeter } from "@/server/energy/meters/meters-service";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** GET: readers of measurements (admin, user; partners with measurements:read); filters site, kind, quantity, active, q; cursor pagination. */
export const GET = defineRoute(listMetersOp, ({ actor, query, tx }) => listMeters(tx, actor, query));

/** POST: admins create a meter. 201 with Location; a code already used (any case) → 409. */
export const POST = defineRoute(createMeterOp, async ({ actor, body, tx }) => {
  const meter = await createMeter(tx, actor, body);
  return json(meter, 201, { location: `/api/compteurs/${meter.id}` });
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
