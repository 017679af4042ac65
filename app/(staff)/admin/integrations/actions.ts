"use server";

import { z } from "zod";
import { partnerCredentialSchema } from "@/lib/validation/integrations";
import { defineAction } from "@/server/auth/define-action";
import { createApiKey, revokeApiKey, rotateApiKey } from "@/server/integrations/api-key-admin";
import { createOAuthClient, revokeOAuthClient, rotateOAuthSecret } from "@/server/integrations/oauth-client-admin";

const byId = z.strictObject({ id: z.uuid() });
const manage = "integrations.manage" as const;

const createKey = defineAction({ schema: partnerCredentialSchema, permission: manage }, ({ actor, input, tx }) =>
  createApiKey(tx, actor, input),
);
const revokeKey = defineAction({ schema: byId, permission: manage }, ({ actor, input, tx }) => revokeApiKey(tx, actor, input.id));
const rotateKey = defineAction({ schema: byId, permission: manage }, ({ actor, input, tx }) => rotateApiKey(tx, actor, input.id));
const createClient = defineAction({ schema: partnerCredentialSchema, permission: manage }, ({ actor, input, tx }) =>
  createOAuthClient(tx, actor, input),
);
const revokeClient = defineAction({ schema: byId, permission: manage }, ({ actor, input, tx }) => revokeOAuthClient(tx, actor, input.id));
const rotateClient = defineAction({ schema: byId, permission: manage }, ({ actor, input, tx }) => rotateOAuthSecret(tx, actor, input.id));

export async function createApiKeyAction(input: unknown) {
  return createKey(input);
}
export async function revokeApiKeyAction(input: unknown) {
  return revokeKey(input);
}
export async function rotateApiKeyAction(input: unknown) {
  return rotateKey(input);
}
export async function createOAuthClientAction(input: unknown) {
  return createClient(input);
}
export async function revokeOAuthClientAction(input: unknown) {
  return revokeClient(input);
}
export async function rotateOAuthSecretAction(input: unknown) {
  return rotateClient(input);
}
