"use server";

import { z } from "zod";
import { changeStateSchema, createEquipmentSchema, updateEquipmentSchema } from "@/lib/validation/equipment";
import { defineAction, type ActionResult } from "@/server/auth/define-action";
import { createEquipment, deleteEquipment, updateEquipment } from "@/server/energy/equipment/equipment-service";
import { changeEquipmentState } from "@/server/energy/equipment/equipment-state";

const create = defineAction({ schema: createEquipmentSchema, permission: "equipment.write" }, ({ actor, input, tx }) =>
  createEquipment(tx, actor, input),
);

const update = defineAction(
  { schema: z.strictObject({ id: z.uuid(), patch: updateEquipmentSchema }), permission: "equipment.write" },
  ({ actor, input, tx }) => updateEquipment(tx, actor, input.id, input.patch),
);

const changeState = defineAction({ schema: changeStateSchema, permission: "equipment.write" }, ({ actor, input, tx }) =>
  changeEquipmentState(tx, actor, input.id, input.state, input.reason),
);

const remove = defineAction({ schema: z.strictObject({ id: z.uuid() }), permission: "equipment.write" }, async ({ actor, input, tx }) => {
  await deleteEquipment(tx, actor, input.id);
  return { id: input.id };
});

/** Field errors of the nested `patch` come back under the form's own field names. */
function unnest<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok || !result.fieldErrors) return result;
  const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k.replace(/^patch\./, ""), v]));
  return { ...result, fieldErrors };
}

export async function createEquipmentAction(input: unknown) {
  return create(input);
}

export async function updateEquipmentAction(input: unknown) {
  return unnest(await update(input));
}

export async function changeEquipmentStateAction(input: unknown) {
  return changeState(input);
}

export async function deleteEquipmentAction(input: unknown) {
  return remove(input);
}
