import { createUser as createUserOp, listUsers as listUsersOp } from "@/server/api/endpoints/platform";
import { defineRoute, json } from "@/server/auth/define-route";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";
import { createUser, listUsers } from "@/server/users/users-service";

/** GET: admins (or partners with users:read) list accounts (filters q, role, status; cursor pagination). */
export const GET = defineRoute(listUsersOp, ({ actor, query, tx }) => listUsers(tx, actor, query));

/** POST: admins (or partners with users:write, never an admin account) create an account. 201 with Location. */
export const POST = defineRoute(createUserOp, async ({ actor, body, tx }) => {
  const user = await createUser(tx, actor, body);
  return json(user, 201, { location: `/api/users/${user.id}` });
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
