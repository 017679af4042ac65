import { createServer as createServerOp, listServers as listServersOp } from "@/server/api/endpoints/servers";
import { defineRoute, json } from "@/server/auth/define-route";
import { listServers } from "@/server/devops/servers/server-query";
import { createServer } from "@/server/devops/servers/server-service";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** GET: the inventory (admin, devops; partners with servers:read): filters, search, sort, cursor pagination. */
export const GET = defineRoute(listServersOp, ({ actor, query, tx }) => listServers(tx, actor, query));

/** POST: registers a server (status provisioning). 201 with Location; a host name already used (any case) → 409. */
export const POST = defineRoute(createServerOp, async ({ actor, body, tx }) => {
  const server = await createServer(tx, actor, body);
  return json(server, 201, { location: `/api/servers/${server.id}` });
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
