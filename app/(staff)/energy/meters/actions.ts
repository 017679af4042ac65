"use server";

import { z } from "zod";
import { createMeterSchema, updateMeterSchema } from "@/lib/validation/meters";
import { defineAction, type ActionResult } from "@/server/auth/define-action";
import { createMeter, deactivateMeter, updateMeter } from "@/server/energy/meters/meters-service";

const create = defineAction({ schema: createMeterSchema, permission: "meters.write" }, ({ actor, input, tx }) =>
  createMeter(tx, actor, input),
);

const update = defineAction(
  { schema: z.strictObject({ id: z.uuid(), patch: updateMeterSchema }), permission: "meters.write" },
  ({ actor, input, tx }) => updateMeter(tx, actor, input.id, input.patch),
);

const deactivate = defineAction({ schema: z.strictObject({ id: z.uuid() }), permission: "meters.write" }, ({ actor, input, tx }) =>
  deactivateMeter(tx, actor, input.id),
);

const reactivate = defineAction({ schema: z.strictObject({ id: z.uuid() }), permission: "meters.write" }, ({ actor, input, tx }) =>
  updateMeter(tx, actor, input.id, { active: true }),
);

/** Field errors of the nested `patch` come back under the form's own field names. */
function unnest<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok || !result.fieldErrors) return result;
  const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k.replace(/^patch\./, ""), v]));
  return { ...result, fieldErrors };
}

export async function createMeterAction(input: unknown) {
  return create(input);
}

export async function updateMeterAction(input: unknown) {
  return unnest(await update(input));
}

export async function deactivateMeterAction(input: unknown) {
  return deactivate(input);
}

export async function reactivateMeterAction(input: unknown) {
  return reactivate(input);
}
