import { z } from "zod";

/**
 * Threshold alerts: rule inputs (forms, server actions) and the alert list filters. Error
 * messages are keys of the `validation` namespace.
 */
export const alertComparators = ["above", "below"] as const;
export type AlertComparator = (typeof alertComparators)[number];

export const alertSeverities = ["info", "warning", "critical"] as const;
export type AlertSeverity = (typeof alertSeverities)[number];

/** A rule watches one meter, or the meters of one kind of a site summed per interval. */
export const alertTargets = ["meter", "site"] as const;
export type AlertTarget = (typeof alertTargets)[number];

export const alertMeterKinds = ["consumption", "production"] as const;
export type AlertMeterKind = (typeof alertMeterKinds)[number];

/** `open` = firing or acknowledged. */
export const alertStates = ["firing", "acknowledged", "resolved"] as const;
export type AlertState = (typeof alertStates)[number];
export const alertStateFilters = ["open", ...alertStates] as const;

/** The unit a rule's threshold and values are in: kW (energy and power meters, site sums) or m³ per interval. */
export type AlertUnit = "kW" | "m3";

/** The rule form's choices. */
export type AlertMeterOption = { id: string; code: string; name: string; siteName: string; intervalMinutes: number; unit: AlertUnit };
export type AlertSiteOption = { id: string; name: string };

/** At most a week: a longer breach is a trend, not an alert. */
export const maxDurationMinutes = 7 * 24 * 60;

/** An empty form value (an unselected option) counts as absent. */
const blank = z.literal("").transform(() => null);
const optionalId = (message: string) => z.uuid(message).or(blank).nullable().optional();

/**
 * A rule as the form and the actions send it. `threshold`: kW for energy meters (the average
 * power over each reading interval, kWh ÷ interval hours) and for site rules; the canonical
 * unit for power (kW) and volume (m³ per interval) meters. `durationMinutes` must also be at
 * least the meter interval (checked by the service, which knows the meter).
 */
export const alertRuleSchema = z
  .strictObject({
    name: z.string("required").trim().min(2, "nameTooShort").max(120, "nameTooLong"),
    target: z.enum(alertTargets, "invalid"),
    meterId: optionalId("alertMeterRequired"),
    siteId: optionalId("alertSiteRequired"),
    kind: z.enum(alertMeterKinds, "alertKindRequired").or(blank).nullable().optional(),
    comparator: z.enum(alertComparators, "invalid"),
    threshold: z.number("numberInvalid").finite("numberInvalid").min(-1e9, "alertThresholdRange").max(1e9, "alertThresholdRange"),
    durationMinutes: z
      .number("numberInvalid")
      .int("alertDurationRange")
      .min(1, "alertDurationRange")
      .max(maxDurationMinutes, "alertDurationRange"),
    severity: z.enum(alertSeverities, "invalid"),
  })
  .refine((v) => v.target !== "meter" || !!v.meterId, { message: "alertMeterRequired", path: ["meterId"] })
  .refine((v) => v.target !== "site" || !!v.siteId, { message: "alertSiteRequired", path: ["siteId"] })
  .refine((v) => v.target !== "site" || !!v.kind, { message: "alertKindRequired", path: ["kind"] });
export type AlertRuleInput = z.input<typeof alertRuleSchema>;
export type AlertRule = z.output<typeof alertRuleSchema>;

export const alertIdSchema = z.uuid();

export const updateAlertRuleSchema = z.strictObject({ id: alertIdSchema, rule: alertRuleSchema });
export const setAlertRuleEnabledSchema = z.strictObject({ id: alertIdSchema, enabled: z.boolean() });
export const alertIdInput = z.strictObject({ id: alertIdSchema });

/** Alert list filters (page): state (`open` = firing or acknowledged) and site; history by cursor. */
export const listAlertsQuery = z.strictObject({
  state: z
    .enum(alertStateFilters, "invalid")
    .or(z.literal("").transform(() => undefined))
    .optional(),
  site: z
    .uuid("invalid")
    .or(z.literal("").transform(() => undefined))
    .optional(),
  cursor: z.string().max(600, "invalid").optional(),
  limit: z.coerce.number("invalid").int("invalid").min(1, "invalid").max(200, "invalid").default(25),
});
export type ListAlertsQuery = z.output<typeof listAlertsQuery>;

/** The rule form: every field as typed text (a decimal comma is accepted). */
export type AlertRuleFormValues = Record<
  "name" | "target" | "meterId" | "siteId" | "kind" | "comparator" | "threshold" | "durationMinutes" | "severity",
  string
>;

const formNumber = (v: string) => (v.trim() === "" ? Number.NaN : Number(v.trim().replace(",", ".")));

/** Form values → rule input: only the chosen target's fields are kept. */
export function formToAlertRule(v: AlertRuleFormValues): AlertRuleInput {
  const meter = v.target === "meter";
  return {
    name: v.name,
    target: v.target as AlertTarget,
    meterId: meter ? v.meterId : null,
    siteId: meter ? null : v.siteId,
    kind: meter ? null : (v.kind as AlertMeterKind | ""),
    comparator: v.comparator as AlertComparator,
    threshold: formNumber(v.threshold),
    durationMinutes: formNumber(v.durationMinutes),
    severity: v.severity as AlertSeverity,
  };
}

/** Client-side check of the form with the same rules (error paths are the form's field names). */
export const alertRuleFormSchema = z
  .object(
    Object.fromEntries(
      (["name", "target", "meterId", "siteId", "kind", "comparator", "threshold", "durationMinutes", "severity"] as const).map((k) => [
        k,
        z.string(),
      ]),
    ) as Record<keyof AlertRuleFormValues, z.ZodString>,
  )
  .transform(formToAlertRule)
  .pipe(alertRuleSchema);
