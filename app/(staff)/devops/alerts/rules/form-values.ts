import { blankRuleForm, type RuleFormValues } from "@/lib/devops/alert-rule-form";
import type { MetricRuleDto } from "@/server/devops/alerts/rule-dto";

/** The form's values for a new rule or an existing one. */
export function ruleFormValues(rule?: MetricRuleDto): RuleFormValues {
  if (!rule) return blankRuleForm;
  return {
    name: rule.name,
    metric: rule.metric,
    comparator: rule.comparator,
    threshold: String(rule.threshold),
    forSeconds: String(rule.forSeconds),
    severity: rule.severity,
    tags: (rule.selector.tags ?? []).join(", "),
    environment: rule.selector.environment ?? "",
    role: rule.selector.role ?? "",
    openIncident: rule.openIncident,
    notifyRoles: rule.notifyRoles,
    repeatMinutes: String(rule.repeatMinutes),
    enabled: rule.enabled,
  };
}
