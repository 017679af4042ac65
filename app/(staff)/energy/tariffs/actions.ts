"use server";

import { z } from "zod";
import { createTariffSchema, tariffVersionInputSchema, updateTariffSchema } from "@/lib/validation/tariffs";
import { defineAction } from "@/server/auth/define-action";
import { addTariffVersion, createTariff, updateTariff } from "@/server/energy/tariffs/tariffs-service";

const create = defineAction({ schema: createTariffSchema, permission: "clients.write" }, async ({ actor, input, tx }) => {
  const tariff = await createTariff(tx, actor, input);
  return { id: tariff.id };
});

const addVersion = defineAction(
  { schema: tariffVersionInputSchema.extend({ tariffId: z.uuid() }), permission: "clients.write" },
  async ({ actor, input, tx }) => {
    const { tariffId, ...version } = input;
    const tariff = await addTariffVersion(tx, actor, tariffId, version);
    return { id: tariff.id, version: tariff.versions[0]?.version ?? null };
  },
);

const setActive = defineAction(
  { schema: z.strictObject({ id: z.uuid(), active: z.boolean() }), permission: "clients.write" },
  async ({ actor, input, tx }) => {
    const tariff = await updateTariff(tx, actor, input.id, updateTariffSchema.parse({ active: input.active }));
    return { id: tariff.id, active: tariff.active };
  },
);

export async function createTariffAction(input: unknown) {
  return create(input);
}

export async function addTariffVersionAction(input: unknown) {
  return addVersion(input);
}

export async function setTariffActiveAction(input: unknown) {
  return setActive(input);
}
