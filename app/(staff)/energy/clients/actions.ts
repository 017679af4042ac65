"use server";

import { z } from "zod";
import {
  createClientAccountSchema,
  createClientSchema,
  createDeliveryPointSchema,
  inviteClientSchema,
  linkMeterSchema,
  unlinkMeterSchema,
  updateClientSchema,
  updateDeliveryPointSchema,
} from "@/lib/validation/clients";
import { defineAction, type ActionResult } from "@/server/auth/define-action";
import { createClientAccount, inviteClient } from "@/server/energy/clients/client-accounts";
import { createClient, updateClient } from "@/server/energy/clients/clients-service";
import { createDeliveryPoint, linkMeter, unlinkMeter, updateDeliveryPoint } from "@/server/energy/clients/delivery-points-service";

const create = defineAction({ schema: createClientSchema, permission: "clients.write" }, ({ actor, input, tx }) =>
  createClient(tx, actor, input),
);

const update = defineAction(
  { schema: z.strictObject({ id: z.uuid(), patch: updateClientSchema }), permission: "clients.write" },
  ({ actor, input, tx }) => updateClient(tx, actor, input.id, input.patch),
);

const addDeliveryPoint = defineAction({ schema: createDeliveryPointSchema, permission: "clients.write" }, async ({ actor, input, tx }) => {
  const row = await createDeliveryPoint(tx, actor, input);
  return { id: row.id };
});

const editDeliveryPoint = defineAction(
  { schema: z.strictObject({ id: z.uuid(), patch: updateDeliveryPointSchema }), permission: "clients.write" },
  async ({ actor, input, tx }) => {
    const row = await updateDeliveryPoint(tx, actor, input.id, input.patch);
    return { id: row.id, active: row.active };
  },
);

const link = defineAction({ schema: linkMeterSchema, permission: "clients.write" }, ({ actor, input, tx }) =>
  linkMeter(tx, actor, input.deliveryPointId, input.meter),
);

const unlink = defineAction({ schema: unlinkMeterSchema, permission: "clients.write" }, async ({ actor, input, tx }) => {
  await unlinkMeter(tx, actor, input.deliveryPointId, input.meterId);
  return { ok: true };
});

const account = defineAction({ schema: createClientAccountSchema, permission: "clients.write" }, async ({ actor, input, tx }) => {
  const user = await createClientAccount(tx, actor, input);
  return { id: user.id };
});

const invite = defineAction({ schema: inviteClientSchema, permission: "clients.write" }, async ({ actor, input, tx }) => {
  // The token leaves only in the e-mail: the inviter never sees it.
  const { invitationId, expiresAt } = await inviteClient(tx, actor, input);
  return { id: invitationId, expiresAt: expiresAt.toISOString() };
});

/** Field errors of the nested `patch` come back under the form's own field names. */
function unnest<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok || !result.fieldErrors) return result;
  const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k.replace(/^patch\./, ""), v]));
  return { ...result, fieldErrors };
}

export async function createClientAction(input: unknown) {
  return create(input);
}

export async function updateClientAction(input: unknown) {
  return unnest(await update(input));
}

export async function createDeliveryPointAction(input: unknown) {
  return addDeliveryPoint(input);
}

export async function updateDeliveryPointAction(input: unknown) {
  return unnest(await editDeliveryPoint(input));
}

export async function linkMeterAction(input: unknown) {
  return link(input);
}

export async function unlinkMeterAction(input: unknown) {
  return unlink(input);
}

export async function createClientAccountAction(input: unknown) {
  return account(input);
}

export async function inviteClientAction(input: unknown) {
  return invite(input);
}
