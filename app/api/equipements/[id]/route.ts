import { z } from "zod";
import { deleteEquipment as deleteOp, getEquipment as getOp, updateEquipment as updateOp } from "@/server/api/endpoints/equipment";
import { defineRoute } from "@/server/auth/define-route";
import { deleteEquipment, updateEquipment } from "@/server/energy/equipment/equipment-service";
import { getEquipment } from "@/server/energy/equipment/equipment-query";
import { notFound } from "@/server/platform/errors";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

function equipmentId(params: Record<string, string>): string {
  const parsed = z.uuid().safeParse(params.id);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export const GET = defineRoute(getOp, ({ actor, params, tx }) => getEquipment(tx, actor, equipmentId(params)));

/** PATCH: any subset of the fields; `state` changes the state (failed raises the alarm). */
export const PATCH = defineRoute(updateOp, ({ actor, params, body, tx }) => updateEquipment(tx, actor, equipmentId(params), body));

/** DELETE: admins only; 409 when the equipment has interventions or fault reports (set it out of service instead). */
export const DELETE = defineRoute(deleteOp, async ({ actor, params, tx }) => {
  await deleteEquipment(tx, actor, equipmentId(params));
  return new Response(null, { status: 204 });
});

export const { POST, PUT } = methodsNotAllowed(["GET", "PATCH", "DELETE"]);
