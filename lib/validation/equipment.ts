import { z } from "zod";

/** Error messages are keys of the `validation` namespace in messages/*.json. */
export const equipmentTypes = [
  "transformer",
  "inverter",
  "turbine",
  "meter",
  "panel_string",
  "battery",
  "breaker",
  "generator",
  "pump",
  "other",
] as const;
export type EquipmentType = (typeof equipmentTypes)[number];

export const equipmentStates = ["operational", "degraded", "failed", "out_of_service"] as const;
export type EquipmentState = (typeof equipmentStates)[number];

/** Lowest to highest. */
export const criticalities = ["low", "medium", "high", "critical"] as const;
export type Criticality = (typeof criticalities)[number];

/** A preventive plan repeats every N calendar days, or every N operating hours of the counter. */
export const planKinds = ["days", "hours"] as const;
export type PlanKind = (typeof planKinds)[number];

/** Upper bounds of a plan interval: ten years in days, 100 000 operating hours. */
export const planIntervalMax: Record<PlanKind, number> = { days: 3650, hours: 100_000 };

/** List orders; a leading `-` means descending. Missing dates sort last either way. */
export const equipmentSorts = [
  "name",
  "-name",
  "next_due",
  "-next_due",
  "-criticality",
  "criticality",
  "commissioned",
  "-commissioned",
] as const;
export type EquipmentSort = (typeof equipmentSorts)[number];

const name = z.string().trim().min(2, "nameTooShort").max(120, "nameTooLong");
const shortText = z.string().trim().max(80, "textTooLong");
const optionalText = shortText
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();
const day = z.iso.date("dateInvalid");
const hours = z.number("hoursInvalid").min(0, "hoursInvalid").max(10_000_000, "hoursInvalid");

const fields = {
  siteId: z.uuid("siteRequired"),
  name,
  type: z.enum(equipmentTypes, "typeInvalid"),
  serialNumber: optionalText,
  manufacturer: optionalText,
  model: optionalText,
  commissionedOn: day.nullable().optional(),
  criticality: z.enum(criticalities, "criticalityInvalid"),
  planKind: z.enum(planKinds, "planKindInvalid").nullable().optional(),
  planInterval: z.number("planIntervalInvalid").int("planIntervalInvalid").positive("planIntervalInvalid").nullable().optional(),
  /** The operating-hours counter (hours-based plans read it). */
  operatingHours: hours.optional(),
  /** Counter value at the last preventive service (default: 0, i.e. counted from commissioning). */
  hoursAtLastService: hours.nullable().optional(),
  lastServiceOn: day.nullable().optional(),
};

type PlanShape = { planKind?: PlanKind | null; planInterval?: number | null };

/** A plan needs both its kind and its interval, within bounds. */
function checkPlan(v: PlanShape, ctx: z.RefinementCtx) {
  if (v.planKind && (v.planInterval === null || v.planInterval === undefined)) {
    ctx.addIssue({ code: "custom", message: "planIntervalRequired", path: ["planInterval"] });
  }
  if (v.planKind && v.planInterval && v.planInterval > planIntervalMax[v.planKind]) {
    ctx.addIssue({ code: "custom", message: "planIntervalTooLarge", path: ["planInterval"] });
  }
}

export const createEquipmentSchema = z
  .strictObject({
    ...fields,
    criticality: fields.criticality.default("medium"),
    state: z.enum(equipmentStates, "stateInvalid").default("operational"),
  })
  .superRefine(checkPlan);
export type CreateEquipmentInput = z.input<typeof createEquipmentSchema>;
export type CreateEquipment = z.output<typeof createEquipmentSchema>;

/**
 * A partial change. `null` clears an optional field; `planKind: null` removes the plan
 * (and its interval). Setting `state` works as a state change (failed raises the alarm).
 */
export const updateEquipmentSchema = z
  .strictObject({
    siteId: fields.siteId.optional(),
    name: name.optional(),
    type: fields.type.optional(),
    serialNumber: fields.serialNumber,
    manufacturer: fields.manufacturer,
    model: fields.model,
    commissionedOn: fields.commissionedOn,
    criticality: fields.criticality.optional(),
    planKind: fields.planKind,
    planInterval: fields.planInterval,
    operatingHours: fields.operatingHours,
    hoursAtLastService: fields.hoursAtLastService,
    lastServiceOn: fields.lastServiceOn,
    state: z.enum(equipmentStates, "stateInvalid").optional(),
    stateReason: z.string().trim().max(500, "reasonTooLong").optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "nothingToChange");
export type UpdateEquipmentInput = z.input<typeof updateEquipmentSchema>;
export type UpdateEquipment = z.output<typeof updateEquipmentSchema>;

export const changeStateSchema = z.strictObject({
  id: z.uuid(),
  state: z.enum(equipmentStates, "stateInvalid"),
  reason: z.string().trim().max(500, "reasonTooLong").optional(),
});

/** An empty parameter (a submitted empty form field) means "no filter". */
const none = z.literal("");
const filterShape = {
  q: z.string().trim().max(120, "invalid").optional(),
  site: z.uuid("invalid").or(none).optional(),
  type: z.enum(equipmentTypes, "invalid").or(none).optional(),
  state: z.enum(equipmentStates, "invalid").or(none).optional(),
  criticality: z.enum(criticalities, "invalid").or(none).optional(),
  /** Next due date on or before this day. */
  due_before: day.or(none).optional(),
  /** `true`: next due date already past (Africa/Algiers calendar day). */
  overdue: z.enum(["true", "false", ""], "invalid").optional(),
  sort: z.enum(equipmentSorts, "invalid").or(none).optional(),
};

/**
 * Equipment filters, shared by the list page, GET /api/equipements and the export: `q`
 * searches name, serial number and manufacturer (case-insensitive).
 */
export const equipmentFilters = z.strictObject(filterShape);
export type EquipmentFilters = z.output<typeof equipmentFilters>;
export const equipmentFilterKeys = Object.keys(filterShape) as (keyof EquipmentFilters)[];

export const listEquipmentQuery = z.strictObject({
  ...filterShape,
  cursor: z.string().max(300, "invalid").optional(),
  limit: z.coerce.number("invalid").int("invalid").min(1, "invalid").max(500, "invalid").default(50),
});
export type ListEquipmentQuery = z.output<typeof listEquipmentQuery>;

export const exportEquipmentQuery = z.strictObject({ ...filterShape, format: z.enum(["csv", "pdf"], "invalid") });
export type ExportEquipmentQuery = z.output<typeof exportEquipmentQuery>;
