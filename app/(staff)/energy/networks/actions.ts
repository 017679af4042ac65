"use server";

import { z } from "zod";
import { createNetworkSchema, siteIdSchema, updateNetworkSchema } from "@/lib/validation/sites";
import { defineAction } from "@/server/auth/define-action";
import { createNetwork, updateNetwork } from "@/server/energy/sites/networks-service";

const create = defineAction({ schema: createNetworkSchema, permission: "sites.write" }, ({ actor, input, tx }) =>
  createNetwork(tx, actor, input),
);

const update = defineAction(
  { schema: z.strictObject({ id: siteIdSchema, patch: updateNetworkSchema }), permission: "sites.write" },
  ({ actor, input, tx }) => updateNetwork(tx, actor, input.id, input.patch),
);

export async function createNetworkAction(input: unknown) {
  return create(input);
}

export async function updateNetworkAction(input: unknown) {
  return update(input);
}
