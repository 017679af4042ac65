import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { alertInstances, incidents, metricRules, servers } from "@/db/schema";
import type { AlertHistoryQuery, AlertInstanceState, AlertSource } from "@/lib/devops/alert-states";
import type { Severity } from "@/lib/devops/severity";
import { assertCan, type Actor } from "@/server/auth/actor";
import { notFound } from "@/server/platform/errors";
import { isUuid } from "@/server/platform/ids";
import { exactTime, olderThan, pageOf } from "@/server/platform/jobs/keyset";
import { externalServer } from "./alertmanager-alert";
import type { Labels } from "./fingerprint";

/** An alert instance as the pages show it. */
export type AlertInstanceDto = {
  id: string;
  source: AlertSource;
  name: string;
  severity: Severity;
  state: AlertInstanceState;
  ruleId: string | null;
  /** The inventory server, or the host an Alertmanager alert names. */
  serverId: string | null;
  server: string;
  metric: string | null;
  comparator: string | null;
  threshold: number | null;
  value: number | null;
  summary: string | null;
  labels: Labels;
  activeAt: string;
  firedAt: string | null;
  resolvedAt: string | null;
  silenced: boolean;
  incidentId: string | null;
  incidentNumber: number | null;
};

function base(db: Executor) {
  return db
    .select({
      instance: alertInstances,
      hostname: servers.hostname,
      metric: metricRules.metric,
      comparator: metricRules.comparator,
      threshold: metricRules.threshold,
      incidentNumber: incidents.number,
      cursorAt: exactTime(alertInstances.activeAt),
    })
    .from(alertInstances)
    .leftJoin(servers, eq(servers.id, alertInstances.serverId))
    .leftJoin(metricRules, eq(metricRules.id, alertInstances.ruleId))
    .leftJoin(incidents, eq(incidents.id, alertInstances.incidentId));
}
type Row = Awaited<ReturnType<ReturnType<typeof base>["where"]>>[number];

function toDto(r: Row): AlertInstanceDto {
  const i = r.instance;
  const labels = (i.labels ?? {}) as Labels;
  const annotations = (i.annotations ?? {}) as Labels;
  return {
    id: i.id,
    source: i.source as AlertSource,
    name: i.name,
    severity: i.severity as Severity,
    state: i.state as AlertInstanceState,
    ruleId: i.ruleId,
    serverId: i.serverId,
    server: r.hostname ?? externalServer(labels, null),
    metric: r.metric,
    comparator: r.comparator,
    threshold: r.threshold,
    value: i.value,
    summary: annotations.summary ?? annotations.description ?? null,
    labels,
    activeAt: i.activeAt.toISOString(),
    firedAt: i.firedAt?.toISOString() ?? null,
    resolvedAt: i.resolvedAt?.toISOString() ?? null,
    silenced: i.silencedBy !== null && i.state !== "resolved",
    incidentId: i.incidentId,
    incidentNumber: r.incidentNumber,
  };
}

/** Firing then pending instances, most severe first, newest first (`monitoring.read`; at most 500). */
export async function listLiveAlerts(db: Executor, actor: Actor): Promise<AlertInstanceDto[]> {
  assertCan(actor, "monitoring.read");
  const rows = await base(db)
    .where(inArray(alertInstances.state, ["firing", "pending"]))
    .orderBy(
      sql`${alertInstances.state} = 'firing' desc`,
      asc(alertInstances.severity),
      desc(alertInstances.activeAt),
      asc(alertInstances.id),
    )
    .limit(500);
  return rows.map(toDto);
}

/** Every instance (or one state), newest first by cursor (`monitoring.read`). */
export async function listAlertHistory(
  db: Executor,
  actor: Actor,
  query: AlertHistoryQuery,
): Promise<{ data: AlertInstanceDto[]; next_cursor: string | null }> {
  assertCan(actor, "monitoring.read");
  const where: (SQL | undefined)[] = [
    query.state ? eq(alertInstances.state, query.state) : undefined,
    olderThan(query.cursor, alertInstances.activeAt, alertInstances.id),
  ];
  const rows = await base(db)
    .where(and(...where))
    .orderBy(desc(alertInstances.activeAt), desc(alertInstances.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = pageOf(
    rows.map((r) => ({ ...r, id: r.instance.id })),
    query.limit,
  );
  return { data: page.map(toDto), next_cursor: nextCursor };
}

/** One instance (`monitoring.read`): the silence form starts from its labels. Unknown → 404. */
export async function getAlertInstance(db: Executor, actor: Actor, id: string): Promise<AlertInstanceDto> {
  assertCan(actor, "monitoring.read");
  if (!isUuid(id)) throw notFound();
  const [row] = await base(db).where(eq(alertInstances.id, id)).limit(1);
  if (!row) throw notFound();
  return toDto(row);
}
