import "server-only";
import type { metricRules } from "@/db/schema";
import type { Severity } from "@/lib/devops/severity";
import type { RuleComparator, RuleNotifyRole, RuleSelector } from "@/lib/validation/metric-rules";

type RuleRow = typeof metricRules.$inferSelect;

/** A rule as the API and the pages show it, with its live instances. */
export type MetricRuleDto = {
  id: string;
  name: string;
  metric: string;
  selector: RuleSelector;
  comparator: RuleComparator;
  threshold: number;
  forSeconds: number;
  severity: Severity;
  openIncident: boolean;
  notifyRoles: RuleNotifyRole[];
  repeatMinutes: number;
  enabled: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Instances now firing / pending. */
  firing: number;
  pending: number;
  /** Whether any instance ever existed: such a rule is disabled, never deleted. */
  hasHistory: boolean;
};

/** The stored selector, read defensively (jsonb): only well-formed keys are kept. */
export function selectorOf(value: unknown): RuleSelector {
  const s = (value ?? {}) as Record<string, unknown>;
  const tags = Array.isArray(s.tags) ? s.tags.filter((t): t is string => typeof t === "string" && t !== "") : [];
  return {
    ...(tags.length > 0 ? { tags } : {}),
    ...(typeof s.environment === "string" && s.environment ? { environment: s.environment as RuleSelector["environment"] } : {}),
    ...(typeof s.role === "string" && s.role ? { role: s.role } : {}),
  };
}

export function toRuleDto(row: RuleRow, counts: { firing: number; pending: number; hasHistory: boolean }): MetricRuleDto {
  return {
    id: row.id,
    name: row.name,
    metric: row.metric,
    selector: selectorOf(row.selector),
    comparator: row.comparator as RuleComparator,
    threshold: row.threshold,
    forSeconds: row.forSeconds,
    severity: row.severity as Severity,
    openIncident: row.openIncident,
    notifyRoles: row.notifyRoles as RuleNotifyRole[],
    repeatMinutes: row.repeatMinutes,
    enabled: row.enabled,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...counts,
  };
}
