import { createUserSchema, listUsersQuery } from "@/lib/validation/users";
import { defineRoute, json } from "@/server/auth/define-route";
import { createUser, listUsers } from "@/server/users/users-service";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";

/** GET: admins list accounts (filters q, role, status; cursor pagination). */
export const GET = defineRoute({ permission: "users.read", query: listUsersQuery }, ({ actor, query, tx }) => listUsers(tx, actor, query));

/** POST: admins create an account. 201 with Location. */
export const POST = defineRoute({ permission: "users.write", body: createUserSchema }, async ({ actor, body, tx }) => {
  const user = await createUser(tx, actor, body);
  return json(user, 201, { location: `/api/users/${user.id}` });
});

export const { PUT, PATCH, DELETE } = methodsNotAllowed(["GET", "POST"]);
