import "server-only";
import { asc, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { alertRules, meters, sites } from "@/db/schema";
import type { AlertComparator, AlertMeterKind, AlertSeverity, AlertTarget } from "@/lib/validation/alert-rules";
import { assertCan, type Actor } from "@/server/auth/actor";
import { notFound } from "@/server/platform/errors";
import { unitOfQuantity, type AlertUnit } from "./rule-context";

/** A rule as the pages show it, with its target's names, unit and alert history. */
export type AlertRuleDto = {
  id: string;
  name: string;
  target: AlertTarget;
  meterId: string | null;
  meterCode: string | null;
  meterName: string | null;
  siteId: string;
  siteName: string;
  kind: AlertMeterKind | null;
  comparator: AlertComparator;
  threshold: number;
  unit: AlertUnit;
  durationMinutes: number;
  severity: AlertSeverity;
  enabled: boolean;
  /** Whether any alert was ever raised: such a rule is disabled, never deleted. */
  hasHistory: boolean;
  openAlertId: string | null;
  createdBy: string | null;
  updatedAt: string;
};

const ruleSite = alias(sites, "rule_site");
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function select(db: Executor, where?: SQL): Promise<AlertRuleDto[]> {
  const rows = await db
    .select({
      id: alertRules.id,
      name: alertRules.name,
      meterId: alertRules.meterId,
      meterCode: meters.code,
      meterName: meters.name,
      quantity: meters.quantity,
      siteId: ruleSite.id,
      siteName: ruleSite.name,
      kind: alertRules.kind,
      comparator: alertRules.comparator,
      threshold: alertRules.threshold,
      durationMinutes: alertRules.durationMinutes,
      severity: alertRules.severity,
      enabled: alertRules.enabled,
      createdBy: alertRules.createdBy,
      updatedAt: alertRules.updatedAt,
      hasHistory: sql<boolean>`exists (select 1 from energy_alerts a where a.rule_id = ${alertRules.id})`,
      openAlertId: sql<string | null>`(select a.id from energy_alerts a where a.rule_id = ${alertRules.id} and a.state <> 'resolved')`,
    })
    .from(alertRules)
    .leftJoin(meters, eq(meters.id, alertRules.meterId))
    .innerJoin(ruleSite, sql`${ruleSite.id} = coalesce(${alertRules.siteId}, ${meters.siteId})`)
    .where(where)
    .orderBy(asc(ruleSite.name), asc(alertRules.name), asc(alertRules.id));
  return rows.map(({ quantity, ...r }) => ({
    ...r,
    target: r.meterId ? "meter" : "site",
    kind: r.meterId ? null : (r.kind as AlertMeterKind),
    comparator: r.comparator as AlertComparator,
    severity: r.severity as AlertSeverity,
    unit: r.meterId ? unitOfQuantity(quantity) : "kW",
    hasHistory: Boolean(r.hasHistory),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** Every rule, by site then name (`measurements.read`). */
export async function listAlertRules(db: Executor, actor: Actor): Promise<AlertRuleDto[]> {
  assertCan(actor, "measurements.read");
  return select(db);
}

/** One rule (`measurements.read`); unknown → 404. */
export async function getAlertRule(db: Executor, actor: Actor, id: string): Promise<AlertRuleDto> {
  assertCan(actor, "measurements.read");
  if (!uuidPattern.test(id)) throw notFound();
  const [rule] = await select(db, eq(alertRules.id, id));
  if (!rule) throw notFound();
  return rule;
}
