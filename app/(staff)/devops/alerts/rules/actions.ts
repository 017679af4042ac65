"use server";

import { metricRuleSchema, ruleIdInput, setRuleEnabledInput, updateRuleInput } from "@/lib/validation/metric-rules";
import { defineAction } from "@/server/auth/define-action";
import { createMetricRule, deleteMetricRule, setMetricRuleEnabled, updateMetricRule } from "@/server/devops/alerts/rules-service";

const create = defineAction({ schema: metricRuleSchema, permission: "monitoring.write" }, ({ actor, input, tx }) =>
  createMetricRule(tx, actor, input),
);

const update = defineAction({ schema: updateRuleInput, permission: "monitoring.write" }, ({ actor, input, tx }) =>
  updateMetricRule(tx, actor, input.id, input.rule),
);

const setEnabled = defineAction({ schema: setRuleEnabledInput, permission: "monitoring.write" }, ({ actor, input, tx }) =>
  setMetricRuleEnabled(tx, actor, input.id, input.enabled),
);

const remove = defineAction({ schema: ruleIdInput, permission: "monitoring.write" }, ({ actor, input, tx }) =>
  deleteMetricRule(tx, actor, input.id),
);

export async function createMetricRuleAction(input: unknown) {
  return create(input);
}

export async function updateMetricRuleAction(input: unknown) {
  return update(input);
}

export async function setMetricRuleEnabledAction(input: unknown) {
  return setEnabled(input);
}

export async function deleteMetricRuleAction(input: unknown) {
  return remove(input);
}
