import "server-only";
import { and, count, desc, eq, gt, ilike, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { incidents, users } from "@/db/schema";
import { activeStatuses } from "@/lib/devops/incident-status";
import type { IncidentListQuery } from "@/lib/validation/incidents";
import type { Actor } from "@/server/auth/actor";
import { readableBy } from "./incident-access";
import { incidentClocks, policyCache } from "./incident-clocks";
import { summaryDto, type IncidentSummaryDto } from "./incident-dto";
import { loadPolicy } from "./sla-policy";

/** Incidents whose SLA is (or was) breached at `now`: a recorded breach, a clock stopped late, or a counting clock past due. */
export function breachedAt(now: Date): SQL {
  const counting = and(inArray(incidents.status, [...activeStatuses]), isNull(incidents.pausedAt));
  return or(
    isNotNull(incidents.ackBreachedAt),
    isNotNull(incidents.resolveBreachedAt),
    gt(incidents.acknowledgedAt, incidents.ackDueAt),
    gt(incidents.resolvedAt, incidents.resolveDueAt),
    and(counting, isNull(incidents.acknowledgedAt), lte(incidents.ackDueAt, now)),
    and(counting, isNull(incidents.resolvedAt), lte(incidents.resolveDueAt, now)),
  )!;
}

function filters(actor: Actor, q: IncidentListQuery, now: Date): SQL | undefined {
  const where: (SQL | undefined)[] = [readableBy(actor)];
  if (q.status === "open") where.push(inArray(incidents.status, [...activeStatuses]));
  else if (q.status) where.push(eq(incidents.status, q.status));
  if (q.severity) where.push(eq(incidents.severity, q.severity));
  if (q.assignee === "none") where.push(isNull(incidents.assigneeId));
  else if (q.assignee === "me") where.push(actor.kind === "user" ? eq(incidents.assigneeId, actor.id) : sql`false`);
  else if (q.assignee) where.push(eq(incidents.assigneeId, q.assignee));
  if (q.q) {
    const digits = /^(?:inc-?)?0*(\d{1,9})$/i.exec(q.q)?.[1];
    const text = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(incidents.title, text), digits ? eq(incidents.number, Number(digits)) : undefined));
  }
  if (q.breached === "1" || q.breached === "true") where.push(breachedAt(now));
  if (q.breached === "0" || q.breached === "false") where.push(sql`not (${breachedAt(now)})`);
  return and(...where);
}

/**
 * Incidents the actor may read (`incidents.read`: all; otherwise those they opened), newest
 * first, filtered (status or "open", severity, assignee id / "me" / "none", text or number,
 * breached), a page at a time, each with its SLA clocks at `now`.
 */
export async function listIncidents(
  tx: Executor,
  actor: Actor,
  query: IncidentListQuery,
  now: Date = new Date(),
): Promise<{ items: IncidentSummaryDto[]; total: number; page: number; pageSize: number }> {
  const where = filters(actor, query, now);
  const [totalRow] = await tx.select({ n: count() }).from(incidents).where(where);
  const rows = await tx
    .select({ incident: incidents, assigneeName: users.name })
    .from(incidents)
    .leftJoin(users, eq(users.id, incidents.assigneeId))
    .where(where)
    .orderBy(desc(incidents.createdAt), desc(incidents.number))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const policyOf = policyCache((id) => loadPolicy(tx, id));
  const items: IncidentSummaryDto[] = [];
  for (const { incident, assigneeName } of rows) {
    const clocks = incidentClocks(incident, await policyOf(incident.slaPolicyId), now);
    items.push(summaryDto(incident, incident.assigneeId ? { id: incident.assigneeId, name: assigneeName ?? "" } : null, clocks));
  }
  return { items, total: totalRow?.n ?? 0, page: query.page, pageSize: query.pageSize };
}
