import "server-only";
import { addBusinessSeconds, businessSecondsBetween, type BusinessCalendar } from "@/lib/devops/business-time";
import type { IncidentRow } from "./create-incident";

/**
 * Resuming a paused incident (ServiceNow pattern): the paused span, in business time on the
 * policy's calendar, is added to every deadline still counting (ack while not acknowledged,
 * resolve while not resolved) and to `paused_seconds`.
 */
export function resumePatch(incident: IncidentRow, at: Date, calendar: BusinessCalendar | null) {
  if (!incident.pausedAt) return null;
  const paused = businessSecondsBetween(incident.pausedAt, at, calendar);
  return {
    pausedSeconds: paused,
    patch: {
      pausedAt: null,
      pausedSeconds: incident.pausedSeconds + paused,
      ackDueAt: incident.ackDueAt && !incident.acknowledgedAt ? addBusinessSeconds(incident.ackDueAt, paused, calendar) : incident.ackDueAt,
      resolveDueAt:
        incident.resolveDueAt && !incident.resolvedAt ? addBusinessSeconds(incident.resolveDueAt, paused, calendar) : incident.resolveDueAt,
    },
  };
}

/** Reopening a resolved incident: the resolve deadline moves by the business time spent resolved. */
export function reopenedResolveDue(incident: IncidentRow, at: Date, calendar: BusinessCalendar | null): Date | null {
  if (!incident.resolveDueAt || !incident.resolvedAt) return incident.resolveDueAt;
  return addBusinessSeconds(incident.resolveDueAt, businessSecondsBetween(incident.resolvedAt, at, calendar), calendar);
}
