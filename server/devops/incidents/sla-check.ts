import "server-only";
import { and, eq, inArray, isNotNull, isNull, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { incidents } from "@/db/schema";
import { activeStatuses } from "@/lib/devops/incident-status";
import type { ClockKind, SlaClock } from "@/lib/devops/sla-clock";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import type { IncidentRow } from "./create-incident";
import { incidentClocks, policyCache } from "./incident-clocks";
import { notifyIncident } from "./incident-notify";
import { loadPolicy } from "./sla-policy";
import { addIncidentEvent } from "./timeline";

export const slaActor: Actor = { kind: "system", id: "devops.sla" };

const columns = {
  ack: { warned: "ackWarnedAt", breached: "ackBreachedAt" },
  resolve: { warned: "resolveWarnedAt", breached: "resolveBreachedAt" },
} as const;

/** Records and announces one SLA event (warning or breach) of one clock. */
/** "2026-01-18 13:05 (Africa/Algiers)": the deadline on the calendar's wall clock, for messages. */
function wallTime(at: Date, timezone: string): string {
  const text = new Intl.DateTimeFormat("en-CA", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
  return `${text.replace(",", "")} (${timezone})`;
}

async function announce(tx: Executor, incident: IncidentRow, clock: SlaClock, event: "warning" | "breached", now: Date, timezone: string) {
  const kind = event === "warning" ? "sla_warning" : "sla_breach";
  const data = { clock: clock.kind, dueAt: clock.dueAt.toISOString(), percentUsed: clock.percentUsed };
  await addIncidentEvent(tx, incident.id, { kind, actorLabel: "system", data, at: now });
  await recordAudit(tx, {
    actor: slaActor,
    action: event === "warning" ? "incident.sla_warning" : "incident.sla_breached",
    entityType: "incident",
    entityId: incident.id,
    changes: { [clock.kind]: { old: null, new: data } },
  });
  await notifyIncident(tx, incident, {
    to: { role: "devops" },
    kind: `devops.sla.${event}`,
    message: `devops.sla.${event}.${clock.kind}`,
    params: { percent: clock.percentUsed, due: wallTime(clock.dueAt, timezone) },
    at: now,
  });
}

/**
 * The SLA job's pass at `now`: for every counting clock (ack while not acknowledged,
 * resolve while not resolved; paused incidents skipped), the warning once at ≥ warn % of
 * the business time used, the breach once at 100 %. A clock breached before its warning
 * was sent gets only the breach. Returns how many events were sent.
 */
export async function checkSlaClocks(tx: Executor, now: Date = new Date()): Promise<{ warnings: number; breaches: number }> {
  const rows = await tx
    .select()
    .from(incidents)
    .where(
      and(
        inArray(incidents.status, [...activeStatuses]),
        isNull(incidents.pausedAt),
        or(
          and(isNotNull(incidents.ackDueAt), isNull(incidents.acknowledgedAt), isNull(incidents.ackBreachedAt)),
          and(isNotNull(incidents.resolveDueAt), isNull(incidents.resolvedAt), isNull(incidents.resolveBreachedAt)),
        ),
      ),
    )
    .for("update", { skipLocked: true });
  const policyOf = policyCache((id) => loadPolicy(tx, id));
  const sent = { warnings: 0, breaches: 0 };
  for (const incident of rows) {
    const policy = await policyOf(incident.slaPolicyId);
    const clocks = incidentClocks(incident, policy, now);
    const zone = policy?.calendar.timezone ?? "UTC";
    const patch: Partial<IncidentRow> = {};
    for (const kind of ["ack", "resolve"] as ClockKind[]) {
      const clock = clocks[kind];
      if (!clock || clock.stoppedAt) continue;
      const col = columns[kind];
      if (incident[col.breached]) continue;
      if (clock.state === "breached") {
        patch[col.breached] = now;
        if (!incident[col.warned]) patch[col.warned] = now;
        await announce(tx, incident, clock, "breached", now, zone);
        sent.breaches++;
      } else if (clock.state === "warning" && !incident[col.warned]) {
        patch[col.warned] = now;
        await announce(tx, incident, clock, "warning", now, zone);
        sent.warnings++;
      }
    }
    if (Object.keys(patch).length > 0) await tx.update(incidents).set(patch).where(eq(incidents.id, incident.id));
  }
  return sent;
}
