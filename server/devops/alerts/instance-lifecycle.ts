import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { alertInstances } from "@/db/schema";
import type { Severity } from "@/lib/devops/severity";
import type { Actor, SystemActor } from "@/server/auth/actor";
import { openIncidentFromAlert, resolveIncidentFromAlert } from "@/server/devops/incidents/incident-alerts";
import { recordAudit } from "@/server/platform/audit";
import { announceFiring, announceResolved, type AlertMessage } from "./alert-notify";
import type { Labels } from "./fingerprint";
import { silenceFor, type ActiveSilence } from "./silences-query";

/** Who fires and resolves alert instances in the audit trail. */
export const alertsActor: SystemActor = { kind: "system", id: "devops.alerts" };

/** A firing instance as the notification step sees it. */
export type FiringInstance = {
  id: string;
  labels: Labels;
  lastNotifiedAt: Date | null;
  silencedBy: string | null;
  incidentId: string | null;
  message: AlertMessage;
  /** Re-notify while firing every so many minutes; null: never (Alertmanager repeats itself). */
  repeatMinutes: number | null;
  /** The incident to open with the first notification, when the rule asks for one. */
  incident: {
    title: string;
    description: string;
    severity: Severity;
    serverIds: string[];
    source: "alert" | "alertmanager";
    alertName: string;
  } | null;
};

/** The audit row of a transition, by the evaluation (default) or by whoever sent it (an Alertmanager key). */
export async function auditTransition(
  tx: Executor,
  id: string,
  from: string | null,
  to: "firing" | "resolved",
  at: Date,
  options: { reason?: string; actor?: Actor } = {},
) {
  const reason = options.reason;
  await recordAudit(tx, {
    actor: options.actor ?? alertsActor,
    action: to === "firing" ? "alert_instance.fired" : "alert_instance.resolved",
    entityType: "alert_instance",
    entityId: id,
    changes: {
      state: { old: from, new: to },
      [to === "firing" ? "firedAt" : "resolvedAt"]: { old: null, new: at.toISOString() },
      ...(reason ? { reason: { old: null, new: reason } } : {}),
    },
  });
}

/**
 * The notification step of a firing instance:
 * - a silence in force matches its labels → nobody is told; the silence is recorded on it;
 * - else it is told once when it starts firing (or when the silence that hid it ends), then
 *   again every `repeatMinutes` while it keeps firing; the first notification opens the
 *   rule's incident when asked (never while silenced).
 * Returns what happened.
 */
export async function settleFiring(
  tx: Executor,
  instance: FiringInstance,
  silences: readonly ActiveSilence[],
  now: Date,
): Promise<"silenced" | "notified" | "quiet"> {
  const silence = silenceFor(silences, instance.labels);
  if (silence) {
    if (instance.silencedBy !== silence)
      await tx.update(alertInstances).set({ silencedBy: silence }).where(eq(alertInstances.id, instance.id));
    return "silenced";
  }
  const last = instance.lastNotifiedAt;
  const due =
    last === null ||
    instance.silencedBy !== null ||
    (instance.repeatMinutes !== null && now.getTime() - last.getTime() >= instance.repeatMinutes * 60_000);
  if (!due) return "quiet";
  await announceFiring(tx, instance.message, last !== null);
  let incidentId = instance.incidentId;
  if (instance.incident && !incidentId) {
    incidentId = (await openIncidentFromAlert(tx, { ...instance.incident, alertInstanceId: instance.id, at: now })).id;
  }
  await tx.update(alertInstances).set({ lastNotifiedAt: now, silencedBy: null, incidentId }).where(eq(alertInstances.id, instance.id));
  return "notified";
}

/**
 * After an instance resolved: one resolution notification if its firing was notified, and
 * its incident resolved (the incidents module leaves a resolved or closed one as it is).
 */
export async function settleResolved(
  tx: Executor,
  instance: { lastNotifiedAt: Date | null; incidentId: string | null; message: AlertMessage; alertName: string },
  now: Date,
): Promise<void> {
  if (instance.lastNotifiedAt) await announceResolved(tx, instance.message);
  if (instance.incidentId) await resolveIncidentFromAlert(tx, instance.incidentId, { alertName: instance.alertName, at: now });
}
