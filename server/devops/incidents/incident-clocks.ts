import "server-only";
import { computeClock, type SlaClock } from "@/lib/devops/sla-clock";
import type { Severity } from "@/lib/devops/severity";
import type { IncidentRow } from "./create-incident";
import { targetSeconds, type LoadedPolicy } from "./sla-policy";

type ClockFields = Pick<
  IncidentRow,
  "severity" | "ackDueAt" | "resolveDueAt" | "acknowledgedAt" | "resolvedAt" | "cancelledAt" | "pausedAt"
>;

/** Both SLA clocks of an incident at `now` (null where the incident has no deadline). */
export function incidentClocks(
  incident: ClockFields,
  policy: LoadedPolicy | null,
  now: Date,
): { ack: SlaClock | null; resolve: SlaClock | null } {
  const targets = policy ? targetSeconds(policy, incident.severity as Severity) : { ack: 0, resolve: 0 };
  const common = {
    cancelledAt: incident.cancelledAt,
    pausedAt: incident.pausedAt,
    warnPercent: policy?.warnPercent ?? 80,
    now,
    calendar: policy?.calendar ?? null,
  };
  return {
    ack: computeClock({
      ...common,
      kind: "ack",
      dueAt: incident.ackDueAt,
      stoppedAt: incident.acknowledgedAt,
      targetSeconds: targets.ack,
    }),
    resolve: computeClock({
      ...common,
      kind: "resolve",
      dueAt: incident.resolveDueAt,
      stoppedAt: incident.resolvedAt,
      targetSeconds: targets.resolve,
    }),
  };
}

/** Policies loaded once per request or job run. */
export function policyCache(load: (id: string) => Promise<LoadedPolicy | null>) {
  const cache = new Map<string, Promise<LoadedPolicy | null>>();
  return (id: string | null): Promise<LoadedPolicy | null> => {
    if (!id) return Promise.resolve(null);
    let p = cache.get(id);
    if (!p) {
      p = load(id);
      cache.set(id, p);
    }
    return p;
  };
}
