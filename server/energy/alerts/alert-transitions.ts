import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { energyAlerts } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { announceFired, announceResolved } from "./alert-notify";
import type { RuleContext } from "./rule-context";

/** Who fires and resolves alerts in the audit trail. */
export const alertsActor: Actor = { kind: "system", id: "energy.alerts" };

const open = ne(energyAlerts.state, "resolved");

/**
 * Opens the rule's alert unless one is open. Concurrency-safe: the insert does nothing when
 * the partial unique index (one open alert per rule) already holds a row, even one another
 * transaction is inserting; only the transaction that inserted announces it. Returns whether it fired.
 */
export async function fireAlert(
  tx: Executor,
  rule: RuleContext,
  at: Date,
  breach: { startedAt: Date; peak: number; last: number },
): Promise<boolean> {
  const [alert] = await tx
    .insert(energyAlerts)
    .values({
      ruleId: rule.id,
      state: "firing",
      firedAt: at,
      breachStartedAt: breach.startedAt,
      peakValue: breach.peak,
      lastValue: breach.last,
    })
    .onConflictDoNothing()
    .returning();
  if (!alert) return false;
  await recordAudit(tx, {
    actor: alertsActor,
    action: "energy_alert.fired",
    entityType: "energy_alert",
    entityId: alert.id,
    changes: {
      ruleId: { old: null, new: rule.id },
      state: { old: null, new: "firing" },
      breachStartedAt: { old: null, new: breach.startedAt.toISOString() },
      peakValue: { old: null, new: breach.peak },
    },
  });
  await announceFired(tx, rule, alert);
  return true;
}

/** While open: keeps the last value and the peak (max for `above`, min for `below`). Never announced. */
export async function trackAlert(tx: Executor, rule: RuleContext, alertId: string, last: number, runPeak: number): Promise<void> {
  const peak =
    rule.comparator === "above"
      ? sql`greatest(coalesce(${energyAlerts.peakValue}, ${runPeak}), ${runPeak})`
      : sql`least(coalesce(${energyAlerts.peakValue}, ${runPeak}), ${runPeak})`;
  await tx
    .update(energyAlerts)
    .set({ lastValue: last, peakValue: peak })
    .where(and(eq(energyAlerts.id, alertId), open));
}

/**
 * Resolves an open alert. Only the transaction whose update changed the row announces it
 * (a concurrent one finds it resolved already). `announce: false` closes it silently (the rule was disabled).
 */
export async function resolveAlert(
  tx: Executor,
  rule: RuleContext | null,
  alertId: string,
  at: Date,
  options: { last?: number; actor?: Actor; reason?: string } = {},
): Promise<boolean> {
  const [alert] = await tx
    .update(energyAlerts)
    .set({ state: "resolved", resolvedAt: at, ...(options.last !== undefined ? { lastValue: options.last } : {}) })
    .where(and(eq(energyAlerts.id, alertId), open))
    .returning();
  if (!alert) return false;
  await recordAudit(tx, {
    actor: options.actor ?? alertsActor,
    action: "energy_alert.resolved",
    entityType: "energy_alert",
    entityId: alert.id,
    changes: {
      state: { old: "open", new: "resolved" },
      resolvedAt: { old: null, new: at.toISOString() },
      ...(options.reason ? { reason: { old: null, new: options.reason } } : {}),
    },
  });
  if (rule) await announceResolved(tx, rule, alert);
  return true;
}
