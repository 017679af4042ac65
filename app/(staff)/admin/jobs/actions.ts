"use server";

import { retryJobSchema, scheduleToggleSchema } from "@/lib/validation/jobs";
import { defineAction } from "@/server/auth/define-action";
import { retryJob, setScheduleEnabled } from "@/server/platform/jobs/jobs-admin";

const retry = defineAction({ schema: retryJobSchema, permission: "jobs.manage" }, ({ actor, input, tx }) => retryJob(tx, actor, input.id));

const toggle = defineAction({ schema: scheduleToggleSchema, permission: "jobs.manage" }, ({ actor, input, tx }) =>
  setScheduleEnabled(tx, actor, input.name, input.enabled),
);

export async function retryJobAction(input: unknown) {
  return retry(input);
}

export async function setScheduleEnabledAction(input: unknown) {
  return toggle(input);
}
