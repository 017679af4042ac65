import { exportServers as exportOp } from "@/server/api/endpoints/servers";
import { defineRoute } from "@/server/auth/define-route";
import { serversDownload } from "@/server/devops/servers/server-export";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/**
 * GET with the list filters: the inventory as CSV (readers of servers). Records
 * `export.created` in the route's transaction; rows stream after it commits.
 */
export const GET = defineRoute(exportOp, ({ actor, query, tx, request }) => serversDownload(tx, actor, query, request.signal));

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(["GET"]);
