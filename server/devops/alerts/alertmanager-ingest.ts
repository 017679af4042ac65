import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { alertInstances, servers } from "@/db/schema";
import { assertCan, type Actor } from "@/server/auth/actor";
import { externalIncident, externalMessage, externalName, externalServer, hostsOf, severityFromLabel } from "./alertmanager-alert";
import type { AlertmanagerAlert, AlertmanagerPayload, AlertmanagerResult } from "./alertmanager-schema";
import type { Labels } from "./fingerprint";
import { auditTransition, settleFiring, settleResolved } from "./instance-lifecycle";
import { activeSilences, type ActiveSilence } from "./silences-query";

/** The inventory's servers an alert names (hostname, or one of its addresses), by hostname. */
async function serversOf(tx: Executor, labels: Labels): Promise<{ id: string; hostname: string }[]> {
  const hosts = hostsOf(labels);
  if (hosts.length === 0) return [];
  const list = sql.join(
    hosts.map((h) => sql`${h}`),
    sql`, `,
  );
  return tx
    .select({ id: servers.id, hostname: servers.hostname })
    .from(servers)
    .where(
      sql`(lower(${servers.hostname}) in (${list}) or ${servers.addresses} && array[${list}]::text[]) and ${servers.status} <> 'decommissioned'`,
    )
    .orderBy(asc(servers.hostname))
    .limit(10);
}

async function receiveFiring(
  tx: Executor,
  actor: Actor,
  alert: AlertmanagerAlert,
  silences: readonly ActiveSilence[],
  now: Date,
): Promise<boolean> {
  const [live] = await tx
    .select({ id: alertInstances.id })
    .from(alertInstances)
    .where(and(eq(alertInstances.fingerprint, alert.fingerprint), ne(alertInstances.state, "resolved")))
    .limit(1);
  if (live) return false;
  const startsAt = alert.startsAt ?? now;
  // The same firing (fingerprint + startsAt) already seen and resolved: a late replay.
  const [seen] = await tx
    .select({ id: alertInstances.id })
    .from(alertInstances)
    .where(and(eq(alertInstances.fingerprint, alert.fingerprint), eq(alertInstances.startsAt, startsAt)))
    .limit(1);
  if (seen) return false;
  const matched = await serversOf(tx, alert.labels);
  const name = externalName(alert.labels, alert.fingerprint);
  const annotations: Labels = { ...alert.annotations, ...(alert.generatorURL ? { generatorURL: alert.generatorURL } : {}) };
  const [row] = await tx
    .insert(alertInstances)
    .values({
      source: "alertmanager",
      serverId: matched[0]?.id ?? null,
      fingerprint: alert.fingerprint,
      name,
      severity: severityFromLabel(alert.labels.severity),
      labels: alert.labels,
      annotations,
      state: "firing",
      activeAt: startsAt,
      startsAt,
      firedAt: startsAt,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return false; // a concurrent delivery inserted it first
  await auditTransition(tx, row.id, null, "firing", now, { actor });
  const server = externalServer(alert.labels, matched[0]?.hostname ?? null);
  await settleFiring(
    tx,
    {
      id: row.id,
      labels: alert.labels,
      lastNotifiedAt: null,
      silencedBy: null,
      incidentId: null,
      message: externalMessage(name, alert.labels, annotations, server),
      repeatMinutes: null,
      incident: externalIncident(
        name,
        alert.labels,
        annotations,
        server,
        matched.map((s) => s.id),
      ),
    },
    silences,
    now,
  );
  return true;
}

async function receiveResolved(tx: Executor, actor: Actor, alert: AlertmanagerAlert, now: Date): Promise<boolean> {
  const endsAt = alert.endsAt && alert.endsAt.getTime() <= now.getTime() ? alert.endsAt : now;
  const [row] = await tx
    .update(alertInstances)
    .set({ state: "resolved", resolvedAt: endsAt })
    .where(
      and(
        eq(alertInstances.fingerprint, alert.fingerprint),
        eq(alertInstances.source, "alertmanager"),
        ne(alertInstances.state, "resolved"),
      ),
    )
    .returning();
  if (!row) return false;
  await auditTransition(tx, row.id, "firing", "resolved", endsAt, { actor });
  const [server] = row.serverId ? await tx.select({ hostname: servers.hostname }).from(servers).where(eq(servers.id, row.serverId)) : [];
  const labels = row.labels as Labels;
  await settleResolved(
    tx,
    {
      lastNotifiedAt: row.lastNotifiedAt,
      incidentId: row.incidentId,
      message: externalMessage(row.name, labels, row.annotations as Labels, externalServer(labels, server?.hostname ?? null)),
      alertName: row.name,
    },
    endsAt,
  );
  return true;
}

/**
 * An Alertmanager v4 notification (`monitoring.alertmanager`: admins, partner keys with
 * alerts:write), alert by alert, de-duplicated by fingerprint (the last occurrence wins):
 * - firing, no live instance with that fingerprint (and not this very firing, already
 *   resolved) → a firing instance, the devops role notified, an incident opened (severity
 *   from the `severity` label, servers from instance/server/hostname); silenced → both wait
 *   for the silence to end;
 * - firing with a live instance → nothing (Alertmanager repeats: a replay);
 * - resolved with a live instance → resolved, the devops role told, its incident resolved;
 * - resolved without one → nothing.
 */
export async function receiveAlertmanager(
  tx: Executor,
  actor: Actor,
  payload: AlertmanagerPayload,
  now: Date = new Date(),
): Promise<AlertmanagerResult> {
  assertCan(actor, "monitoring.alertmanager");
  const alerts = new Map(payload.alerts.map((a) => [a.fingerprint, a]));
  const silences = await activeSilences(tx, now);
  let opened = 0;
  let resolved = 0;
  for (const alert of alerts.values()) {
    if (alert.status === "firing") opened += (await receiveFiring(tx, actor, alert, silences, now)) ? 1 : 0;
    else resolved += (await receiveResolved(tx, actor, alert, now)) ? 1 : 0;
  }
  return { received: payload.alerts.length, opened, resolved, unchanged: payload.alerts.length - opened - resolved };
}
