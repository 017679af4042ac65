import { getClient as getClientOp, updateClient as updateClientOp } from "@/server/api/endpoints/clients";
import { defineRoute } from "@/server/auth/define-route";
import { getClient } from "@/server/energy/clients/clients-query";
import { updateClient } from "@/server/energy/clients/clients-service";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** GET: one client with its delivery points and meters, contracts, accounts and invitations. Unknown id → 404. */
export const GET = defineRoute(getClientOp, ({ actor, params, tx }) => getClient(tx, actor, params.id ?? ""));

/** PATCH: admins edit a client, status included (active, suspended, closed). */
export const PATCH = defineRoute(updateClientOp, ({ actor, params, body, tx }) => updateClient(tx, actor, params.id ?? "", body));

export const { POST, PUT, DELETE } = methodsNotAllowed(["GET", "PATCH"]);
