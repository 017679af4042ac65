"use server";

import { alertIdInput } from "@/lib/validation/alert-rules";
import { defineAction } from "@/server/auth/define-action";
import { acknowledgeAlert } from "@/server/energy/alerts/alerts-service";

const acknowledge = defineAction({ schema: alertIdInput, permission: "measurements.read" }, ({ actor, input, tx }) =>
  acknowledgeAlert(tx, actor, input.id),
);

export async function acknowledgeAlertAction(input: unknown) {
  return acknowledge(input);
}
