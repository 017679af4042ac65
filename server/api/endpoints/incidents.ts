import "server-only";
import { z } from "zod";
import { incidentStatuses } from "@/lib/devops/incident-status";
import { severities } from "@/lib/devops/severity";
import { clockStates } from "@/lib/devops/sla-clock";
import { commentSchema, incidentListQuerySchema, monthSchema, openIncidentSchema, patchIncidentSchema } from "@/lib/validation/incidents";
import { endpoint } from "../endpoint";

const clockDto = z
  .object({
    kind: z.enum(["ack", "resolve"]),
    dueAt: z.iso.datetime().describe("Deadline snapshotted at opening, in business time on the policy's calendar (moved by pauses)."),
    targetSeconds: z.number().int(),
    remainingSeconds: z.number().int().describe("Business seconds left (negative: overdue), at the stop, the pause or now."),
    percentUsed: z.number().int(),
    state: z.enum(clockStates),
    ticking: z.boolean().describe("Whether the remaining time decreases now (counting, inside working hours)."),
    tickUntil: z.iso.datetime().nullable(),
    stoppedAt: z.iso.datetime().nullable(),
  })
  .nullable();

const summaryDto = z.object({
  id: z.uuid(),
  number: z.number().int(),
  ref: z.string().describe("INC-000123"),
  title: z.string(),
  severity: z.enum(severities),
  status: z.enum(incidentStatuses),
  source: z.enum(["ui", "api", "alert", "alertmanager"]),
  openedBy: z.string(),
  assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  paused: z.boolean().describe("Waiting on the requester: the SLA clocks are stopped."),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  sla: z.object({ ack: clockDto, resolve: clockDto }),
});

const detailDto = summaryDto.extend({
  description: z.string(),
  openedById: z.uuid().nullable(),
  review: z.object({
    summary: z.string().nullable(),
    rootCause: z.string().nullable(),
    impact: z.string().nullable(),
    followUps: z.string().nullable(),
  }),
  times: z.record(z.string(), z.iso.datetime().nullable()),
  pausedSeconds: z.number().int(),
  policy: z
    .object({ id: z.uuid(), name: z.string(), calendar: z.string(), timezone: z.string(), warnPercent: z.number().int() })
    .nullable(),
  servers: z.array(z.object({ id: z.uuid(), hostname: z.string() })),
  timeline: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      actor: z.string(),
      body: z.string().nullable(),
      data: z.record(z.string(), z.unknown()),
      at: z.iso.datetime(),
    }),
  ),
  transitions: z.array(z.enum(incidentStatuses)),
  canManage: z.boolean(),
});

export const listIncidents = endpoint({
  id: "listIncidents",
  method: "GET",
  path: "/api/incidents",
  tag: "incidents",
  permission: "incidents.read",
  orPermission: "incidents.create",
  template: "devops",
  query: incidentListQuerySchema,
  response: z.object({
    data: z.array(summaryDto),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  }),
});

export const createIncident = endpoint({
  id: "createIncident",
  method: "POST",
  path: "/api/incidents",
  tag: "incidents",
  permission: "incidents.create",
  template: "devops",
  body: openIncidentSchema,
  response: detailDto,
  status: 201,
});

export const getIncident = endpoint({
  id: "getIncident",
  method: "GET",
  path: "/api/incidents/{id}",
  tag: "incidents",
  permission: "incidents.read",
  orPermission: "incidents.create",
  template: "devops",
  response: detailDto,
});

export const updateIncident = endpoint({
  id: "updateIncident",
  method: "PATCH",
  path: "/api/incidents/{id}",
  tag: "incidents",
  permission: "incidents.manage",
  template: "devops",
  body: patchIncidentSchema,
  response: detailDto,
});

export const commentIncident = endpoint({
  id: "commentIncident",
  method: "POST",
  path: "/api/incidents/{id}/comments",
  tag: "incidents",
  permission: "incidents.create",
  template: "devops",
  body: commentSchema,
  response: z.object({ incidentId: z.uuid(), at: z.iso.datetime() }),
  status: 201,
});

export const exportSla = endpoint({
  id: "exportSla",
  method: "GET",
  path: "/api/export/sla",
  tag: "incidents",
  permission: "incidents.read",
  template: "devops",
  query: z.object({ month: monthSchema }),
  produces: "text/csv",
});
