import { createEquipment as createOp, listEquipment as listOp } from "@/server/api/endpoints/equipment";
import { defineRoute, json } from "@/server/auth/define-route";
import { createEquipment } from "@/server/energy/equipment/equipment-service";
import { listEquipment } from "@/server/energy/equipment/equipment-query";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** GET: equipment.read (admin, user, technician; scope equipment:read) — filters, sort, cursor pagination. */
export const GET = defineRoute(listOp, ({ actor, query, tx }) => listEquipment(tx, actor, query));

/** POST: equipment.write (admin; scope equipment:write). 201 with Location. */
export const POST = defineRoute(createOp, async ({ actor, body, tx }) => {
  const created = await createEquipment(tx, actor, body);
  return json(created, 201, { location: `/api/equipements/${created.id}` });
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
