import "server-only";
import { and, asc, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { alertRules, energyAlerts, meters, sites, users } from "@/db/schema";
import type { AlertComparator, AlertMeterKind, AlertSeverity, AlertState, ListAlertsQuery } from "@/lib/validation/alert-rules";
import { assertCan, type Actor } from "@/server/auth/actor";
import { exactTime, olderThan, pageOf } from "@/server/platform/jobs/keyset";
import { unitOfQuantity, type AlertUnit } from "./rule-context";

/** An alert as the pages show it, with its rule and target. */
export type AlertDto = {
  id: string;
  state: AlertState;
  ruleId: string;
  ruleName: string;
  severity: AlertSeverity;
  comparator: AlertComparator;
  threshold: number;
  durationMinutes: number;
  unit: AlertUnit;
  meterCode: string | null;
  meterName: string | null;
  kind: AlertMeterKind | null;
  siteId: string;
  siteName: string;
  siteTimezone: string;
  firedAt: string;
  breachStartedAt: string;
  peakValue: number | null;
  lastValue: number | null;
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
  resolvedAt: string | null;
};

const siteOfRule = sql`coalesce(${alertRules.siteId}, ${meters.siteId})`;

function base(db: Executor) {
  return db
    .select({
      id: energyAlerts.id,
      state: energyAlerts.state,
      ruleId: alertRules.id,
      ruleName: alertRules.name,
      severity: alertRules.severity,
      comparator: alertRules.comparator,
      threshold: alertRules.threshold,
      durationMinutes: alertRules.durationMinutes,
      quantity: meters.quantity,
      meterId: meters.id,
      meterCode: meters.code,
      meterName: meters.name,
      kind: alertRules.kind,
      siteId: sites.id,
      siteName: sites.name,
      siteTimezone: sites.timezone,
      firedAt: energyAlerts.firedAt,
      breachStartedAt: energyAlerts.breachStartedAt,
      peakValue: energyAlerts.peakValue,
      lastValue: energyAlerts.lastValue,
      acknowledgedAt: energyAlerts.acknowledgedAt,
      acknowledgedByName: users.name,
      resolvedAt: energyAlerts.resolvedAt,
      cursorAt: exactTime(energyAlerts.resolvedAt),
    })
    .from(energyAlerts)
    .innerJoin(alertRules, eq(alertRules.id, energyAlerts.ruleId))
    .leftJoin(meters, eq(meters.id, alertRules.meterId))
    .innerJoin(sites, sql`${sites.id} = ${siteOfRule}`)
    .leftJoin(users, eq(users.id, energyAlerts.acknowledgedBy));
}
type Row = Awaited<ReturnType<ReturnType<typeof base>["where"]>>[number];

function toDto({ quantity, meterId, cursorAt: _cursor, ...r }: Row): AlertDto {
  return {
    ...r,
    state: r.state as AlertState,
    severity: r.severity as AlertSeverity,
    comparator: r.comparator as AlertComparator,
    kind: meterId ? null : (r.kind as AlertMeterKind),
    unit: meterId ? unitOfQuantity(quantity) : "kW",
    firedAt: r.firedAt.toISOString(),
    breachStartedAt: r.breachStartedAt.toISOString(),
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
  };
}

const siteFilter = (site: string | undefined): SQL | undefined => (site ? sql`${siteOfRule} = ${site}::uuid` : undefined);

/** Open alerts (firing first, then acknowledged; newest first), optionally one state and one site (`measurements.read`). */
export async function listOpenAlerts(db: Executor, actor: Actor, query: Pick<ListAlertsQuery, "state" | "site">): Promise<AlertDto[]> {
  assertCan(actor, "measurements.read");
  const states = query.state === "firing" || query.state === "acknowledged" ? [query.state] : ["firing", "acknowledged"];
  const rows = await base(db)
    .where(and(inArray(energyAlerts.state, states), siteFilter(query.site)))
    .orderBy(sql`${energyAlerts.state} = 'firing' desc`, desc(energyAlerts.firedAt), asc(energyAlerts.id))
    .limit(500);
  return rows.map(toDto);
}

/** Resolved alerts, most recently resolved first, by cursor (`measurements.read`). */
export async function listAlertHistory(
  db: Executor,
  actor: Actor,
  query: Pick<ListAlertsQuery, "site" | "cursor" | "limit">,
): Promise<{ data: AlertDto[]; next_cursor: string | null }> {
  assertCan(actor, "measurements.read");
  const rows = await base(db)
    .where(
      and(eq(energyAlerts.state, "resolved"), siteFilter(query.site), olderThan(query.cursor, energyAlerts.resolvedAt, energyAlerts.id)),
    )
    .orderBy(desc(energyAlerts.resolvedAt), desc(energyAlerts.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = pageOf(
    rows.map((r) => ({ ...r, cursorAt: r.cursorAt ?? "" })),
    query.limit,
  );
  return { data: page.map(toDto), next_cursor: nextCursor };
}

/** How many alerts are open: the badge of the nav or a dashboard (`measurements.read`). */
export async function countOpenAlerts(db: Executor, actor: Actor): Promise<number> {
  assertCan(actor, "measurements.read");
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(energyAlerts)
    .where(ne(energyAlerts.state, "resolved"));
  return Number(row?.n ?? 0);
}
