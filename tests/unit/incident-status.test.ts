import { describe, expect, it } from "vitest";
import {
  activeStatuses,
  canTransition,
  incidentStatuses,
  incidentTransitions,
  isFinal,
  stampsFor,
  type IncidentStamps,
} from "@/lib/devops/incident-status";

const none: IncidentStamps = { acknowledgedAt: null, mitigatedAt: null, resolvedAt: null, closedAt: null, cancelledAt: null };
const t = new Date("2026-02-01T10:00:00Z");

describe("incident lifecycle", () => {
  it("allows the documented moves only", () => {
    expect(canTransition("triggered", "acknowledged")).toBe(true);
    expect(canTransition("triggered", "resolved")).toBe(true);
    expect(canTransition("triggered", "closed")).toBe(false);
    expect(canTransition("triggered", "mitigated")).toBe(false);
    expect(canTransition("acknowledged", "closed")).toBe(false);
    expect(canTransition("mitigated", "cancelled")).toBe(false);
    expect(canTransition("resolved", "investigating")).toBe(true);
    expect(canTransition("resolved", "triggered")).toBe(false);
    expect(isFinal("closed")).toBe(true);
    expect(isFinal("cancelled")).toBe(true);
    expect(incidentTransitions.closed).toEqual([]);
  });

  it("is coherent: no self-loops, every target exists, every status reachable from triggered", () => {
    const seen = new Set<string>(["triggered"]);
    const queue = ["triggered"] as (typeof incidentStatuses)[number][];
    while (queue.length) {
      const s = queue.shift()!;
      for (const to of incidentTransitions[s]) {
        expect(incidentStatuses).toContain(to);
        expect(to).not.toBe(s);
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...incidentStatuses].sort());
    // Every active status can end (resolved or cancelled) and closed is only reached from resolved.
    for (const s of activeStatuses) expect(incidentTransitions[s].some((to) => to === "resolved")).toBe(true);
    expect(incidentStatuses.filter((s) => incidentTransitions[s].includes("closed"))).toEqual(["resolved"]);
  });

  it("acknowledging stops the TTA clock, resolving the TTR clock, reopening clears resolvedAt", () => {
    expect(stampsFor(none, "triggered", "acknowledged", t)).toEqual({ acknowledgedAt: t });
    expect(stampsFor(none, "triggered", "investigating", t)).toEqual({ acknowledgedAt: t });
    expect(stampsFor(none, "triggered", "cancelled", t)).toEqual({ cancelledAt: t });
    const acked = { ...none, acknowledgedAt: new Date("2026-02-01T09:00:00Z") };
    expect(stampsFor(acked, "investigating", "mitigated", t)).toEqual({ mitigatedAt: t });
    expect(stampsFor(acked, "investigating", "resolved", t)).toEqual({ resolvedAt: t, mitigatedAt: t });
    const resolved = { ...acked, mitigatedAt: t, resolvedAt: t };
    expect(stampsFor(resolved, "resolved", "investigating", t)).toEqual({ resolvedAt: null });
    expect(stampsFor(resolved, "resolved", "closed", t)).toEqual({ closedAt: t });
  });
});
