"use server";

import { runPeriod, startBillingRunFormSchema } from "@/lib/validation/invoices";
import { defineAction } from "@/server/auth/define-action";
import { startBillingRun } from "@/server/energy/billing/billing-run";

const start = defineAction({ schema: startBillingRunFormSchema, permission: "invoices.write" }, ({ actor, input, tx }) =>
  startBillingRun(tx, actor, {
    ...runPeriod(input.month, input.length),
    ...(input.cycle ? { cycle: input.cycle } : {}),
    ...(input.clientId ? { clientId: input.clientId } : {}),
  }),
);

/** Queues a `billing.run` job for the period (admins); the run page shows its progress. */
export async function startBillingRunAction(input: unknown) {
  return start(input);
}
