import { createClient as createClientOp, listClients as listClientsOp } from "@/server/api/endpoints/clients";
import { defineRoute, json } from "@/server/auth/define-route";
import { listClients } from "@/server/energy/clients/clients-query";
import { createClient } from "@/server/energy/clients/clients-service";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** GET: admins list clients; filters q, status, kind, country; cursor pagination by name. */
export const GET = defineRoute(listClientsOp, ({ actor, query, tx }) => listClients(tx, actor, query));

/** POST: admins create a client (code CLI-NNNNNN assigned). 201 with Location. */
export const POST = defineRoute(createClientOp, async ({ actor, body, tx }) => {
  const client = await createClient(tx, actor, body);
  return json(client, 201, { location: `/api/clients/${client.id}` });
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
