"use server";

import { z } from "zod";
import { reportFormSchema } from "@/lib/validation/maintenance";
import { defineAction } from "@/server/auth/define-action";
import { updateIntervention } from "@/server/energy/maintenance/intervention-transitions";

const id = z.uuid("invalid");

const start = defineAction({ schema: z.strictObject({ id }), permission: "interventions.assigned" }, async ({ actor, input, tx }) => {
  await updateIntervention(tx, actor, input.id, { status: "in_progress" });
  return { id: input.id };
});

const finish = defineAction(
  { schema: z.strictObject({ id, report: reportFormSchema }), permission: "interventions.assigned" },
  async ({ actor, input, tx }) => {
    await updateIntervention(tx, actor, input.id, { status: "done", report: input.report });
    return { id: input.id };
  },
);

/** Technicians: start one of their own planned interventions (another's is not found). */
export async function startMyInterventionAction(input: unknown) {
  return start(input);
}

/** Technicians: finish one of their own with the report. */
export async function finishMyInterventionAction(input: unknown) {
  return finish(input);
}
