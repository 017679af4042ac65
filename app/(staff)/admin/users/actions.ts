"use server";

import { z } from "zod";
import { createUserSchema, idSchema, updateUserSchema } from "@/lib/validation/users";
import { defineAction } from "@/server/auth/define-action";
import { createUser, updateUser } from "@/server/users/users-service";

const create = defineAction({ schema: createUserSchema, permission: "users.write" }, ({ actor, input, tx }) =>
  createUser(tx, actor, input),
);

const update = defineAction(
  { schema: z.strictObject({ id: idSchema, patch: updateUserSchema }), permission: "users.write" },
  ({ actor, input, tx }) => updateUser(tx, actor, input.id, input.patch),
);

export async function createUserAction(input: unknown) {
  return create(input);
}

export async function updateUserAction(input: unknown) {
  return update(input);
}
