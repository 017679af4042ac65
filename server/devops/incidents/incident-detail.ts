import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { businessCalendars, incidentEvents, incidentServers, servers, users } from "@/db/schema";
import { incidentTransitions, type IncidentStatus } from "@/lib/devops/incident-status";
import { can, type Actor } from "@/server/auth/actor";
import { loadReadableIncident } from "./incident-access";
import { incidentClocks } from "./incident-clocks";
import { summaryDto, type IncidentSummaryDto } from "./incident-dto";
import { loadPolicy } from "./sla-policy";

export type TimelineEntryDto = {
  id: number;
  kind: string;
  actor: string;
  body: string | null;
  data: Record<string, unknown>;
  at: string;
};

export type IncidentDetailDto = IncidentSummaryDto & {
  description: string;
  openedById: string | null;
  review: { summary: string | null; rootCause: string | null; impact: string | null; followUps: string | null };
  times: Record<"acknowledgedAt" | "mitigatedAt" | "resolvedAt" | "closedAt" | "cancelledAt" | "pausedAt", string | null>;
  pausedSeconds: number;
  policy: { id: string; name: string; calendar: string; timezone: string; warnPercent: number } | null;
  servers: { id: string; hostname: string }[];
  timeline: TimelineEntryDto[];
  /** For managers: the statuses this incident may move to; empty otherwise. */
  transitions: IncidentStatus[];
  canManage: boolean;
};

/** What someone who only opened the incident sees of its timeline (not the internal SLA and notification entries). */
const openerKinds = ["status", "comment", "pause", "resume"];

/**
 * One incident with its SLA clocks at `now`, servers and timeline (oldest first). Readers
 * without `incidents.read` see it only if they opened it (else 404), without servers and
 * with the opener's part of the timeline.
 */
export async function getIncident(tx: Executor, actor: Actor, id: string, now: Date = new Date()): Promise<IncidentDetailDto> {
  const row = await loadReadableIncident(tx, actor, id);
  const reader = can(actor, "incidents.read");
  const manager = can(actor, "incidents.manage");
  const policy = await loadPolicy(tx, row.slaPolicyId);
  const [assignee] = row.assigneeId
    ? await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, row.assigneeId)).limit(1)
    : [];
  const [calendar] = policy
    ? await tx.select({ name: businessCalendars.name }).from(businessCalendars).where(eq(businessCalendars.id, policy.calendarId))
    : [];
  const related = reader
    ? await tx
        .select({ id: servers.id, hostname: servers.hostname })
        .from(incidentServers)
        .innerJoin(servers, eq(servers.id, incidentServers.serverId))
        .where(eq(incidentServers.incidentId, id))
        .orderBy(asc(servers.hostname))
    : [];
  const events = await tx
    .select()
    .from(incidentEvents)
    .where(and(eq(incidentEvents.incidentId, id), reader ? undefined : inArray(incidentEvents.kind, openerKinds)))
    .orderBy(asc(incidentEvents.at), asc(incidentEvents.id));
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    ...summaryDto(row, assignee ?? null, incidentClocks(row, policy, now)),
    description: row.description,
    openedById: row.openedById,
    review: { summary: row.summary, rootCause: row.rootCause, impact: row.impact, followUps: row.followUps },
    times: {
      acknowledgedAt: iso(row.acknowledgedAt),
      mitigatedAt: iso(row.mitigatedAt),
      resolvedAt: iso(row.resolvedAt),
      closedAt: iso(row.closedAt),
      cancelledAt: iso(row.cancelledAt),
      pausedAt: iso(row.pausedAt),
    },
    pausedSeconds: row.pausedSeconds,
    policy: policy
      ? {
          id: policy.id,
          name: policy.name,
          calendar: calendar?.name ?? "",
          timezone: policy.calendar.timezone,
          warnPercent: policy.warnPercent,
        }
      : null,
    servers: related,
    timeline: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      actor: e.actorLabel,
      body: e.body,
      data: (e.data ?? {}) as Record<string, unknown>,
      at: e.at.toISOString(),
    })),
    transitions: manager ? [...incidentTransitions[row.status as IncidentStatus]] : [],
    canManage: manager,
  };
}
