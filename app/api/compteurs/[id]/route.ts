import { deactivateMeter as deactivateMeterOp, getMeter as getMeterOp, updateMeter as updateMeterOp } from "@/server/api/endpoints/meters";
import { defineRoute } from "@/server/auth/define-route";
import { getMeter } from "@/server/energy/meters/meters-query";
import { deactivateMeter, updateMeter } from "@/server/energy/meters/meters-service";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** GET: one meter. Unknown or malformed id → 404. */
export const GET = defineRoute(getMeterOp, ({ actor, params, tx }) => getMeter(tx, actor, params.id ?? ""));

/** PATCH: admins edit; site, quantity, register and interval are fixed once readings exist (409). */
export const PATCH = defineRoute(updateMeterOp, ({ actor, params, body, tx }) => updateMeter(tx, actor, params.id ?? "", body));

/** DELETE: admins deactivate the meter (its readings stay; new ones are refused) → 204. */
export const DELETE = defineRoute(deactivateMeterOp, async ({ actor, params, tx }) => {
  await deactivateMeter(tx, actor, params.id ?? "");
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});

export const { POST, PUT } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);
