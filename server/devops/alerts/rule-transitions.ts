import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { alertInstances } from "@/db/schema";
import type { Candidate } from "./candidates";
import { ruleFingerprint, ruleLabels } from "./fingerprint";

type InstanceRow = typeof alertInstances.$inferSelect;

/**
 * Opens an instance per pair whose condition now holds: pending, or firing at once when the
 * rule has no pending period. The partial unique index (one live instance per fingerprint)
 * makes a concurrent insert of the same pair a no-op; only inserted rows come back.
 */
export async function insertInstances(tx: Executor, fresh: Candidate[], now: Date): Promise<{ candidate: Candidate; row: InstanceRow }[]> {
  if (fresh.length === 0) return [];
  const byFingerprint = new Map(fresh.map((c) => [ruleFingerprint(c.rule, c.server.hostname), c]));
  const rows = await tx
    .insert(alertInstances)
    .values(
      [...byFingerprint].map(([fingerprint, c]) => {
        const firing = c.rule.forSeconds === 0;
        return {
          source: "rule",
          ruleId: c.rule.id,
          serverId: c.server.id,
          fingerprint,
          name: c.rule.name,
          severity: c.rule.severity,
          labels: ruleLabels(c.rule, c.server),
          state: firing ? "firing" : "pending",
          value: c.value,
          activeAt: now,
          startsAt: now,
          firedAt: firing ? now : null,
        };
      }),
    )
    .onConflictDoNothing()
    .returning();
  return rows.map((row) => ({ candidate: byFingerprint.get(row.fingerprint)!, row }));
}

/** Pending → firing for the given instances (still pending); returns the ids promoted. */
export async function promoteInstances(tx: Executor, ids: string[], now: Date): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .update(alertInstances)
    .set({ state: "firing", firedAt: now })
    .where(and(inArray(alertInstances.id, ids), eq(alertInstances.state, "pending")))
    .returning({ id: alertInstances.id });
  return new Set(rows.map((r) => r.id));
}

/** Pending instances whose condition cleared before `for` elapsed: dropped, nobody told. */
export async function dropPending(tx: Executor, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await tx
    .delete(alertInstances)
    .where(and(inArray(alertInstances.id, ids), eq(alertInstances.state, "pending")))
    .returning({ id: alertInstances.id });
  return rows.length;
}

/** Firing → resolved; returns the rows this transaction resolved. */
export async function resolveInstances(tx: Executor, ids: string[], now: Date): Promise<InstanceRow[]> {
  if (ids.length === 0) return [];
  return tx
    .update(alertInstances)
    .set({ state: "resolved", resolvedAt: now })
    .where(and(inArray(alertInstances.id, ids), eq(alertInstances.state, "firing")))
    .returning();
}

/** Live rule instances take their series' newest value, in one statement. */
export async function refreshLiveValues(tx: Executor): Promise<void> {
  await tx.execute(sql`
    update alert_instances ai set value = ms.last_value
    from metric_rules r, metric_series ms
    where ai.source = 'rule' and ai.state in ('pending', 'firing') and r.id = ai.rule_id
      and ms.server_id = ai.server_id and ms.name = r.metric and ai.value is distinct from ms.last_value`);
}
