import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { alertInstances, servers } from "@/db/schema";
import { ruleMessage, rounded, comparatorSymbol } from "./alert-notify";
import { externalIncident, externalMessage, externalServer } from "./alertmanager-alert";
import { tryLockAlerts } from "./alerts-lock";
import { loadCandidates, type Candidate } from "./candidates";
import type { Labels } from "./fingerprint";
import { auditTransition, settleFiring, settleResolved, type FiringInstance } from "./instance-lifecycle";
import { dropPending, insertInstances, promoteInstances, refreshLiveValues, resolveInstances } from "./rule-transitions";
import { activeSilences, type ActiveSilence } from "./silences-query";

/**
 * At most this many notifications and resolutions per evaluation (most severe first): a
 * fleet-wide breach is announced over a few 15-second rounds instead of one long
 * transaction. Instances left over keep their state and are taken up by the next round.
 */
export const maxAnnouncementsPerRun = 250;

export type EvaluationSummary = { pending: number; fired: number; resolved: number; dropped: number; notified: number; silenced: number };

function incidentOf(c: Candidate, value: number | null): FiringInstance["incident"] {
  if (!c.rule.openIncident) return null;
  return {
    title: `${c.rule.name} — ${c.server.hostname}`.slice(0, 200),
    description: `${c.rule.metric} ${comparatorSymbol[c.rule.comparator] ?? c.rule.comparator} ${rounded(c.rule.threshold)} : ${rounded(value)}`,
    severity: c.rule.severity,
    serverIds: [c.server.id],
    source: "alert",
    alertName: c.rule.name,
  };
}

function firingOf(
  c: Candidate,
  state: {
    id: string;
    labels: Labels;
    lastNotifiedAt: Date | null;
    silencedBy: string | null;
    incidentId: string | null;
    value: number | null;
  },
): FiringInstance {
  return {
    id: state.id,
    labels: state.labels,
    lastNotifiedAt: state.lastNotifiedAt,
    silencedBy: state.silencedBy,
    incidentId: state.incidentId,
    message: ruleMessage(c.rule, c.server.hostname, state.value),
    repeatMinutes: c.rule.repeatMinutes,
    incident: incidentOf(c, state.value),
  };
}

/**
 * Evaluates every enabled metric rule at `now` (default: the clock), in the caller's
 * transaction, with a fixed number of set-based statements plus one write per change:
 * - condition true, no live instance → pending (active since now), or firing at once when `for` is 0;
 * - pending for `for_seconds` or more → firing;
 * - condition false (back within, no data for 5 minutes, server or rule gone) → a pending
 *   instance is dropped silently, a firing one resolved;
 * - then every firing instance goes through settleFiring (silences, first notification,
 *   repeats after `repeat_minutes`, the rule's incident) and every resolved one through
 *   settleResolved. Alertmanager instances hidden by a silence that has ended are told then.
 * Idempotent at a given `now`. Another process evaluating at the same moment holds the
 * advisory lock: this call then does nothing and returns null.
 */
export async function evaluateAlerts(
  tx: Executor,
  options: { now?: Date; maxAnnouncements?: number } = {},
): Promise<EvaluationSummary | null> {
  const now = options.now ?? new Date();
  const budget = options.maxAnnouncements ?? maxAnnouncementsPerRun;
  if (!(await tryLockAlerts(tx))) return null;
  const summary: EvaluationSummary = { pending: 0, fired: 0, resolved: 0, dropped: 0, notified: 0, silenced: 0 };
  await refreshLiveValues(tx);
  const candidates = await loadCandidates(tx, now);
  const silences = await activeSilences(tx, now);
  const firing: FiringInstance[] = [];

  for (const { candidate: c, row } of await insertInstances(
    tx,
    candidates.filter((c) => c.holds && !c.live),
    now,
  )) {
    if (row.state !== "firing") {
      summary.pending++;
      continue;
    }
    summary.fired++;
    await auditTransition(tx, row.id, null, "firing", now);
    firing.push(firingOf(c, { ...row, labels: row.labels as Labels, value: c.value }));
  }

  const due = candidates.filter(
    (c) => c.holds && c.live?.state === "pending" && now.getTime() - c.live.activeAt.getTime() >= c.rule.forSeconds * 1000,
  );
  const promoted = await promoteInstances(
    tx,
    due.map((c) => c.live!.id),
    now,
  );
  for (const c of due.filter((c) => promoted.has(c.live!.id))) {
    summary.fired++;
    await auditTransition(tx, c.live!.id, "pending", "firing", now);
    firing.push(firingOf(c, { ...c.live!, value: c.value }));
  }
  for (const c of candidates.filter((c) => c.holds && c.live?.state === "firing")) firing.push(firingOf(c, { ...c.live!, value: c.value }));

  summary.dropped = await dropPending(
    tx,
    candidates.filter((c) => !c.holds && c.live?.state === "pending").map((c) => c.live!.id),
  );
  const ending = candidates.filter((c) => !c.holds && c.live?.state === "firing").slice(0, budget);
  const byId = new Map(ending.map((c) => [c.live!.id, c]));
  for (const row of await resolveInstances(tx, [...byId.keys()], now)) {
    const c = byId.get(row.id)!;
    summary.resolved++;
    await auditTransition(tx, row.id, "firing", "resolved", now);
    await settleResolved(
      tx,
      {
        lastNotifiedAt: row.lastNotifiedAt,
        incidentId: row.incidentId,
        message: { ...ruleMessage(c.rule, c.server.hostname, row.value), noData: !c.live!.fresh },
        alertName: c.rule.name,
      },
      now,
    );
  }

  firing.sort((a, b) => a.message.severity.localeCompare(b.message.severity));
  for (const instance of firing) {
    if (summary.notified >= budget) break;
    const outcome = await settleFiring(tx, instance, silences, now);
    if (outcome === "notified") summary.notified++;
    else if (outcome === "silenced") summary.silenced++;
  }
  summary.notified += await settleSilencedExternal(tx, silences, now);
  return summary;
}

/** Alertmanager instances a silence hid: told (and their incident opened) once no silence covers them. */
async function settleSilencedExternal(tx: Executor, silences: readonly ActiveSilence[], now: Date): Promise<number> {
  const rows = await tx
    .select({ row: alertInstances, hostname: servers.hostname })
    .from(alertInstances)
    .leftJoin(servers, eq(servers.id, alertInstances.serverId))
    .where(and(eq(alertInstances.source, "alertmanager"), eq(alertInstances.state, "firing"), isNotNull(alertInstances.silencedBy)));
  let told = 0;
  for (const { row, hostname } of rows) {
    const labels = row.labels as Labels;
    const annotations = row.annotations as Labels;
    const server = externalServer(labels, hostname);
    const outcome = await settleFiring(
      tx,
      {
        id: row.id,
        labels,
        lastNotifiedAt: row.lastNotifiedAt,
        silencedBy: row.silencedBy,
        incidentId: row.incidentId,
        message: externalMessage(row.name, labels, annotations, server),
        repeatMinutes: null,
        incident: externalIncident(row.name, labels, annotations, server, row.serverId ? [row.serverId] : []),
      },
      silences,
      now,
    );
    if (outcome === "notified") told++;
  }
  return told;
}
