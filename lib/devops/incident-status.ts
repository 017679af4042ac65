/**
 * Incident lifecycle (Rootly / GLPI inspired):
 *
 *   triggered → acknowledged → investigating → mitigated → resolved → closed
 *        ╰──────────┴──────────────┴──→ cancelled          ╰→ investigating (reopen)
 *
 * Leaving `triggered` for any working status stops the time-to-acknowledge clock
 * (acknowledgedAt); `resolved` stops the time-to-resolve clock; reopening clears resolvedAt
 * and the clock resumes (the time spent resolved is not counted). `closed` and `cancelled` are final.
 */

export const incidentStatuses = ["triggered", "acknowledged", "investigating", "mitigated", "resolved", "closed", "cancelled"] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

export const incidentTransitions: Record<IncidentStatus, readonly IncidentStatus[]> = {
  triggered: ["acknowledged", "investigating", "resolved", "cancelled"],
  acknowledged: ["investigating", "mitigated", "resolved", "cancelled"],
  investigating: ["mitigated", "resolved", "cancelled"],
  mitigated: ["investigating", "resolved"],
  resolved: ["closed", "investigating"],
  closed: [],
  cancelled: [],
};

/** Statuses in which responders are still working: SLA clocks may run, the incident may be paused. */
export const activeStatuses: readonly IncidentStatus[] = ["triggered", "acknowledged", "investigating", "mitigated"];

export function isIncidentStatus(value: unknown): value is IncidentStatus {
  return typeof value === "string" && (incidentStatuses as readonly string[]).includes(value);
}

export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return incidentTransitions[from].includes(to);
}

export function isActive(status: IncidentStatus): boolean {
  return activeStatuses.includes(status);
}

export function isFinal(status: IncidentStatus): boolean {
  return incidentTransitions[status].length === 0;
}

/** The lifecycle timestamps an incident holds. */
export type IncidentStamps = {
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  cancelledAt: Date | null;
};

/**
 * The timestamps to write when moving `from` → `to` at `at` (only the changed ones).
 * Assumes the transition is allowed.
 */
export function stampsFor(current: IncidentStamps, from: IncidentStatus, to: IncidentStatus, at: Date): Partial<IncidentStamps> {
  const patch: Partial<IncidentStamps> = {};
  if (from === "triggered" && to !== "cancelled" && !current.acknowledgedAt) patch.acknowledgedAt = at;
  if (to === "mitigated" && !current.mitigatedAt) patch.mitigatedAt = at;
  if (to === "resolved") {
    patch.resolvedAt = at;
    if (!current.mitigatedAt) patch.mitigatedAt = at;
  }
  if (from === "resolved" && to === "investigating") patch.resolvedAt = null;
  if (to === "closed") patch.closedAt = at;
  if (to === "cancelled") patch.cancelledAt = at;
  return patch;
}
