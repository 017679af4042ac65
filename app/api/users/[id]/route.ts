import { idSchema } from "@/lib/validation/users";
import { getUser as getUserOp, updateUser as updateUserOp } from "@/server/api/endpoints/platform";
import { defineRoute } from "@/server/auth/define-route";
import { notFound } from "@/server/platform/errors";
import { methodsNotAllowed } from "@/server/platform/method-not-allowed";
import { getUser, updateUser } from "@/server/users/users-service";

function userId(params: Record<string, string>): string {
  const parsed = idSchema.safeParse(params.id);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export const GET = defineRoute(getUserOp, ({ actor, params, tx }) => getUser(tx, actor, userId(params)));

/** PATCH: name, role, locale, disabled, password (reset). The last admin stays an admin. */
export const PATCH = defineRoute(updateUserOp, ({ actor, params, body, tx }) => updateUser(tx, actor, userId(params), body));

export const { POST, PUT, DELETE } = methodsNotAllowed(["GET", "PATCH"]);
