"use client";

import { RuleToggleControls } from "@/components/alerts/rule-toggle-controls";
import { deleteAlertRuleAction, setAlertRuleEnabledAction } from "./actions";

/** A threshold rule's write controls (`alerts.manage`, checked by the actions). */
export function RuleControls(props: { id: string; name: string; enabled: boolean; hasHistory: boolean }) {
  return <RuleToggleControls {...props} messages="alerts.rules" setEnabled={setAlertRuleEnabledAction} remove={deleteAlertRuleAction} />;
}
