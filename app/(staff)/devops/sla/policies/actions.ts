"use server";

import { holidaySchema, removeHolidaySchema, updatePolicySchema } from "@/lib/validation/incidents";
import { defineAction } from "@/server/auth/define-action";
import { addHoliday, removeHoliday, updatePolicy } from "@/server/devops/incidents/sla-policies-service";

const update = defineAction({ schema: updatePolicySchema, permission: "incidents.manage" }, async ({ actor, input, tx }) => {
  await updatePolicy(tx, actor, input);
  return { id: input.id };
});

const add = defineAction({ schema: holidaySchema, permission: "incidents.manage" }, async ({ actor, input, tx }) => {
  await addHoliday(tx, actor, input);
  return { day: input.day };
});

const remove = defineAction({ schema: removeHolidaySchema, permission: "incidents.manage" }, async ({ actor, input, tx }) => {
  await removeHoliday(tx, actor, input);
  return { day: input.day };
});

export async function updatePolicyAction(input: unknown) {
  return update(input);
}
export async function addHolidayAction(input: unknown) {
  return add(input);
}
export async function removeHolidayAction(input: unknown) {
  return remove(input);
}
