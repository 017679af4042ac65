"use server";

import { z } from "zod";
import { changeSiteStatusSchema, createSiteSchema, editSiteSchema, siteIdSchema } from "@/lib/validation/sites";
import { defineAction } from "@/server/auth/define-action";
import { changeSiteStatus, createSite, deleteSite, updateSite } from "@/server/energy/sites/sites-service";

const create = defineAction({ schema: createSiteSchema, permission: "sites.write" }, ({ actor, input, tx }) =>
  createSite(tx, actor, input),
);

const update = defineAction(
  { schema: z.strictObject({ id: siteIdSchema, patch: editSiteSchema }), permission: "sites.write" },
  ({ actor, input, tx }) => updateSite(tx, actor, input.id, input.patch),
);

const status = defineAction(
  { schema: changeSiteStatusSchema.extend({ id: siteIdSchema }), permission: "sites.write" },
  ({ actor, input, tx }) => changeSiteStatus(tx, actor, input.id, { status: input.status, reason: input.reason }),
);

const remove = defineAction({ schema: z.strictObject({ id: siteIdSchema }), permission: "sites.write" }, async ({ actor, input, tx }) => {
  await deleteSite(tx, actor, input.id);
  return { id: input.id };
});

export async function createSiteAction(input: unknown) {
  return create(input);
}

export async function updateSiteAction(input: unknown) {
  return update(input);
}

export async function changeSiteStatusAction(input: unknown) {
  return status(input);
}

export async function deleteSiteAction(input: unknown) {
  return remove(input);
}
