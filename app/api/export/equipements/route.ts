import { exportEquipment as exportOp } from "@/server/api/endpoints/equipment";
import { defineRoute } from "@/server/auth/define-route";
import { equipmentDownload } from "@/server/energy/equipment/equipment-export";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/**
 * GET ?format=csv|pdf plus the list filters: the equipment list as a download (admins).
 * Records `export.created` in the route's transaction; rows stream after it commits.
 */
export const GET = defineRoute(exportOp, ({ actor, query, tx, request }) => {
  const { format, ...filters } = query;
  return equipmentDownload(tx, actor, format, filters, request.signal);
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
