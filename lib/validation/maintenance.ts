import { z } from "zod";

/** Error messages are keys of the `validation` namespace in messages/*.json. */
export const interventionKinds = ["preventive", "corrective", "inspection"] as const;
export type InterventionKind = (typeof interventionKinds)[number];

/** planned → in_progress → done, or planned|in_progress → cancelled. */
export const interventionStatuses = ["planned", "in_progress", "done", "cancelled"] as const;
export type InterventionStatus = (typeof interventionStatuses)[number];

/** Where an intervention comes from: a person, a preventive plan, a QR fault report, an alarm. */
export const interventionSources = ["manual", "plan", "fault_report", "alarm"] as const;
export type InterventionSource = (typeof interventionSources)[number];

export const durationMax = 7 * 24 * 60;
const title = z.string().trim().min(3, "interventionTitleLength").max(200, "interventionTitleLength");
const description = z.string().trim().max(5000, "interventionDescriptionTooLong");
const duration = z
  .number("plannedDurationInvalid")
  .int("plannedDurationInvalid")
  .min(5, "plannedDurationInvalid")
  .max(durationMax, "plannedDurationInvalid");
/** An instant with its offset (`2026-12-01T08:00:00+01:00` or `…Z`). */
const instant = z.iso.datetime({ offset: true, error: "plannedStartInvalid" }).transform((s) => new Date(s));
const checklistItem = z.strictObject({
  label: z.string().trim().min(1, "checklistItemInvalid").max(200, "checklistItemInvalid"),
});
export const checklistMax = 30;

/** POST /api/maintenance: a manual intervention. `plannedStart` is an instant with its offset. */
export const createInterventionSchema = z.strictObject({
  equipmentId: z.uuid("interventionEquipmentRequired"),
  kind: z.enum(interventionKinds, "interventionKindInvalid"),
  title,
  description: description.optional(),
  plannedStart: instant,
  plannedDurationMinutes: duration,
  assignedTo: z.uuid("assigneeNotTechnician").nullable().default(null),
  checklist: z.array(checklistItem).max(checklistMax, "checklistTooLong").default([]),
});
export type CreateInterventionBody = z.output<typeof createInterventionSchema>;

/**
 * The planning form: the planned start is a wall-clock time (`YYYY-MM-DDTHH:mm`) in the
 * equipment's site zone; the checklist is one item per line.
 */
export const interventionFormSchema = z.strictObject({
  equipmentId: z.uuid("interventionEquipmentRequired"),
  kind: z.enum(interventionKinds, "interventionKindInvalid"),
  title,
  description,
  plannedStartLocal: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "plannedStartInvalid"),
  plannedDurationMinutes: duration,
  assignedTo: z.union([z.uuid("assigneeNotTechnician"), z.literal("")]),
  checklistText: z
    .string()
    .max(checklistMax * 201, "checklistTooLong")
    .refine((text) => checklistLines(text).length <= checklistMax, "checklistTooLong")
    .refine((text) => checklistLines(text).every((l) => l.length <= 200), "checklistItemInvalid"),
});
export type InterventionFormInput = z.input<typeof interventionFormSchema>;

/** Non-empty trimmed lines of the checklist textarea. */
export function checklistLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

export const partSchema = z.strictObject({
  name: z.string().trim().min(1, "partNameRequired").max(200, "partNameRequired"),
  quantity: z.number("partQuantityInvalid").positive("partQuantityInvalid").max(100_000, "partQuantityInvalid"),
});

/** The report written when an intervention is finished. `checklist`: done flags, in the intervention's checklist order. */
export const reportSchema = z.strictObject({
  actions: z.string().trim().min(1, "reportActionsRequired").max(5000, "reportActionsTooLong"),
  parts: z.array(partSchema).max(50, "partsTooMany").default([]),
  timeSpentMinutes: z.number("timeSpentInvalid").int("timeSpentInvalid").min(1, "timeSpentInvalid").max(durationMax, "timeSpentInvalid"),
  checklist: z.array(z.boolean("invalid")).max(checklistMax, "checklistMismatch").default([]),
});
export type ReportInput = z.input<typeof reportSchema>;
export type Report = z.output<typeof reportSchema>;

/**
 * PATCH /api/maintenance/{id}: one transition (`{status:"in_progress"}`,
 * `{status:"done", report}`, `{status:"cancelled", reason}`), or a reschedule/reassign
 * (`plannedStart`, `plannedDurationMinutes`, `assignedTo`; planned interventions only).
 */
export const updateInterventionSchema = z
  .strictObject({
    status: z.enum(["in_progress", "done", "cancelled"], "interventionStatusInvalid").optional(),
    report: reportSchema.optional(),
    reason: z.string().trim().min(3, "cancelReasonRequired").max(1000, "cancelReasonTooLong").optional(),
    plannedStart: instant.optional(),
    plannedDurationMinutes: duration.optional(),
    assignedTo: z.uuid("assigneeNotTechnician").nullable().optional(),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", message, path: [path] });
    const edits = v.plannedStart !== undefined || v.plannedDurationMinutes !== undefined || v.assignedTo !== undefined;
    if (!v.status && !edits) issue("status", "nothingToChange");
    if (v.status && edits) issue("status", "transitionAlone");
    if (v.status === "done" && !v.report) issue("report", "reportActionsRequired");
    if (v.status === "cancelled" && !v.reason) issue("reason", "cancelReasonRequired");
    if (v.report && v.status !== "done") issue("report", "reportNeedsDone");
    if (v.reason && v.status !== "cancelled") issue("reason", "reasonNeedsCancel");
  });
export type UpdateInterventionInput = z.output<typeof updateInterventionSchema>;

/** The reschedule form: a wall-clock time in the site's zone. */
export const rescheduleFormSchema = z.strictObject({
  plannedStartLocal: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "plannedStartInvalid"),
  plannedDurationMinutes: duration,
});
export type RescheduleFormInput = z.input<typeof rescheduleFormSchema>;

const day = z.iso.date("dateInvalid").or(z.literal("")).optional();
const id = z.uuid("invalid").or(z.literal("")).optional();

/**
 * List filters, shared by GET /api/maintenance, the planning page and the export. `from`/`to`
 * are calendar days in each site's zone, both included; `overdue=true`: planned or in
 * progress with the planned end past. Empty values mean "no filter".
 */
const filterShape = {
  site: id,
  equipment: id,
  technician: id,
  kind: z.enum(interventionKinds, "interventionKindInvalid").or(z.literal("")).optional(),
  status: z.enum(interventionStatuses, "interventionStatusInvalid").or(z.literal("")).optional(),
  from: day,
  to: day,
  overdue: z
    .enum(["true", "false", ""], "invalid")
    .transform((v) => (v === "" ? undefined : v === "true"))
    .optional(),
};
const periodInOrder = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to;
const periodIssue = { message: "maintenancePeriodInvalid", path: ["to"] };

export const interventionFilters = z.strictObject(filterShape).refine(periodInOrder, periodIssue);
export type InterventionFilters = z.output<typeof interventionFilters>;

export const listInterventionsQuery = z
  .strictObject({
    ...filterShape,
    order: z.enum(["asc", "desc"], "invalid").default("desc"),
    cursor: z.string().max(300, "invalid").optional(),
    limit: z.coerce.number("invalid").int("invalid").min(1, "invalid").max(500, "invalid").default(50),
  })
  .refine(periodInOrder, periodIssue);
export type ListInterventionsQuery = z.output<typeof listInterventionsQuery>;

export const exportInterventionsQuery = z
  .strictObject({ ...filterShape, format: z.enum(["csv", "pdf"], "invalid") })
  .refine(periodInOrder, periodIssue);

/**
 * What `createIntervention` accepts from other modules (the equipment and fault-report
 * services, the preventive job): checked again there, whatever the caller validated.
 */
export const interventionInputSchema = z
  .object({
    equipmentId: z.uuid("interventionEquipmentRequired"),
    kind: z.enum(interventionKinds, "interventionKindInvalid"),
    title,
    description: description.nullish(),
    plannedStart: z.date("plannedStartInvalid").refine((d) => !Number.isNaN(d.getTime()), "plannedStartInvalid"),
    plannedDurationMinutes: duration,
    assignedTo: z.uuid("assigneeNotTechnician").nullable(),
    source: z.enum(interventionSources, "invalid").default("manual"),
    planDueOn: z.iso.date("dateInvalid").optional(),
    checklist: z
      .array(z.object({ label: checklistItem.shape.label }))
      .max(checklistMax, "checklistTooLong")
      .default([]),
  })
  .refine((v) => v.planDueOn === undefined || v.kind === "preventive", { message: "planDueOnPreventiveOnly", path: ["planDueOn"] });
export type InterventionInput = z.input<typeof interventionInputSchema>;

/** The finish form: the report with every list present (the API lets them default to empty). */
export const reportFormSchema = reportSchema.extend({
  parts: z.array(partSchema).max(50, "partsTooMany"),
  checklist: z.array(z.boolean("invalid")).max(checklistMax, "checklistMismatch"),
});
export type ReportFormInput = z.input<typeof reportFormSchema>;
