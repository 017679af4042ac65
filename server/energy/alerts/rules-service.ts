import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { alertRules, energyAlerts } from "@/db/schema";
import type { AlertRule } from "@/lib/validation/alert-rules";
import { actorLabel, assertCan, type Actor } from "@/server/auth/actor";
import { diff, recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import { resolveAlert } from "./alert-transitions";
import { evaluateRules } from "./evaluate";
import { resolveTarget } from "./rule-target";
import { getAlertRule, type AlertRuleDto } from "./rules-query";

type RuleRow = typeof alertRules.$inferSelect;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The audited fields of a rule. */
const snapshot = (row: RuleRow) => ({
  name: row.name,
  meterId: row.meterId,
  siteId: row.siteId,
  kind: row.kind,
  comparator: row.comparator,
  threshold: row.threshold,
  durationMinutes: row.durationMinutes,
  severity: row.severity,
  enabled: row.enabled,
});

async function lockRule(tx: Executor, id: string): Promise<RuleRow> {
  if (!uuidPattern.test(id)) throw notFound();
  const [row] = await tx.select().from(alertRules).where(eq(alertRules.id, id)).limit(1).for("update");
  if (!row) throw notFound();
  return row;
}

const fields = (input: AlertRule) => ({
  name: input.name.normalize("NFC"),
  comparator: input.comparator,
  threshold: input.threshold,
  durationMinutes: input.durationMinutes,
  severity: input.severity,
});

/**
 * Creates a rule (`alerts.manage`), audited `alert_rule.created`, then evaluates it at once
 * (a target already in breach fires now rather than at the next job).
 */
export async function createAlertRule(tx: Executor, actor: Actor, input: AlertRule): Promise<AlertRuleDto> {
  assertCan(actor, "alerts.manage");
  const target = await resolveTarget(tx, input);
  const [row] = await tx
    .insert(alertRules)
    .values({ ...fields(input), ...target, enabled: true, createdBy: actorLabel(actor) })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await recordAudit(tx, {
    actor,
    action: "alert_rule.created",
    entityType: "alert_rule",
    entityId: row.id,
    changes: diff({}, snapshot(row)),
  });
  await evaluateRules(tx, { ruleIds: [row.id] });
  return getAlertRule(tx, actor, row.id);
}

/** Edits a rule (`alerts.manage`): audited with the changed fields, then re-evaluated (an open alert may resolve). */
export async function updateAlertRule(tx: Executor, actor: Actor, id: string, input: AlertRule): Promise<AlertRuleDto> {
  assertCan(actor, "alerts.manage");
  const before = await lockRule(tx, id);
  const target = await resolveTarget(tx, input);
  const [after] = await tx
    .update(alertRules)
    .set({ ...fields(input), ...target })
    .where(eq(alertRules.id, id))
    .returning();
  if (!after) throw notFound();
  const changes = diff(snapshot(before), snapshot(after));
  if (Object.keys(changes).length > 0) {
    await recordAudit(tx, { actor, action: "alert_rule.updated", entityType: "alert_rule", entityId: id, changes });
  }
  await evaluateRules(tx, { ruleIds: [id] });
  return getAlertRule(tx, actor, id);
}

/**
 * Enables or disables a rule (`alerts.manage`), audited `alert_rule.enabled|disabled`.
 * Disabling closes its open alert without a notification (nobody watches it any more);
 * enabling evaluates it at once. The same state again changes nothing.
 */
export async function setAlertRuleEnabled(tx: Executor, actor: Actor, id: string, enabled: boolean): Promise<AlertRuleDto> {
  assertCan(actor, "alerts.manage");
  const before = await lockRule(tx, id);
  if (before.enabled === enabled) return getAlertRule(tx, actor, id);
  await tx.update(alertRules).set({ enabled }).where(eq(alertRules.id, id));
  await recordAudit(tx, {
    actor,
    action: enabled ? "alert_rule.enabled" : "alert_rule.disabled",
    entityType: "alert_rule",
    entityId: id,
    changes: { enabled: { old: before.enabled, new: enabled } },
  });
  if (enabled) {
    await evaluateRules(tx, { ruleIds: [id] });
  } else {
    const open = await tx
      .select({ id: energyAlerts.id })
      .from(energyAlerts)
      .where(and(eq(energyAlerts.ruleId, id), ne(energyAlerts.state, "resolved")));
    for (const alert of open) await resolveAlert(tx, null, alert.id, new Date(), { actor, reason: "rule_disabled" });
  }
  return getAlertRule(tx, actor, id);
}

/**
 * Deletes a rule (`alerts.manage`) that never raised an alert, audited `alert_rule.deleted`.
 * A rule with alert history → 409 `alertRuleHasHistory`: disable it instead.
 */
export async function deleteAlertRule(tx: Executor, actor: Actor, id: string): Promise<void> {
  assertCan(actor, "alerts.manage");
  const before = await lockRule(tx, id);
  const [used] = await tx.select({ id: energyAlerts.id }).from(energyAlerts).where(eq(energyAlerts.ruleId, id)).limit(1);
  if (used) throw new DomainError("conflict", "alertRuleHasHistory");
  await tx.delete(alertRules).where(eq(alertRules.id, id));
  await recordAudit(tx, {
    actor,
    action: "alert_rule.deleted",
    entityType: "alert_rule",
    entityId: id,
    changes: Object.fromEntries(Object.entries(snapshot(before)).map(([k, old]) => [k, { old, new: null }])),
  });
}
