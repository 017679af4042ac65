"use client";

import { RuleToggleControls } from "@/components/alerts/rule-toggle-controls";
import { deleteMetricRuleAction, setMetricRuleEnabledAction } from "./actions";

/** A monitoring rule's write controls (`monitoring.write`, checked by the actions). */
export function RuleControls(props: { id: string; name: string; enabled: boolean; hasHistory: boolean; afterDelete?: string }) {
  return (
    <RuleToggleControls {...props} messages="devops.alerts.rules" setEnabled={setMetricRuleEnabledAction} remove={deleteMetricRuleAction} />
  );
}
