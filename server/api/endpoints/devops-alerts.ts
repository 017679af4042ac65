import "server-only";
import { z } from "zod";
import { matcherOps } from "@/lib/devops/alert-matchers";
import { createSilenceSchema, listSilencesQuery, silenceStates } from "@/lib/devops/alert-silence-schema";
import { severities } from "@/lib/devops/severity";
import {
  listMetricRulesQuery,
  metricRuleSchema,
  ruleComparators,
  ruleEnvironments,
  ruleNotifyRoles,
  updateMetricRuleSchema,
} from "@/lib/validation/metric-rules";
import { alertmanagerPayloadSchema, alertmanagerResultSchema } from "@/server/devops/alerts/alertmanager-schema";
import { endpoint } from "../endpoint";
import { page } from "../schemas";

const time = z.iso.datetime();

const ruleDto = z.object({
  id: z.uuid(),
  name: z.string(),
  metric: z.string().describe("Series name as agents push it (cpu, memory, disk, load, net_rx, net_tx, or a custom one)."),
  selector: z
    .object({
      tags: z.array(z.string()).optional().describe("Every tag must be on the server."),
      environment: z.enum(ruleEnvironments).optional(),
      role: z.string().optional(),
    })
    .describe("Which running servers the rule watches; empty: all of them."),
  comparator: z.enum(ruleComparators),
  threshold: z.number(),
  forSeconds: z.number().int().describe("How long the condition must hold (pending) before firing; 0 fires at once."),
  severity: z.enum(severities),
  openIncident: z.boolean().describe("Open an incident with the first notification, resolve it with the alert."),
  notifyRoles: z.array(z.enum(ruleNotifyRoles)),
  repeatMinutes: z.number().int().describe("Re-notify while it keeps firing, at most this often."),
  enabled: z.boolean(),
  createdBy: z.string(),
  createdAt: time,
  updatedAt: time,
  firing: z.number().int(),
  pending: z.number().int(),
  hasHistory: z.boolean().describe("Alerts were raised: the rule can be disabled, not deleted."),
});

const silenceDto = z.object({
  id: z.uuid(),
  matchers: z.array(z.object({ name: z.string(), op: z.enum(matcherOps), value: z.string() })),
  startsAt: time,
  endsAt: time,
  createdBy: z.string(),
  comment: z.string(),
  expiredAt: time.nullable(),
  createdAt: time,
  state: z.enum(silenceStates),
  silencing: z.number().int().describe("Live alerts it silences now."),
});

export const listMetricRules = endpoint({
  id: "listMetricRules",
  method: "GET",
  path: "/api/monitoring/rules",
  tag: "monitoring",
  permission: "monitoring.read",
  template: "devops",
  query: listMetricRulesQuery,
  response: page(ruleDto),
});

export const createMetricRule = endpoint({
  id: "createMetricRule",
  method: "POST",
  path: "/api/monitoring/rules",
  tag: "monitoring",
  permission: "monitoring.write",
  template: "devops",
  body: metricRuleSchema,
  response: ruleDto,
  status: 201,
});

export const getMetricRule = endpoint({
  id: "getMetricRule",
  method: "GET",
  path: "/api/monitoring/rules/{id}",
  tag: "monitoring",
  permission: "monitoring.read",
  template: "devops",
  response: ruleDto,
});

export const updateMetricRule = endpoint({
  id: "updateMetricRule",
  method: "PATCH",
  path: "/api/monitoring/rules/{id}",
  tag: "monitoring",
  permission: "monitoring.write",
  template: "devops",
  body: updateMetricRuleSchema,
  response: ruleDto,
});

export const deleteMetricRule = endpoint({
  id: "deleteMetricRule",
  method: "DELETE",
  path: "/api/monitoring/rules/{id}",
  tag: "monitoring",
  permission: "monitoring.write",
  template: "devops",
  status: 204,
});

export const listSilences = endpoint({
  id: "listSilences",
  method: "GET",
  path: "/api/monitoring/silences",
  tag: "monitoring",
  permission: "monitoring.read",
  template: "devops",
  query: listSilencesQuery,
  response: page(silenceDto),
});

export const createSilence = endpoint({
  id: "createSilence",
  method: "POST",
  path: "/api/monitoring/silences",
  tag: "monitoring",
  permission: "monitoring.write",
  template: "devops",
  body: createSilenceSchema,
  response: silenceDto,
  status: 201,
});

export const expireSilence = endpoint({
  id: "expireSilence",
  method: "DELETE",
  path: "/api/monitoring/silences/{id}",
  tag: "monitoring",
  permission: "monitoring.write",
  template: "devops",
  status: 204,
});

export const receiveAlertmanager = endpoint({
  id: "receiveAlertmanager",
  method: "POST",
  path: "/api/monitoring/alertmanager",
  tag: "monitoring",
  permission: "monitoring.alertmanager",
  template: "devops",
  body: alertmanagerPayloadSchema,
  response: alertmanagerResultSchema,
  maxBytes: 4 * 1024 * 1024,
});
