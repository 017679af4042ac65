"use server";

import { z } from "zod";
import {
  createServerSchema,
  issueAgentTokenSchema,
  serverNoteSchema,
  serverTransitionSchema,
  updateServerSchema,
} from "@/lib/validation/servers";
import { accessGrantSchema } from "@/lib/validation/server-access";
import { defineAction, type ActionResult } from "@/server/auth/define-action";
import { issueAgentToken, revokeAgentToken } from "@/server/devops/agents/agent-token-service";
import { addAccessGrant, revokeAccessGrant } from "@/server/devops/servers/server-access";
import { importServersCsv, importServersSchema } from "@/server/devops/servers/server-import";
import { addServerNote } from "@/server/devops/servers/server-notes";
import { createServer, updateServer } from "@/server/devops/servers/server-service";
import { transitionServer } from "@/server/devops/servers/server-status";

const id = z.uuid();
const write = "servers.write" as const;

const create = defineAction({ schema: createServerSchema, permission: write }, async ({ actor, input, tx }) => ({
  id: (await createServer(tx, actor, input)).id,
}));

const update = defineAction(
  { schema: z.strictObject({ id, patch: updateServerSchema }), permission: write },
  async ({ actor, input, tx }) => ({
    id: (await updateServer(tx, actor, input.id, input.patch)).id,
  }),
);

const transition = defineAction(
  { schema: z.strictObject({ id, change: serverTransitionSchema }), permission: write },
  async ({ actor, input, tx }) => ({ status: (await transitionServer(tx, actor, input.id, input.change)).status }),
);

const grant = defineAction(
  { schema: z.strictObject({ id, grant: accessGrantSchema }), permission: write },
  async ({ actor, input, tx }) => ({
    id: (await addAccessGrant(tx, actor, input.id, input.grant)).id,
  }),
);

const revokeGrant = defineAction({ schema: z.strictObject({ id, grantId: id }), permission: write }, async ({ actor, input, tx }) => ({
  id: (await revokeAccessGrant(tx, actor, input.id, input.grantId)).id,
}));

const note = defineAction({ schema: z.strictObject({ id, note: serverNoteSchema }), permission: write }, async ({ actor, input, tx }) => ({
  id: (await addServerNote(tx, actor, input.id, input.note)).id,
}));

const issueToken = defineAction(
  { schema: z.strictObject({ id, options: issueAgentTokenSchema }), permission: write },
  ({ actor, input, tx }) => issueAgentToken(tx, actor, input.id, input.options),
);

const revokeToken = defineAction({ schema: z.strictObject({ id, tokenId: id }), permission: write }, async ({ actor, input, tx }) => {
  await revokeAgentToken(tx, actor, input.id, input.tokenId);
  return { id: input.tokenId };
});

const importCsv = defineAction({ schema: importServersSchema, permission: write }, ({ actor, input, tx }) =>
  importServersCsv(tx, actor, input),
);

/** Field errors of a nested object come back under the form's own field names. */
function unnest<T>(result: ActionResult<T>, prefix: string): ActionResult<T> {
  if (result.ok || !result.fieldErrors) return result;
  const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k.replace(`${prefix}.`, ""), v]));
  return { ...result, fieldErrors };
}

export async function createServerAction(input: unknown) {
  return create(input);
}

export async function updateServerAction(input: unknown) {
  return unnest(await update(input), "patch");
}

export async function transitionServerAction(input: unknown) {
  return unnest(await transition(input), "change");
}

export async function addAccessGrantAction(input: unknown) {
  return unnest(await grant(input), "grant");
}

export async function revokeAccessGrantAction(input: unknown) {
  return revokeGrant(input);
}

export async function addServerNoteAction(input: unknown) {
  return unnest(await note(input), "note");
}

/** The token's value is in this result only; the page shows it once. */
export async function issueAgentTokenAction(input: unknown) {
  return issueToken(input);
}

export async function revokeAgentTokenAction(input: unknown) {
  return revokeToken(input);
}

/** `mode: "preview"` writes nothing; `"commit"` writes every accepted line in one transaction. */
export async function importServersAction(input: unknown) {
  return importCsv(input);
}
