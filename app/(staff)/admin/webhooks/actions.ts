"use server";

import { z } from "zod";
import { createWebhookSchema, updateWebhookSchema } from "@/lib/validation/webhooks";
import { defineAction } from "@/server/auth/define-action";
import {
  createWebhook,
  deleteWebhook,
  pingWebhook,
  rotateWebhookSecret,
  setWebhookEnabled,
  updateWebhook,
} from "@/server/platform/webhooks/webhooks-service";

const permission = "integrations.manage";
const byId = z.strictObject({ id: z.uuid() });

const create = defineAction({ schema: createWebhookSchema, permission }, async ({ actor, input, tx }) => {
  const { webhook, secret } = await createWebhook(tx, actor, input);
  return { id: webhook.id, secret };
});
const update = defineAction({ schema: z.strictObject({ id: z.uuid(), patch: updateWebhookSchema }), permission }, ({ actor, input, tx }) =>
  updateWebhook(tx, actor, input.id, input.patch),
);
const setEnabled = defineAction({ schema: z.strictObject({ id: z.uuid(), enabled: z.boolean() }), permission }, ({ actor, input, tx }) =>
  setWebhookEnabled(tx, actor, input.id, input.enabled),
);
const ping = defineAction({ schema: byId, permission }, ({ actor, input, tx }) => pingWebhook(tx, actor, input.id));
const rotate = defineAction({ schema: byId, permission }, ({ actor, input, tx }) => rotateWebhookSecret(tx, actor, input.id));
const remove = defineAction({ schema: byId, permission }, ({ actor, input, tx }) => deleteWebhook(tx, actor, input.id));

export async function createWebhookAction(input: unknown) {
  return create(input);
}
export async function updateWebhookAction(input: unknown) {
  return update(input);
}
export async function setWebhookEnabledAction(input: unknown) {
  return setEnabled(input);
}
export async function pingWebhookAction(input: unknown) {
  return ping(input);
}
export async function rotateWebhookSecretAction(input: unknown) {
  return rotate(input);
}
export async function deleteWebhookAction(input: unknown) {
  return remove(input);
}
