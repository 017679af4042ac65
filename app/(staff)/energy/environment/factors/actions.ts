"use server";

import { editFactorSchema } from "@/lib/validation/environment";
import { defineAction } from "@/server/auth/define-action";
import { editEmissionFactor } from "@/server/energy/environment/factors-service";

const edit = defineAction({ schema: editFactorSchema, permission: "environment.write" }, ({ actor, input, tx }) =>
  editEmissionFactor(tx, actor, input),
);

/** Admins: a new version of an emission factor (value, source, reason). */
export async function editFactorAction(input: unknown) {
  return edit(input);
}
