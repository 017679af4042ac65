import "server-only";
import { and, desc, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { alertInstances, metricRules } from "@/db/schema";
import type { ListMetricRulesQuery } from "@/lib/validation/metric-rules";
import { assertCan, type Actor } from "@/server/auth/actor";
import { notFound } from "@/server/platform/errors";
import { isUuid } from "@/server/platform/ids";
import { exactTime, olderThan, pageOf } from "@/server/platform/jobs/keyset";
import { toRuleDto, type MetricRuleDto } from "./rule-dto";

export type { MetricRuleDto };

/** Live counts and history of some rules, in one pass over their instances. */
async function countsOf(db: Executor, ids: string[]) {
  const out = new Map<string, { firing: number; pending: number; hasHistory: boolean }>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      ruleId: alertInstances.ruleId,
      firing: sql<number>`count(*) filter (where ${alertInstances.state} = 'firing')::int`,
      pending: sql<number>`count(*) filter (where ${alertInstances.state} = 'pending')::int`,
    })
    .from(alertInstances)
    .where(inArray(alertInstances.ruleId, ids))
    .groupBy(alertInstances.ruleId);
  for (const r of rows) if (r.ruleId) out.set(r.ruleId, { firing: Number(r.firing), pending: Number(r.pending), hasHistory: true });
  return out;
}

const none = { firing: 0, pending: 0, hasHistory: false };

/** Rules, newest first by cursor; filters enabled, severity, metric, q (name) (`monitoring.read`). */
export async function listMetricRules(
  db: Executor,
  actor: Actor,
  query: ListMetricRulesQuery,
): Promise<{ data: MetricRuleDto[]; next_cursor: string | null }> {
  assertCan(actor, "monitoring.read");
  const where: (SQL | undefined)[] = [
    query.enabled === undefined ? undefined : eq(metricRules.enabled, query.enabled),
    query.severity ? eq(metricRules.severity, query.severity) : undefined,
    query.metric ? eq(metricRules.metric, query.metric) : undefined,
    query.q ? ilike(metricRules.name, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
    olderThan(query.cursor, metricRules.createdAt, metricRules.id),
  ];
  const rows = await db
    .select({ rule: metricRules, cursorAt: exactTime(metricRules.createdAt) })
    .from(metricRules)
    .where(and(...where))
    .orderBy(desc(metricRules.createdAt), desc(metricRules.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = pageOf(
    rows.map((r) => ({ ...r, id: r.rule.id })),
    query.limit,
  );
  const counts = await countsOf(
    db,
    page.map((r) => r.id),
  );
  return { data: page.map((r) => toRuleDto(r.rule, counts.get(r.id) ?? none)), next_cursor: nextCursor };
}

/** One rule (`monitoring.read`); unknown or malformed id → 404. */
export async function getMetricRule(db: Executor, actor: Actor, id: string): Promise<MetricRuleDto> {
  assertCan(actor, "monitoring.read");
  if (!isUuid(id)) throw notFound();
  const [row] = await db.select().from(metricRules).where(eq(metricRules.id, id)).limit(1);
  if (!row) throw notFound();
  const counts = await countsOf(db, [id]);
  return toRuleDto(row, counts.get(id) ?? none);
}
