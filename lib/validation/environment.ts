import { z } from "zod";

/**
 * Environment indicators, emission factors and targets: one zod schema per input, shared by
 * the page, the server actions and the API. Error messages are keys of the `validation`
 * namespace.
 */

/** A calendar month `YYYY-MM` (site-local months: see server/energy/environment/compute.ts). */
export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
/** The longest period one request may cover. */
export const maxMonths = 60;

const blank = z.literal("").transform(() => undefined);
const month = z.string("monthInvalid").regex(monthPattern, "monthInvalid");

export function monthIndex(value: string): number {
  return Number(value.slice(0, 4)) * 12 + Number(value.slice(5, 7)) - 1;
}

const filterShape = {
  site: z.uuid("invalid").or(blank).optional(),
  network: z.uuid("invalid").or(blank).optional(),
  from: month.or(blank).optional(),
  to: month.or(blank).optional(),
};

type Range = { from?: string; to?: string };
const ordered = (v: Range) => !v.from || !v.to || monthIndex(v.from) <= monthIndex(v.to);
const bounded = (v: Range) => !v.from || !v.to || monthIndex(v.to) - monthIndex(v.from) < maxMonths;
const rangeChecks = <T extends z.ZodType<Range>>(schema: T) =>
  schema.refine(ordered, { message: "monthOrder", path: ["to"] }).refine(bounded, { message: "monthRange", path: ["from"] });

/**
 * Filters of the indicators (page, GET /api/environnement, export): one site, or the sites
 * of one network, and a range of months (both ends included). Without `to`: the current
 * month; without `from`: eleven months before `to`.
 */
export const environmentFilters = rangeChecks(z.strictObject(filterShape));
export type EnvironmentFilters = z.output<typeof environmentFilters>;

export const environmentQuery = rangeChecks(
  z.strictObject({
    ...filterShape,
    cursor: z.string().max(600, "invalid").optional(),
    limit: z.coerce.number("invalid").int("invalid").min(1, "invalid").max(500, "invalid").default(100),
  }),
);
export type EnvironmentQuery = z.output<typeof environmentQuery>;

export const environmentExportQuery = rangeChecks(z.strictObject({ ...filterShape, format: z.enum(["csv"], "invalid").default("csv") }));

/** A non-negative decimal typed by a person: `0.634`, `0,634`; at most `int` + `scale` digits. */
const decimalText = (int: number, scale: number, message: string) =>
  z
    .string(message)
    .trim()
    .transform((v) => v.replace(",", "."))
    .pipe(z.string().regex(new RegExp(`^\\d{1,${int}}(\\.\\d{1,${scale}})?$`), message));

const optionalDecimal = (int: number, scale: number, message: string) =>
  z
    .string(message)
    .trim()
    .transform((v) => (v === "" ? null : v.replace(",", ".")))
    .pipe(
      z
        .string()
        .regex(new RegExp(`^\\d{1,${int}}(\\.\\d{1,${scale}})?$`), message)
        .nullable(),
    );

const reason = z.string("reasonRequired").trim().min(3, "reasonRequired").max(500, "reasonTooLong");

/**
 * An edit of an emission factor: the current version's id, the new value in kg CO₂e per the
 * factor's unit (numeric(12,6)), the source it comes from and why it changes. The edit
 * inserts version + 1; the previous version is kept, closed.
 */
export const editFactorSchema = z.strictObject({
  id: z.uuid("invalid"),
  value: decimalText(6, 6, "factorValueInvalid"),
  source: z.string("sourceRequired").trim().min(3, "sourceRequired").max(400, "sourceTooLong"),
  reason,
});
export type EditFactorInput = z.input<typeof editFactorSchema>;
export type EditFactor = z.output<typeof editFactorSchema>;

/**
 * A yearly target of a site: a maximum of CO₂ (kg, the year's budget) and/or a minimum
 * renewable share, typed in percent (0–100, two decimals) and stored as a ratio 0..1.
 */
export const targetSchema = z
  .strictObject({
    siteId: z.uuid("siteUnknown"),
    year: z
      .string("yearInvalid")
      .trim()
      .regex(/^(20\d\d|2100)$/, "yearInvalid")
      .transform(Number),
    maxCo2Kg: optionalDecimal(13, 3, "co2MaxInvalid"),
    minRenewablePercent: optionalDecimal(3, 2, "sharePercentInvalid").refine((v) => v === null || Number(v) <= 100, "sharePercentInvalid"),
  })
  .refine((v) => v.maxCo2Kg !== null || v.minRenewablePercent !== null, { message: "targetEmpty", path: ["maxCo2Kg"] });
export type TargetInput = z.input<typeof targetSchema>;
export type TargetValues = z.output<typeof targetSchema>;

export const targetIdSchema = z.strictObject({ id: z.uuid("invalid") });
