"use server";

import { alertIdInput, alertRuleSchema, setAlertRuleEnabledSchema, updateAlertRuleSchema } from "@/lib/validation/alert-rules";
import { defineAction } from "@/server/auth/define-action";
import { createAlertRule, deleteAlertRule, setAlertRuleEnabled, updateAlertRule } from "@/server/energy/alerts/rules-service";

const create = defineAction({ schema: alertRuleSchema, permission: "alerts.manage" }, ({ actor, input, tx }) =>
  createAlertRule(tx, actor, input),
);

const update = defineAction({ schema: updateAlertRuleSchema, permission: "alerts.manage" }, ({ actor, input, tx }) =>
  updateAlertRule(tx, actor, input.id, input.rule),
);

const setEnabled = defineAction({ schema: setAlertRuleEnabledSchema, permission: "alerts.manage" }, ({ actor, input, tx }) =>
  setAlertRuleEnabled(tx, actor, input.id, input.enabled),
);

const remove = defineAction({ schema: alertIdInput, permission: "alerts.manage" }, ({ actor, input, tx }) =>
  deleteAlertRule(tx, actor, input.id),
);

export async function createAlertRuleAction(input: unknown) {
  return create(input);
}

export async function updateAlertRuleAction(input: unknown) {
  return update(input);
}

export async function setAlertRuleEnabledAction(input: unknown) {
  return setEnabled(input);
}

export async function deleteAlertRuleAction(input: unknown) {
  return remove(input);
}
