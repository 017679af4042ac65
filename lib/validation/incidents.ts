import { z } from "zod";
import { incidentStatuses } from "@/lib/devops/incident-status";
import { severities } from "@/lib/devops/severity";

/**
 * Incident inputs: one zod schema per input, shared by the forms, the server actions and the
 * API routes. Error messages are keys of the `validation` namespace.
 */

const title = z.string().trim().min(3, "incidentTitleTooShort").max(200, "incidentTitleTooLong");
const longText = z.string().trim().max(10_000, "incidentTextTooLong");
const serverIds = z.array(z.uuid("invalid")).max(50, "incidentTooManyServers");

export const openIncidentSchema = z.strictObject({
  title,
  description: longText.default(""),
  severity: z.enum(severities, "incidentSeverityInvalid"),
  serverIds: serverIds.default([]),
});
export type OpenIncidentInput = z.input<typeof openIncidentSchema>;
export type OpenIncident = z.output<typeof openIncidentSchema>;

/** The post-incident review (summary and root cause are required to close). */
export const reviewSchema = z.strictObject({
  summary: longText.nullable().optional(),
  rootCause: longText.nullable().optional(),
  impact: longText.nullable().optional(),
  followUps: longText.nullable().optional(),
});
export type ReviewInput = z.output<typeof reviewSchema>;

/** PATCH /api/incidents/{id}: any of these; the review is applied before the status (so one call can review and close). */
export const patchIncidentSchema = z
  .strictObject({
    status: z.enum(incidentStatuses, "incidentStatusInvalid").optional(),
    note: z.string().trim().max(2000, "incidentTextTooLong").optional(),
    assigneeId: z.uuid("invalid").nullable().optional(),
    severity: z.enum(severities, "incidentSeverityInvalid").optional(),
    serverIds: serverIds.optional(),
    paused: z.boolean().optional(),
  })
  .extend(reviewSchema.shape)
  .refine((v) => Object.values(v).some((x) => x !== undefined), "nothingToChange");
export type PatchIncident = z.output<typeof patchIncidentSchema>;

export const commentSchema = z.strictObject({ body: z.string().trim().min(1, "required").max(5000, "incidentTextTooLong") });

export const incidentListQuerySchema = z.object({
  status: z.enum([...incidentStatuses, "open"], "incidentStatusInvalid").optional(),
  severity: z.enum(severities, "incidentSeverityInvalid").optional(),
  assignee: z.union([z.uuid(), z.literal("me"), z.literal("none")]).optional(),
  q: z.string().trim().max(200).optional(),
  breached: z.enum(["1", "0", "true", "false"]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type IncidentListQuery = z.output<typeof incidentListQuerySchema>;

const minutes = z.coerce
  .number("incidentMinutesInvalid")
  .int("incidentMinutesInvalid")
  .min(1, "incidentMinutesInvalid")
  .max(525_600, "incidentMinutesInvalid");
export const policyTargetsSchema = z.strictObject(
  Object.fromEntries(severities.map((s) => [s, z.strictObject({ ackMinutes: minutes, resolveMinutes: minutes })])) as Record<
    (typeof severities)[number],
    z.ZodObject<{ ackMinutes: typeof minutes; resolveMinutes: typeof minutes }>
  >,
);
export const updatePolicySchema = z.strictObject({
  id: z.uuid(),
  targets: policyTargetsSchema,
  warnPercent: z.coerce
    .number("incidentPercentInvalid")
    .int("incidentPercentInvalid")
    .min(1, "incidentPercentInvalid")
    .max(99, "incidentPercentInvalid"),
});
export type UpdatePolicy = z.output<typeof updatePolicySchema>;

export const holidaySchema = z.strictObject({
  calendarId: z.uuid(),
  day: z.iso.date("dateInvalid"),
  name: z.string().trim().min(2, "nameTooShort").max(120, "nameTooLong"),
});
export const removeHolidaySchema = z.strictObject({ calendarId: z.uuid(), day: z.iso.date("dateInvalid") });

/** "YYYY-MM" of the SLA report. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "incidentMonthInvalid");

/** The "new incident" form: servers as typed hostnames (managers only). */
export const incidentFormSchema = z.strictObject({
  title,
  description: longText,
  severity: z.enum(severities, "incidentSeverityInvalid"),
  servers: z.string().max(5000, "incidentTextTooLong"),
});
export type IncidentFormValues = z.input<typeof incidentFormSchema>;

export const reviewFormSchema = z.strictObject({
  summary: longText,
  rootCause: longText,
  impact: longText,
  followUps: longText,
});
export type ReviewFormValues = z.input<typeof reviewFormSchema>;
