import { z } from "zod";
import { serverEnvironments, type ServerEnvironment } from "@/lib/devops/server-lifecycle";
import { severities } from "@/lib/devops/severity";

/**
 * Metric alert rules of the IT/DevOps template: the API body, the server actions and the
 * form share these field schemas. Error messages are keys of the `validation` namespace.
 */
export const ruleComparators = ["gt", "gte", "lt", "lte"] as const;
export type RuleComparator = (typeof ruleComparators)[number];

/** Server environments a selector may name (servers.environment). */
export const ruleEnvironments = serverEnvironments;
export type RuleEnvironment = ServerEnvironment;

/** Roles a rule may notify (the ones holding monitoring.read). */
export const ruleNotifyRoles = ["admin", "devops"] as const;
export type RuleNotifyRole = (typeof ruleNotifyRoles)[number];

/** The metrics agents push; a rule may also name a custom one. */
export const knownMetrics = ["cpu", "memory", "disk", "load", "net_rx", "net_tx"] as const;

export const maxForSeconds = 86_400;
export const repeatMinutesRange = { min: 5, max: 10_080 } as const;

export const ruleNameField = z.string("required").trim().min(2, "nameTooShort").max(120, "nameTooLong");
export const metricField = z
  .string("required")
  .trim()
  .regex(/^[a-zA-Z_][a-zA-Z0-9_.:]{0,99}$/, "metricNameInvalid");
export const comparatorField = z.enum(ruleComparators, "invalid");
export const thresholdField = z
  .number("numberInvalid")
  .finite("numberInvalid")
  .min(-1e12, "metricThresholdRange")
  .max(1e12, "metricThresholdRange");
export const forSecondsField = z
  .number("numberInvalid")
  .int("metricForRange")
  .min(0, "metricForRange")
  .max(maxForSeconds, "metricForRange");
export const severityField = z.enum(severities, "invalid");
export const notifyRolesField = z
  .array(z.enum(ruleNotifyRoles, "metricNotifyRoleInvalid"), "invalid")
  .max(ruleNotifyRoles.length, "metricNotifyRoleInvalid")
  .transform((roles) => [...new Set(roles)]);
export const repeatMinutesField = z
  .number("numberInvalid")
  .int("metricRepeatRange")
  .min(repeatMinutesRange.min, "metricRepeatRange")
  .max(repeatMinutesRange.max, "metricRepeatRange");
/** Tags as the inventory stores them: NFC, lower-case. */
const tagField = z
  .string("invalid")
  .transform((t) => t.normalize("NFC").trim().toLowerCase())
  .pipe(z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}_.:/-]{0,63}$/u, "metricTagInvalid"));
export const tagsField = z
  .array(tagField, "invalid")
  .max(20, "metricTagsTooMany")
  .transform((tags) => [...new Set(tags)]);
export const environmentField = z.enum(ruleEnvironments, "invalid");
/** A server role exactly as the inventory has it (e.g. k8s-node). */
export const roleField = z.string("invalid").trim().min(1, "metricServerRoleInvalid").max(60, "metricServerRoleInvalid");

/** Which servers a rule watches: every running server with all `tags`, in `environment`, of `role` (each optional). */
export const selectorSchema = z
  .strictObject({
    tags: tagsField.optional(),
    environment: environmentField.optional(),
    role: roleField.optional(),
  })
  .transform((s) => ({
    ...(s.tags && s.tags.length > 0 ? { tags: s.tags } : {}),
    ...(s.environment ? { environment: s.environment } : {}),
    ...(s.role ? { role: s.role } : {}),
  }));
export type RuleSelector = z.output<typeof selectorSchema>;

const ruleShape = {
  name: ruleNameField,
  metric: metricField,
  selector: selectorSchema.default({}),
  comparator: comparatorField,
  threshold: thresholdField,
  forSeconds: forSecondsField.default(0),
  severity: severityField,
  openIncident: z.boolean("invalid").default(false),
  notifyRoles: notifyRolesField.default(["devops"]),
  repeatMinutes: repeatMinutesField.default(240),
  enabled: z.boolean("invalid").default(true),
};

/**
 * A new rule (POST /api/monitoring/rules, the create action): `threshold` in the metric's
 * unit (cpu, memory, disk in %), `forSeconds` the pending period (0: fires on the first
 * evaluation), `repeatMinutes` the re-notification interval while it keeps firing.
 */
export const metricRuleSchema = z.strictObject(ruleShape);
export type MetricRuleInput = z.input<typeof metricRuleSchema>;
export type MetricRule = z.output<typeof metricRuleSchema>;

/** PATCH: any subset of the fields (at least one). */
export const updateMetricRuleSchema = z
  .strictObject({
    name: ruleNameField.optional(),
    metric: metricField.optional(),
    selector: selectorSchema.optional(),
    comparator: comparatorField.optional(),
    threshold: thresholdField.optional(),
    forSeconds: forSecondsField.optional(),
    severity: severityField.optional(),
    openIncident: z.boolean("invalid").optional(),
    notifyRoles: notifyRolesField.optional(),
    repeatMinutes: repeatMinutesField.optional(),
    enabled: z.boolean("invalid").optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "nothingToChange" });
export type MetricRulePatch = z.output<typeof updateMetricRuleSchema>;

const emptyAsUndefined = z.literal("").transform(() => undefined);

/** GET /api/monitoring/rules: filters and cursor. */
export const listMetricRulesQuery = z.strictObject({
  enabled: z
    .enum(["true", "false"], "invalid")
    .transform((v) => v === "true")
    .or(emptyAsUndefined)
    .optional(),
  severity: severityField.or(emptyAsUndefined).optional(),
  metric: metricField.or(emptyAsUndefined).optional(),
  q: z.string().trim().max(120, "invalid").optional(),
  cursor: z.string().max(600, "invalid").optional(),
  limit: z.coerce.number("invalid").int("invalid").min(1, "invalid").max(500, "invalid").default(100),
});
export type ListMetricRulesQuery = z.output<typeof listMetricRulesQuery>;

export const ruleIdInput = z.strictObject({ id: z.uuid("invalid") });
export const updateRuleInput = z.strictObject({ id: z.uuid("invalid"), rule: metricRuleSchema });
export const setRuleEnabledInput = z.strictObject({ id: z.uuid("invalid"), enabled: z.boolean("invalid") });
