import "server-only";
import { z } from "zod";

const labelName = z.string().min(1).max(200);
const labelMap = z.record(labelName, z.string().max(4000));

/** Go's RFC 3339 times (nanoseconds, offsets); the zero time 0001-01-01 (a firing alert's endsAt) reads as null. */
const amTime = z
  .string()
  .max(64)
  .transform((v, ctx) => {
    const normalised = v.replace(/(\.\d{3})\d+/, "$1");
    const ms = Date.parse(normalised);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: "custom", message: "Not an RFC 3339 time." });
      return z.NEVER;
    }
    return ms < Date.UTC(1971, 0, 1) ? null : new Date(ms);
  });

export const alertmanagerAlertSchema = z.object({
  status: z.enum(["firing", "resolved"]),
  labels: labelMap.describe("Identify the alert; `alertname`, `severity`, `instance`/`server`/`hostname` are read."),
  annotations: labelMap.default({}).describe("`summary` and `description` go into the notification and the incident."),
  startsAt: amTime.describe("RFC 3339; with the fingerprint, it identifies one firing (a replay changes nothing)."),
  endsAt: amTime.optional().describe("0001-01-01T00:00:00Z while firing; the resolution time once resolved."),
  generatorURL: z.string().max(2000).default(""),
  fingerprint: z
    .string()
    .regex(/^[0-9A-Za-z_-]{1,128}$/, "A hex fingerprint as Alertmanager computes it.")
    .describe("Alertmanager's hash of the labels: the de-duplication key."),
});

/**
 * Alertmanager's webhook body, version 4 (prometheus.io/docs/alerting/latest/configuration/#webhook_config).
 * Unknown fields (Grafana adds orgId, values, …) are ignored; another `version` → 422.
 */
export const alertmanagerPayloadSchema = z.object({
  version: z.literal("4", "Only the Alertmanager webhook version 4 is accepted."),
  groupKey: z.string().max(4000),
  truncatedAlerts: z.number().int().min(0).default(0),
  status: z.enum(["firing", "resolved"]),
  receiver: z.string().max(400),
  groupLabels: labelMap.default({}),
  commonLabels: labelMap.default({}),
  commonAnnotations: labelMap.default({}),
  externalURL: z.string().max(2000).default(""),
  alerts: z.array(alertmanagerAlertSchema).max(1000),
});
export type AlertmanagerPayload = z.output<typeof alertmanagerPayloadSchema>;
export type AlertmanagerAlert = z.output<typeof alertmanagerAlertSchema>;

export const alertmanagerResultSchema = z.object({
  received: z.number().int().describe("Alerts in the payload."),
  opened: z.number().int().describe("New firing alerts (each opened an incident)."),
  resolved: z.number().int().describe("Live alerts resolved (and their incidents)."),
  unchanged: z.number().int().describe("Replays and duplicates: nothing changed."),
});
export type AlertmanagerResult = z.output<typeof alertmanagerResultSchema>;
