"use server";

import { createSilenceSchema, silenceIdInput } from "@/lib/devops/alert-silence-schema";
import { defineAction } from "@/server/auth/define-action";
import { createSilence, expireSilence } from "@/server/devops/alerts/silences-service";

const create = defineAction({ schema: createSilenceSchema, permission: "monitoring.write" }, async ({ actor, input, tx }) => {
  const silence = await createSilence(tx, actor, input);
  return { id: silence.id };
});

const expire = defineAction({ schema: silenceIdInput, permission: "monitoring.write" }, ({ actor, input, tx }) =>
  expireSilence(tx, actor, input.id),
);

export async function createSilenceAction(input: unknown) {
  return create(input);
}

export async function expireSilenceAction(input: unknown) {
  return expire(input);
}
