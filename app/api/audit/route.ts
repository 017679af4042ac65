import { listAudit as listAuditOp } from "@/server/api/endpoints/audit";
import { defineRoute } from "@/server/auth/define-route";
import { listAudit } from "@/server/platform/audit-query";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** GET: the audit trail, newest first (filters actor_type, actor, entity_type, entity_id, action, from, to; cursor). */
export const GET = defineRoute(listAuditOp, ({ actor, query, tx }) => listAudit(tx, actor, query));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
