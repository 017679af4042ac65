import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { alertInstances, metricRules } from "@/db/schema";
import type { MetricRule, MetricRulePatch } from "@/lib/validation/metric-rules";
import { actorLabel, assertCan, type Actor } from "@/server/auth/actor";
import { diff, recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import { isUuid } from "@/server/platform/ids";
import { lockAlerts } from "./alerts-lock";
import { selectorOf } from "./rule-dto";
import { getMetricRule, type MetricRuleDto } from "./rules-query";

type RuleRow = typeof metricRules.$inferSelect;

/** The audited fields of a rule. */
const snapshot = (row: RuleRow) => ({
  name: row.name,
  metric: row.metric,
  selector: selectorOf(row.selector),
  comparator: row.comparator,
  threshold: row.threshold,
  forSeconds: row.forSeconds,
  severity: row.severity,
  openIncident: row.openIncident,
  notifyRoles: row.notifyRoles,
  repeatMinutes: row.repeatMinutes,
  enabled: row.enabled,
});

async function lockRule(tx: Executor, id: string): Promise<RuleRow> {
  if (!isUuid(id)) throw notFound();
  await lockAlerts(tx);
  const [row] = await tx.select().from(metricRules).where(eq(metricRules.id, id)).limit(1).for("update");
  if (!row) throw notFound();
  return row;
}

/** Creates a rule (`monitoring.write`), audited `metric_rule.created`; the next evaluation (≤ 15 s) applies it. */
export async function createMetricRule(tx: Executor, actor: Actor, input: MetricRule): Promise<MetricRuleDto> {
  assertCan(actor, "monitoring.write");
  const [row] = await tx
    .insert(metricRules)
    .values({ ...input, name: input.name.normalize("NFC"), createdBy: actorLabel(actor) })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await recordAudit(tx, {
    actor,
    action: "metric_rule.created",
    entityType: "metric_rule",
    entityId: row.id,
    changes: diff({}, snapshot(row)),
  });
  return getMetricRule(tx, actor, row.id);
}

/**
 * Closes a rule's live instances without notifying anyone (the rule no longer watches):
 * pending ones are dropped, firing ones resolved. Their incidents stay with the responders.
 */
async function closeLiveInstances(tx: Executor, actor: Actor, ruleId: string, reason: string): Promise<void> {
  const now = new Date();
  await tx.delete(alertInstances).where(and(eq(alertInstances.ruleId, ruleId), eq(alertInstances.state, "pending")));
  const resolved = await tx
    .update(alertInstances)
    .set({ state: "resolved", resolvedAt: now })
    .where(and(eq(alertInstances.ruleId, ruleId), eq(alertInstances.state, "firing")))
    .returning({ id: alertInstances.id });
  for (const r of resolved) {
    await recordAudit(tx, {
      actor,
      action: "alert_instance.resolved",
      entityType: "alert_instance",
      entityId: r.id,
      changes: { state: { old: "firing", new: "resolved" }, reason: { old: null, new: reason } },
    });
  }
}

/**
 * Edits a rule (`monitoring.write`; PATCH semantics: only the given fields), audited
 * `metric_rule.updated` with the changed fields. Live instances take the new name and
 * severity; disabling through the patch closes them as setMetricRuleEnabled does.
 */
export async function updateMetricRule(tx: Executor, actor: Actor, id: string, patch: MetricRulePatch): Promise<MetricRuleDto> {
  assertCan(actor, "monitoring.write");
  const before = await lockRule(tx, id);
  const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<MetricRule>;
  if (values.name) values.name = values.name.normalize("NFC");
  const [after] = await tx.update(metricRules).set(values).where(eq(metricRules.id, id)).returning();
  if (!after) throw notFound();
  const changes = diff(snapshot(before), snapshot(after));
  if (Object.keys(changes).length === 0) return getMetricRule(tx, actor, id);
  await recordAudit(tx, { actor, action: "metric_rule.updated", entityType: "metric_rule", entityId: id, changes });
  if (changes.name || changes.severity) {
    await tx
      .update(alertInstances)
      .set({
        name: after.name,
        severity: after.severity,
        labels: sql`${alertInstances.labels} || jsonb_build_object('alertname', ${after.name}::text, 'severity', ${after.severity}::text)`,
      })
      .where(and(eq(alertInstances.ruleId, id), ne(alertInstances.state, "resolved")));
  }
  if (before.enabled && !after.enabled) await closeLiveInstances(tx, actor, id, "rule_disabled");
  return getMetricRule(tx, actor, id);
}

/** Enables or disables a rule (`monitoring.write`), audited `metric_rule.enabled|disabled`; the same state again changes nothing. */
export async function setMetricRuleEnabled(tx: Executor, actor: Actor, id: string, enabled: boolean): Promise<MetricRuleDto> {
  assertCan(actor, "monitoring.write");
  const before = await lockRule(tx, id);
  if (before.enabled === enabled) return getMetricRule(tx, actor, id);
  await tx.update(metricRules).set({ enabled }).where(eq(metricRules.id, id));
  await recordAudit(tx, {
    actor,
    action: enabled ? "metric_rule.enabled" : "metric_rule.disabled",
    entityType: "metric_rule",
    entityId: id,
    changes: { enabled: { old: before.enabled, new: enabled } },
  });
  if (!enabled) await closeLiveInstances(tx, actor, id, "rule_disabled");
  return getMetricRule(tx, actor, id);
}

/**
 * Deletes a rule (`monitoring.write`) that no alert instance references, audited
 * `metric_rule.deleted`. Referenced → 409 `metricRuleHasHistory` (disable it instead).
 */
export async function deleteMetricRule(tx: Executor, actor: Actor, id: string): Promise<void> {
  assertCan(actor, "monitoring.write");
  const before = await lockRule(tx, id);
  const [used] = await tx.select({ id: alertInstances.id }).from(alertInstances).where(eq(alertInstances.ruleId, id)).limit(1);
  if (used) throw new DomainError("conflict", "metricRuleHasHistory");
  await tx.delete(metricRules).where(eq(metricRules.id, id));
  await recordAudit(tx, {
    actor,
    action: "metric_rule.deleted",
    entityType: "metric_rule",
    entityId: id,
    changes: Object.fromEntries(Object.entries(snapshot(before)).map(([k, old]) => [k, { old, new: null }])),
  });
}
