import { z } from "zod";

/**
 * Meters: one zod schema per input, shared by the forms, the server actions and
 * /api/compteurs. Error messages are keys of the `validation` namespace.
 */
export const meterKinds = ["consumption", "production"] as const;
export type MeterKind = (typeof meterKinds)[number];

export const meterQuantities = ["energy", "power", "volume"] as const;
export type MeterQuantity = (typeof meterQuantities)[number];

/** The unit every value of a meter is stored in, fixed by its quantity. */
export const canonicalUnits = { energy: "kWh", power: "kW", volume: "m3" } as const satisfies Record<MeterQuantity, string>;
export type CanonicalUnit = (typeof canonicalUnits)[MeterQuantity];

export const meterCarriers = ["electricity", "natural_gas", "diesel", "water"] as const;
export type MeterCarrier = (typeof meterCarriers)[number];

/** `interval`: each reading is its interval's quantity (or average power); `cumulative`: a counter index. */
export const meterRegisters = ["interval", "cumulative"] as const;
export type MeterRegister = (typeof meterRegisters)[number];

/** Interval lengths offered by the form; any divisor of a day (in minutes) is accepted. */
export const commonIntervals = [5, 10, 15, 30, 60, 1440] as const;

/**
 * Letters and digits in groups separated by `-`, `_`, `.` or `:` (e.g. `DZ-ADR-PV01-M1`),
 * upper-cased: it is also one level of the MQTT topic `dihya/readings/<meter>`.
 */
export const meterCodePattern = /^[A-Z0-9]+(?:[-_.:][A-Z0-9]+)*$/;
const code = z
  .string("meterCodeInvalid")
  .trim()
  .toUpperCase()
  .min(2, "meterCodeInvalid")
  .max(64, "meterCodeInvalid")
  .regex(meterCodePattern, "meterCodeInvalid");
const name = z.string("required").trim().min(2, "nameTooShort").max(120, "nameTooLong");
const intervalMinutes = z
  .number("meterIntervalInvalid")
  .int("meterIntervalInvalid")
  .min(1, "meterIntervalInvalid")
  .max(1440, "meterIntervalInvalid")
  .refine((n) => 1440 % n === 0, "meterIntervalInvalid");
const rolloverAt = z.number("numberInvalid").positive("meterRolloverInvalid").max(1e15, "meterRolloverInvalid").nullable().optional();
const jitterTolerance = z.number("numberInvalid").min(0, "meterJitterInvalid").max(1e9, "meterJitterInvalid");

const fields = {
  siteId: z.uuid("siteRequired"),
  equipmentId: z.uuid("meterEquipmentUnknown").nullable().optional(),
  code,
  name,
  kind: z.enum(meterKinds, "meterKindInvalid"),
  quantity: z.enum(meterQuantities, "meterQuantityInvalid"),
  carrier: z.enum(meterCarriers, "meterCarrierInvalid"),
  intervalMinutes,
  register: z.enum(meterRegisters, "meterRegisterInvalid"),
  rolloverAt,
  jitterTolerance,
};

/** A counter index only makes sense for a quantity that accumulates (energy, volume). */
const registerFits = (v: { quantity?: MeterQuantity; register?: MeterRegister }) =>
  !(v.quantity === "power" && v.register === "cumulative");
const registerIssue = { message: "meterRegisterPower", path: ["register"] };

/** A new meter: its unit follows from `quantity`; `rolloverAt` and `jitterTolerance` matter for cumulative meters only. */
export const createMeterSchema = z
  .strictObject({
    ...fields,
    carrier: fields.carrier.default("electricity"),
    intervalMinutes: intervalMinutes.default(15),
    register: fields.register.default("interval"),
    jitterTolerance: jitterTolerance.default(0),
  })
  .refine(registerFits, registerIssue);
export type CreateMeterInput = z.input<typeof createMeterSchema>;
export type CreateMeter = z.output<typeof createMeterSchema>;

/**
 * A partial edit (PATCH). `siteId`, `quantity`, `register` and `intervalMinutes` are fixed
 * once the meter has readings (409 `meterHasReadings`). `active: true` reactivates a meter.
 */
export const updateMeterSchema = z
  .strictObject({
    siteId: fields.siteId.optional(),
    equipmentId: fields.equipmentId,
    code: code.optional(),
    name: name.optional(),
    kind: fields.kind.optional(),
    quantity: fields.quantity.optional(),
    carrier: fields.carrier.optional(),
    intervalMinutes: intervalMinutes.optional(),
    register: fields.register.optional(),
    rolloverAt,
    jitterTolerance: jitterTolerance.optional(),
    active: z.boolean("invalid").optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "nothingToChange")
  .refine(registerFits, registerIssue);
export type UpdateMeterInput = z.input<typeof updateMeterSchema>;
export type UpdateMeter = z.output<typeof updateMeterSchema>;

/** An empty parameter (a submitted empty form field) means "no filter". */
const blank = z.literal("").transform(() => undefined);
const filterShape = {
  /** Searches code and name (case-insensitive). */
  q: z.string().trim().max(120, "invalid").optional(),
  site: z.uuid("invalid").or(blank).optional(),
  kind: z.enum(meterKinds, "invalid").or(blank).optional(),
  quantity: z.enum(meterQuantities, "invalid").or(blank).optional(),
  /** `true`: active meters only; `false`: deactivated ones only; absent: both. */
  active: z.enum(["true", "false"], "invalid").or(blank).optional(),
};

export const listMetersQuery = z.strictObject({
  ...filterShape,
  cursor: z.string().max(400, "invalid").optional(),
  limit: z.coerce.number("invalid").int("invalid").min(1, "invalid").max(500, "invalid").default(50),
});
export type ListMetersQuery = z.output<typeof listMetersQuery>;
