"use server";

import { targetIdSchema, targetSchema } from "@/lib/validation/environment";
import { defineAction } from "@/server/auth/define-action";
import { deleteTarget, setTarget } from "@/server/energy/environment/targets-service";

const set = defineAction({ schema: targetSchema, permission: "environment.write" }, async ({ actor, input, tx }) => {
  const target = await setTarget(tx, actor, input);
  return { id: target.id };
});

const remove = defineAction({ schema: targetIdSchema, permission: "environment.write" }, async ({ actor, input, tx }) => {
  await deleteTarget(tx, actor, input.id);
  return { id: input.id };
});

/** Admins: sets (creates or replaces) the target of a site for a year. */
export async function setTargetAction(input: unknown) {
  return set(input);
}

/** Admins: removes a target. */
export async function deleteTargetAction(input: unknown) {
  return remove(input);
}
