import { exportInterventions } from "@/server/api/endpoints/maintenance";
import { defineRoute } from "@/server/auth/define-route";
import { maintenanceDownload, requestExportVocabulary } from "@/server/energy/maintenance/maintenance-download";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/**
 * GET ?format=csv|pdf plus the list filters: the interventions as a download (admins).
 * Records `export.created` in the route's transaction; the rows stream after it commits.
 */
export const GET = defineRoute(exportInterventions, async ({ actor, query, tx, request }) => {
  const { format, ...filters } = query;
  return maintenanceDownload(tx, actor, format, filters, await requestExportVocabulary(), request.signal);
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
