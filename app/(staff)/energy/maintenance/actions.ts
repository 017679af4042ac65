"use server";

import { z } from "zod";
import { interventionFormSchema, reportFormSchema, rescheduleFormSchema } from "@/lib/validation/maintenance";
import { defineAction } from "@/server/auth/define-action";
import { rescheduleFromForm } from "@/server/energy/maintenance/intervention-forms";
import { updateIntervention } from "@/server/energy/maintenance/intervention-transitions";
import { createInterventionFromForm } from "@/server/energy/maintenance/interventions-service";

const id = z.uuid("invalid");

const create = defineAction({ schema: interventionFormSchema, permission: "maintenance.write" }, async ({ actor, input, tx }) => {
  const created = await createInterventionFromForm(tx, actor, input);
  return { id: created.id };
});

const start = defineAction({ schema: z.strictObject({ id }), permission: "maintenance.write" }, async ({ actor, input, tx }) => {
  await updateIntervention(tx, actor, input.id, { status: "in_progress" });
  return { id: input.id };
});

const finish = defineAction(
  { schema: z.strictObject({ id, report: reportFormSchema }), permission: "maintenance.write" },
  async ({ actor, input, tx }) => {
    await updateIntervention(tx, actor, input.id, { status: "done", report: input.report });
    return { id: input.id };
  },
);

const cancel = defineAction(
  {
    schema: z.strictObject({ id, reason: z.string().trim().min(3, "cancelReasonRequired").max(1000, "cancelReasonTooLong") }),
    permission: "maintenance.write",
  },
  async ({ actor, input, tx }) => {
    await updateIntervention(tx, actor, input.id, { status: "cancelled", reason: input.reason });
    return { id: input.id };
  },
);

const reschedule = defineAction(
  { schema: rescheduleFormSchema.extend({ id }), permission: "maintenance.write" },
  async ({ actor, input, tx }) => {
    const { id: interventionId, ...form } = input;
    await rescheduleFromForm(tx, actor, interventionId, form);
    return { id: interventionId };
  },
);

const reassign = defineAction(
  {
    schema: z.strictObject({ id, assignedTo: z.union([z.uuid("assigneeNotTechnician"), z.literal("")]) }),
    permission: "maintenance.write",
  },
  async ({ actor, input, tx }) => {
    await updateIntervention(tx, actor, input.id, { assignedTo: input.assignedTo || null });
    return { id: input.id };
  },
);

/** Admins: plan an intervention from the planning form. */
export async function createInterventionAction(input: unknown) {
  return create(input);
}

/** Admins: start a planned intervention (the assignee does it from their own view). */
export async function startInterventionAction(input: unknown) {
  return start(input);
}

export async function finishInterventionAction(input: unknown) {
  return finish(input);
}

export async function cancelInterventionAction(input: unknown) {
  return cancel(input);
}

export async function rescheduleInterventionAction(input: unknown) {
  return reschedule(input);
}

export async function reassignInterventionAction(input: unknown) {
  return reassign(input);
}
