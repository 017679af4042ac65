import "server-only";
import { z } from "zod";
import {
  createInterventionSchema,
  exportInterventionsQuery,
  interventionKinds,
  interventionSources,
  interventionStatuses,
  listInterventionsQuery,
  updateInterventionSchema,
} from "@/lib/validation/maintenance";
import { endpoint } from "../endpoint";
import { page } from "../schemas";

const part = z.object({ name: z.string(), quantity: z.number() });

const interventionDto = z.object({
  id: z.uuid(),
  reference: z.string().describe("INT-<year>-<5 digits>, unique."),
  kind: z.enum(interventionKinds),
  source: z.enum(interventionSources),
  status: z.enum(interventionStatuses),
  title: z.string(),
  description: z.string().nullable(),
  equipmentId: z.uuid(),
  equipmentName: z.string(),
  equipmentType: z.string(),
  siteId: z.uuid(),
  siteCode: z.string(),
  siteName: z.string(),
  siteTimezone: z.string().describe("IANA zone of the site: the planned times are its wall-clock times."),
  siteAddress: z.string().nullable(),
  plannedStart: z.iso.datetime(),
  plannedEnd: z.iso.datetime(),
  plannedDurationMinutes: z.number().int(),
  planDueOn: z.iso.date().nullable().describe("Due date of the preventive plan served, if any."),
  assignedTo: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  startedAt: z.iso.datetime().nullable(),
  completedAt: z.iso.datetime().nullable(),
  report: z.object({ actions: z.string(), parts: z.array(part), timeSpentMinutes: z.number().int() }).nullable(),
  checklist: z.array(z.object({ label: z.string(), done: z.boolean() })),
  cancelReason: z.string().nullable(),
  overdue: z.boolean().describe("Planned or in progress, and the planned end is past."),
  createdBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const listInterventions = endpoint({
  id: "listInterventions",
  method: "GET",
  path: "/api/maintenance",
  tag: "maintenance",
  permission: "maintenance.read",
  orPermission: "interventions.assigned",
  template: "energy",
  query: listInterventionsQuery,
  response: page(interventionDto),
});

export const createIntervention = endpoint({
  id: "createIntervention",
  method: "POST",
  path: "/api/maintenance",
  tag: "maintenance",
  permission: "maintenance.write",
  template: "energy",
  body: createInterventionSchema,
  response: interventionDto,
  status: 201,
});

export const getIntervention = endpoint({
  id: "getIntervention",
  method: "GET",
  path: "/api/maintenance/{id}",
  tag: "maintenance",
  permission: "maintenance.read",
  orPermission: "interventions.assigned",
  template: "energy",
  response: interventionDto,
});

export const updateIntervention = endpoint({
  id: "updateIntervention",
  method: "PATCH",
  path: "/api/maintenance/{id}",
  tag: "maintenance",
  permission: "maintenance.write",
  orPermission: "interventions.assigned",
  template: "energy",
  body: updateInterventionSchema,
  response: interventionDto,
});

export const exportInterventions = endpoint({
  id: "exportInterventions",
  method: "GET",
  path: "/api/export/maintenance",
  tag: "maintenance",
  permission: "maintenance.write",
  template: "energy",
  query: exportInterventionsQuery,
  produces: "text/csv",
});
