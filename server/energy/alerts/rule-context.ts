import "server-only";
import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { alertRules, meters, sites } from "@/db/schema";
import type { AlertComparator, AlertSeverity, AlertUnit } from "@/lib/validation/alert-rules";

export type { AlertUnit };
export const unitOfQuantity = (quantity: string | null): AlertUnit => (quantity === "volume" ? "m3" : "kW");

/** An enabled rule with what evaluating it and telling about it needs. */
export type RuleContext = {
  id: string;
  name: string;
  comparator: AlertComparator;
  threshold: number;
  durationMinutes: number;
  severity: AlertSeverity;
  /** Set for a meter rule. */
  meterId: string | null;
  meterCode: string | null;
  meterName: string | null;
  /** Set for a site rule: the kind of the site's meters summed. */
  kind: "consumption" | "production" | null;
  siteId: string;
  siteName: string;
  siteTimezone: string;
  unit: AlertUnit;
};

/**
 * The enabled rules concerned by readings of `meterIds` (all enabled rules without it): the
 * rules of those meters, and the site rules of their sites and kinds. `ruleIds` narrows to
 * given rules (a rule just created or changed).
 */
export async function concernedRules(
  db: Executor,
  filter: { meterIds?: readonly string[]; ruleIds?: readonly string[] },
): Promise<RuleContext[]> {
  const where: SQL[] = [eq(alertRules.enabled, true)];
  if (filter.ruleIds) {
    if (filter.ruleIds.length === 0) return [];
    where.push(inArray(alertRules.id, [...filter.ruleIds]));
  }
  if (filter.meterIds) {
    if (filter.meterIds.length === 0) return [];
    const ids = `{${filter.meterIds.join(",")}}`;
    where.push(
      or(
        inArray(alertRules.meterId, [...filter.meterIds]),
        sql`(${alertRules.siteId}, ${alertRules.kind}) in (select m.site_id, m.kind from meters m where m.id = any(${ids}::uuid[]))`,
      )!,
    );
  }
  const rows = await db
    .select({
      id: alertRules.id,
      name: alertRules.name,
      comparator: alertRules.comparator,
      threshold: alertRules.threshold,
      durationMinutes: alertRules.durationMinutes,
      severity: alertRules.severity,
      meterId: alertRules.meterId,
      meterCode: meters.code,
      meterName: meters.name,
      quantity: meters.quantity,
      kind: alertRules.kind,
      siteId: sites.id,
      siteName: sites.name,
      siteTimezone: sites.timezone,
    })
    .from(alertRules)
    .leftJoin(meters, eq(meters.id, alertRules.meterId))
    .innerJoin(sites, sql`${sites.id} = coalesce(${alertRules.siteId}, ${meters.siteId})`)
    .where(and(...where))
    .orderBy(alertRules.id);
  return rows.map(({ quantity, ...r }) => ({
    ...r,
    comparator: r.comparator as AlertComparator,
    severity: r.severity as AlertSeverity,
    kind: r.meterId ? null : (r.kind as RuleContext["kind"]),
    unit: r.meterId ? unitOfQuantity(quantity) : "kW",
  }));
}
