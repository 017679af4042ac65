import { exportAudit } from "@/server/api/endpoints/audit";
import { defineRoute } from "@/server/auth/define-route";
import { auditTrailDownload } from "@/server/platform/audit-trail-download";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/**
 * GET ?format=csv|pdf plus the list filters: the audit trail as a download. Records
 * `export.created` in the route's transaction; the rows stream after it commits.
 */
export const GET = defineRoute(exportAudit, ({ actor, query, tx, request }) => {
  const { format, ...filters } = query;
  return auditTrailDownload(tx, actor, format, filters, request.signal);
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
