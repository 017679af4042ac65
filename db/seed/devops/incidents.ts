import { and, eq, like } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users } from "@/db/schema";
import { addBusinessSeconds } from "@/lib/devops/business-time";
import { isRole } from "@/lib/permissions";
import type { Actor, UserActor } from "@/server/auth/actor";
import { assignIncident } from "@/server/devops/incidents/assign-incident";
import { commentIncident } from "@/server/devops/incidents/comment-incident";
import { openIncidentFromAlert, resolveIncidentFromAlert } from "@/server/devops/incidents/incident-alerts";
import { openIncident } from "@/server/devops/incidents/open-incident";
import { pauseIncident, resumeIncident } from "@/server/devops/incidents/pause-incident";
import { updateReview } from "@/server/devops/incidents/review-incident";
import { checkSlaClocks } from "@/server/devops/incidents/sla-check";
import { pickPolicy, targetSeconds } from "@/server/devops/incidents/sla-policy";
import { transitionIncident } from "@/server/devops/incidents/transition-incident";
import { incidentScenarios, type Action } from "./incident-scenarios";

const minute = 60_000;

async function demoUser(tx: Tx, emails: string[], role: string): Promise<UserActor | null> {
  const rows = await tx
    .select()
    .from(users)
    .where(and(eq(users.role, role), eq(users.disabled, false), like(users.email, "%@demo.dihya.dz")));
  const row = emails.map((e) => rows.find((r) => r.email === e)).find(Boolean) ?? rows[0];
  if (!row || !isRole(row.role)) return null;
  return { kind: "user", id: row.id, role: row.role, name: row.name, email: row.email, locale: "fr", theme: "system" };
}

type Step = { at: Date; run: (tx: Tx) => Promise<unknown> };

/**
 * About twelve demo incidents over the last 30 days, through the incident services with a
 * controlled clock: met and breached SLAs (the SLA job is run at each clock's warning and
 * deadline instants), closed ones with their review, one waiting on the requester, one from
 * an alert, an open sev3 under investigation assigned to devops@demo.dihya.dz and a sev1
 * triggered a few minutes ago. The requester is user@demo.dihya.dz when it exists (else the
 * demo account of role `user`). `servers`: demo servers to relate (by position).
 */
export async function seedIncidents(tx: Tx, actor: Actor, servers: { id: string }[], now: Date = new Date()): Promise<number> {
  const devops = (await demoUser(tx, ["devops@demo.dihya.dz"], "devops")) ?? actor;
  const requester = (await demoUser(tx, ["user@demo.dihya.dz", "agent@demo.dihya.dz"], "user")) ?? actor;
  const sv = (ix: number[]) => ix.flatMap((i) => (servers[i % Math.max(1, servers.length)] ? [servers[i % servers.length]!.id] : []));
  const scenarios = incidentScenarios(now);

  // Every step of every incident, in time order, with the SLA job run at each clock's warning and deadline.
  const ids: string[] = [];
  const steps: Step[] = [];
  const policy = await pickPolicy(tx, []);
  scenarios.forEach((s, i) => {
    steps.push({
      at: s.start,
      run: async (t) => {
        if (s.opener === "alert") {
          const r = await openIncidentFromAlert(t, {
            title: s.title,
            description: s.description,
            severity: s.severity,
            serverIds: sv(s.servers),
            source: "alert",
            alertInstanceId: "00000000-0000-4000-8000-000000000001",
            alertName: "cpu-high",
            at: s.start,
          });
          ids[i] = r.id;
        } else {
          const opener = s.opener === "user" ? requester : devops;
          const serverIds = s.opener === "user" ? [] : sv(s.servers);
          const r = await openIncident(
            t,
            opener,
            { title: s.title, description: s.description, severity: s.severity, serverIds },
            { at: s.start, source: "ui" },
          );
          ids[i] = r.id;
        }
      },
    });
    if (policy) {
      const target = targetSeconds(policy, s.severity);
      for (const secs of [target.ack, target.resolve]) {
        for (const share of [policy.warnPercent / 100, 1]) {
          const at = addBusinessSeconds(s.start, Math.ceil(secs * share), policy.calendar);
          if (at < now) steps.push({ at, run: (t) => checkSlaClocks(t, at) });
        }
      }
    }
    for (const [after, action] of s.steps) {
      const at = new Date(s.start.getTime() + after * minute);
      if (at >= now) continue;
      steps.push({ at, run: (t) => apply(t, ids[i]!, action, at) });
    }
  });

  async function apply(t: Tx, id: string, action: Action, at: Date): Promise<unknown> {
    if ("to" in action) return transitionIncident(t, devops, id, action.to, { at, note: action.note });
    if ("assign" in action) return assignIncident(t, actor, id, devops.kind === "user" ? devops.id : null, { at });
    if ("comment" in action) return commentIncident(t, action.by === "user" ? requester : devops, id, action.comment, { at });
    if ("pause" in action) return pauseIncident(t, devops, id, { at, reason: action.pause });
    if ("resume" in action) return resumeIncident(t, devops, id, { at });
    if ("review" in action) return updateReview(t, devops, id, action.review, { at });
    return resolveIncidentFromAlert(t, id, { alertName: action.alertResolved, at });
  }

  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const step of steps) await step.run(tx);
  return ids.filter(Boolean).length;
}
