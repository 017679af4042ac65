import "server-only";
import { and, asc, gte, lt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { incidents } from "@/db/schema";
import { businessSecondsBetween, zonedInstant } from "@/lib/devops/business-time";
import { severities, type Severity } from "@/lib/devops/severity";
import type { SlaClock } from "@/lib/devops/sla-clock";
import { assertCan, type Actor } from "@/server/auth/actor";
import type { IncidentRow } from "./create-incident";
import { incidentClocks, policyCache } from "./incident-clocks";
import { incidentRef } from "./incident-notify";
import { loadPolicy } from "./sla-policy";

/** Months are read on the default calendar's wall clock. */
export const reportTimezone = "Africa/Algiers";

export type SlaIncidentLine = {
  ref: string;
  id: string;
  title: string;
  severity: Severity;
  status: string;
  policy: string | null;
  openedAt: Date;
  ackDueAt: Date | null;
  acknowledgedAt: Date | null;
  ackState: SlaClock["state"] | null;
  resolveDueAt: Date | null;
  resolvedAt: Date | null;
  resolveState: SlaClock["state"] | null;
  /** Business minutes from opening to acknowledgement / resolution (minus paused time), null while open. */
  ackMinutes: number | null;
  resolveMinutes: number | null;
  pausedMinutes: number;
};

export type SlaSeverityRow = {
  severity: Severity | "all";
  count: number;
  ackMetPercent: number | null;
  resolveMetPercent: number | null;
  ackBreached: number;
  resolveBreached: number;
  medianAckMinutes: number | null;
  medianResolveMinutes: number | null;
};

export function monthBounds(month: string): { from: Date; to: Date } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const next = m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 };
  return {
    from: new Date(zonedInstant({ y, m, d: 1 }, "00:00", reportTimezone)),
    to: new Date(zonedInstant({ ...next, d: 1 }, "00:00", reportTimezone)),
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}

const pct = (met: number, decided: number) => (decided === 0 ? null : Math.round((1000 * met) / decided) / 10);

function aggregate(severity: Severity | "all", lines: SlaIncidentLine[]): SlaSeverityRow {
  const decided = (k: "ackState" | "resolveState") => lines.filter((l) => l[k] === "met" || l[k] === "breached");
  const met = (k: "ackState" | "resolveState") => lines.filter((l) => l[k] === "met").length;
  return {
    severity,
    count: lines.length,
    ackMetPercent: pct(met("ackState"), decided("ackState").length),
    resolveMetPercent: pct(met("resolveState"), decided("resolveState").length),
    ackBreached: lines.filter((l) => l.ackState === "breached").length,
    resolveBreached: lines.filter((l) => l.resolveState === "breached").length,
    medianAckMinutes: median(lines.flatMap((l) => (l.ackMinutes === null ? [] : [l.ackMinutes]))),
    medianResolveMinutes: median(lines.flatMap((l) => (l.resolveMinutes === null ? [] : [l.resolveMinutes]))),
  };
}

/** The incidents opened in `month` ("YYYY-MM", Africa/Algiers), each with its SLA outcome at `now` (`incidents.read`). */
export async function slaLines(tx: Executor, actor: Actor, month: string, now: Date = new Date()): Promise<SlaIncidentLine[]> {
  assertCan(actor, "incidents.read");
  const { from, to } = monthBounds(month);
  const rows: IncidentRow[] = await tx
    .select()
    .from(incidents)
    .where(and(gte(incidents.createdAt, from), lt(incidents.createdAt, to)))
    .orderBy(asc(incidents.createdAt), asc(incidents.number));
  const policyOf = policyCache((id) => loadPolicy(tx, id));
  const lines: SlaIncidentLine[] = [];
  for (const r of rows) {
    const policy = await policyOf(r.slaPolicyId);
    const cal = policy?.calendar ?? null;
    const clocks = incidentClocks(r, policy, now);
    const minutes = (end: Date | null, minus = 0) =>
      end ? Math.max(0, Math.round((businessSecondsBetween(r.createdAt, end, cal) - minus) / 60)) : null;
    lines.push({
      ref: incidentRef(r.number),
      id: r.id,
      title: r.title,
      severity: r.severity as Severity,
      status: r.status,
      policy: policy?.name ?? null,
      openedAt: r.createdAt,
      ackDueAt: r.ackDueAt,
      acknowledgedAt: r.acknowledgedAt,
      ackState: clocks.ack?.state ?? null,
      resolveDueAt: r.resolveDueAt,
      resolvedAt: r.resolvedAt,
      resolveState: clocks.resolve?.state ?? null,
      ackMinutes: minutes(r.acknowledgedAt),
      resolveMinutes: minutes(r.resolvedAt, r.pausedSeconds),
      pausedMinutes: Math.round(r.pausedSeconds / 60),
    });
  }
  return lines;
}

/** Monthly compliance per severity and overall: counts, % met (of decided clocks), breaches, medians in business minutes. */
export async function slaReport(
  tx: Executor,
  actor: Actor,
  month: string,
  now: Date = new Date(),
): Promise<{ month: string; rows: SlaSeverityRow[]; total: SlaSeverityRow }> {
  const lines = await slaLines(tx, actor, month, now);
  return {
    month,
    rows: severities.map((s) =>
      aggregate(
        s,
        lines.filter((l) => l.severity === s),
      ),
    ),
    total: aggregate("all", lines),
  };
}
