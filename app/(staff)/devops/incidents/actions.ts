"use server";

import { z } from "zod";
import { incidentStatuses } from "@/lib/devops/incident-status";
import { severities } from "@/lib/devops/severity";
import { commentSchema, incidentFormSchema, reviewFormSchema } from "@/lib/validation/incidents";
import { defineAction } from "@/server/auth/define-action";
import { assignIncident } from "@/server/devops/incidents/assign-incident";
import { changeSeverity } from "@/server/devops/incidents/change-severity";
import { commentIncident } from "@/server/devops/incidents/comment-incident";
import { setIncidentServers } from "@/server/devops/incidents/incident-servers";
import { openIncident } from "@/server/devops/incidents/open-incident";
import { pauseIncident, resumeIncident } from "@/server/devops/incidents/pause-incident";
import { updateReview } from "@/server/devops/incidents/review-incident";
import { parseHostnames, serverIdsForHostnames } from "@/server/devops/incidents/server-lookup";
import { transitionIncident } from "@/server/devops/incidents/transition-incident";

const id = z.uuid();

const open = defineAction({ schema: incidentFormSchema, permission: "incidents.create" }, async ({ actor, input, tx }) => {
  const hostnames = parseHostnames(input.servers);
  const serverIds = hostnames.length > 0 ? await serverIdsForHostnames(tx, actor, hostnames) : [];
  const row = await openIncident(tx, actor, { title: input.title, description: input.description, severity: input.severity, serverIds });
  return { id: row.id };
});

const transition = defineAction(
  {
    schema: z.strictObject({ id, to: z.enum(incidentStatuses), note: z.string().trim().max(2000, "incidentTextTooLong").optional() }),
    permission: "incidents.manage",
  },
  async ({ actor, input, tx }) => {
    await transitionIncident(tx, actor, input.id, input.to, { note: input.note || null });
    return { id: input.id };
  },
);

const assign = defineAction(
  { schema: z.strictObject({ id, assigneeId: z.union([z.uuid(), z.literal("")]) }), permission: "incidents.manage" },
  async ({ actor, input, tx }) => {
    await assignIncident(tx, actor, input.id, input.assigneeId || null);
    return { id: input.id };
  },
);

const severity = defineAction(
  { schema: z.strictObject({ id, severity: z.enum(severities, "incidentSeverityInvalid") }), permission: "incidents.manage" },
  async ({ actor, input, tx }) => {
    await changeSeverity(tx, actor, input.id, input.severity);
    return { id: input.id };
  },
);

const comment = defineAction({ schema: commentSchema.extend({ id }), permission: "incidents.create" }, async ({ actor, input, tx }) => {
  await commentIncident(tx, actor, input.id, input.body);
  return { id: input.id };
});

const pause = defineAction(
  { schema: z.strictObject({ id, paused: z.boolean(), reason: z.string().trim().max(2000).optional() }), permission: "incidents.manage" },
  async ({ actor, input, tx }) => {
    if (input.paused) await pauseIncident(tx, actor, input.id, { reason: input.reason || null });
    else await resumeIncident(tx, actor, input.id);
    return { id: input.id };
  },
);

const review = defineAction({ schema: reviewFormSchema.extend({ id }), permission: "incidents.manage" }, async ({ actor, input, tx }) => {
  const { id: incidentId, ...fields } = input;
  await updateReview(tx, actor, incidentId, fields);
  return { id: incidentId };
});

const servers = defineAction(
  { schema: z.strictObject({ id, servers: z.string().max(5000, "incidentTextTooLong") }), permission: "incidents.manage" },
  async ({ actor, input, tx }) => {
    const ids = await serverIdsForHostnames(tx, actor, parseHostnames(input.servers));
    await setIncidentServers(tx, actor, input.id, ids);
    return { id: input.id };
  },
);

export async function openIncidentAction(input: unknown) {
  return open(input);
}
export async function transitionIncidentAction(input: unknown) {
  return transition(input);
}
export async function assignIncidentAction(input: unknown) {
  return assign(input);
}
export async function changeSeverityAction(input: unknown) {
  return severity(input);
}
export async function commentIncidentAction(input: unknown) {
  return comment(input);
}
export async function pauseIncidentAction(input: unknown) {
  return pause(input);
}
export async function reviewIncidentAction(input: unknown) {
  return review(input);
}
export async function incidentServersAction(input: unknown) {
  return servers(input);
}
