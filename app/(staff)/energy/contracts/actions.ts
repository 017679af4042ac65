"use server";

import { z } from "zod";
import { changeContractStatusSchema, createContractSchema, updateContractSchema } from "@/lib/validation/contracts";
import { defineAction, type ActionResult } from "@/server/auth/define-action";
import { changeContractStatus, createContract, updateContract } from "@/server/energy/contracts/contracts-service";

const create = defineAction({ schema: createContractSchema, permission: "clients.write" }, ({ actor, input, tx }) =>
  createContract(tx, actor, input),
);

const update = defineAction(
  { schema: z.strictObject({ id: z.uuid(), patch: updateContractSchema }), permission: "clients.write" },
  ({ actor, input, tx }) => updateContract(tx, actor, input.id, input.patch),
);

const status = defineAction(
  { schema: changeContractStatusSchema.extend({ id: z.uuid() }), permission: "clients.write" },
  ({ actor, input, tx }) => changeContractStatus(tx, actor, input.id, input.status),
);

function unnest<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok || !result.fieldErrors) return result;
  const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k.replace(/^patch\./, ""), v]));
  return { ...result, fieldErrors };
}

export async function createContractAction(input: unknown) {
  return create(input);
}

export async function updateContractAction(input: unknown) {
  return unnest(await update(input));
}

export async function changeContractStatusAction(input: unknown) {
  return status(input);
}
