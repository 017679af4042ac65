import "server-only";
import type { SlaClock, SlaClockDto } from "@/lib/devops/sla-clock";
import type { IncidentRow } from "./create-incident";
import { incidentRef } from "./incident-notify";

export type { SlaClockDto };

export type IncidentSummaryDto = {
  id: string;
  number: number;
  ref: string;
  title: string;
  severity: string;
  status: string;
  source: string;
  openedBy: string;
  assignee: { id: string; name: string } | null;
  paused: boolean;
  createdAt: string;
  updatedAt: string;
  sla: { ack: SlaClockDto | null; resolve: SlaClockDto | null };
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function clockDto(clock: SlaClock | null): SlaClockDto | null {
  if (!clock) return null;
  return {
    kind: clock.kind,
    dueAt: clock.dueAt.toISOString(),
    targetSeconds: clock.targetSeconds,
    remainingSeconds: clock.remainingSeconds,
    percentUsed: clock.percentUsed,
    state: clock.state,
    ticking: clock.ticking,
    tickUntil: iso(clock.tickUntil),
    stoppedAt: iso(clock.stoppedAt),
  };
}

export function summaryDto(
  row: IncidentRow,
  assignee: { id: string; name: string } | null,
  clocks: { ack: SlaClock | null; resolve: SlaClock | null },
): IncidentSummaryDto {
  return {
    id: row.id,
    number: row.number,
    ref: incidentRef(row.number),
    title: row.title,
    severity: row.severity,
    status: row.status,
    source: row.source,
    openedBy: row.openedByLabel,
    assignee,
    paused: row.pausedAt !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    sla: { ack: clockDto(clocks.ack), resolve: clockDto(clocks.resolve) },
  };
}
