import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import type { Severity } from "@/lib/devops/severity";
import type { Role } from "@/lib/permissions";
import type { Labels } from "./fingerprint";

/** A series whose newest point is older than this counts as no data: the condition is false. */
export const staleAfterMs = 5 * 60_000;

/** One (rule, server) pair whose condition holds now, or that has a live (pending or firing) instance. */
export type Candidate = {
  rule: {
    id: string;
    name: string;
    metric: string;
    comparator: string;
    threshold: number;
    forSeconds: number;
    severity: Severity;
    openIncident: boolean;
    notifyRoles: Role[];
    repeatMinutes: number;
  };
  server: { id: string; hostname: string; environment: string; role: string; tags: string[] };
  holds: boolean;
  value: number | null;
  live: {
    id: string;
    state: "pending" | "firing";
    activeAt: Date;
    lastNotifiedAt: Date | null;
    silencedBy: string | null;
    incidentId: string | null;
    labels: Labels;
    /** Whether its series has a point of the last 5 minutes (false: it ends for lack of data). */
    fresh: boolean;
  } | null;
};

type Raw = Record<string, unknown>;
const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));
const array = (v: unknown): string[] =>
  Array.isArray(v) ? (v as string[]) : typeof v === "string" ? v.replace(/^{|}$/g, "").split(",").filter(Boolean) : [];
const json = (v: unknown): Labels => (typeof v === "string" ? (JSON.parse(v) as Labels) : ((v ?? {}) as Labels));

/**
 * Every pair to act on, in one set-based query: the enabled rules joined with the running
 * servers their selector picks (all tags present, environment, role) and the rule metric's
 * series of each; pairs whose condition holds on fresh data, full-joined with the live rule
 * instances (a live instance whose pair no longer holds — no data, back within the
 * threshold, server stopped, rule disabled or changed — comes back with `holds` false).
 */
export async function loadCandidates(tx: Executor, now: Date): Promise<Candidate[]> {
  const fresh = new Date(now.getTime() - staleAfterMs).toISOString();
  const result = await tx.execute(sql`
    with r as (
      select id, comparator, threshold, metric,
        array(select jsonb_array_elements_text(case when jsonb_typeof(selector->'tags') = 'array' then selector->'tags' else '[]'::jsonb end)) as tags,
        nullif(selector->>'environment', '') as environment,
        nullif(selector->>'role', '') as server_role
      from metric_rules where enabled
    ),
    m as (
      select r.id as rule_id, s.id as server_id, ms.last_value as value
      from r
      join servers s on s.status = 'running' and s.tags @> r.tags
        and (r.environment is null or s.environment = r.environment)
        and (r.server_role is null or s.role = r.server_role)
      join metric_series ms on ms.server_id = s.id and ms.name = r.metric
      where ms.last_ts >= ${fresh}::timestamptz and ms.last_value is not null
        and case r.comparator
          when 'gt' then ms.last_value > r.threshold
          when 'gte' then ms.last_value >= r.threshold
          when 'lt' then ms.last_value < r.threshold
          when 'lte' then ms.last_value <= r.threshold
          else false end
    ),
    l as (
      select ai.id, ai.rule_id, ai.server_id, ai.state, ai.active_at, ai.last_notified_at, ai.silenced_by, ai.incident_id, ai.labels,
        coalesce(ms.last_ts >= ${fresh}::timestamptz, false) as fresh
      from alert_instances ai
      join metric_rules lr on lr.id = ai.rule_id
      left join metric_series ms on ms.server_id = ai.server_id and ms.name = lr.metric
      where ai.source = 'rule' and ai.state in ('pending', 'firing')
    ),
    p as (
      select coalesce(m.rule_id, l.rule_id) as rule_id, coalesce(m.server_id, l.server_id) as server_id,
        m.rule_id is not null as holds, m.value,
        l.id as live_id, l.state as live_state, l.active_at, l.last_notified_at, l.silenced_by, l.incident_id, l.labels, l.fresh
      from m full join l on l.rule_id = m.rule_id and l.server_id = m.server_id
    )
    select p.*, mr.name as rule_name, mr.metric, mr.comparator, mr.threshold, mr.for_seconds, mr.severity,
      mr.open_incident, mr.notify_roles, mr.repeat_minutes,
      s.hostname, s.environment, s.role as server_role, s.tags
    from p
    join metric_rules mr on mr.id = p.rule_id
    join servers s on s.id = p.server_id`);
  return rowsOf<Raw>(result).map((r) => ({
    rule: {
      id: r.rule_id as string,
      name: r.rule_name as string,
      metric: r.metric as string,
      comparator: r.comparator as string,
      threshold: Number(r.threshold),
      forSeconds: Number(r.for_seconds),
      severity: r.severity as Severity,
      openIncident: r.open_incident === true,
      notifyRoles: array(r.notify_roles) as Role[],
      repeatMinutes: Number(r.repeat_minutes),
    },
    server: {
      id: r.server_id as string,
      hostname: r.hostname as string,
      environment: r.environment as string,
      role: (r.server_role as string) ?? "",
      tags: array(r.tags),
    },
    holds: r.holds === true,
    value: r.value === null || r.value === undefined ? null : Number(r.value),
    live: r.live_id
      ? {
          id: r.live_id as string,
          state: r.live_state as "pending" | "firing",
          activeAt: date(r.active_at)!,
          lastNotifiedAt: date(r.last_notified_at),
          silencedBy: (r.silenced_by as string | null) ?? null,
          incidentId: (r.incident_id as string | null) ?? null,
          labels: json(r.labels),
          fresh: r.fresh === true,
        }
      : null,
  }));
}
