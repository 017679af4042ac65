import { z } from "zod";
import {
  comparatorField,
  environmentField,
  forSecondsField,
  metricField,
  notifyRolesField,
  repeatMinutesField,
  roleField,
  ruleNameField,
  severityField,
  tagsField,
  thresholdField,
  type MetricRule,
} from "@/lib/validation/metric-rules";

/** The rule form: text inputs as typed (a decimal comma is accepted), tags comma-separated. */
export type RuleFormValues = {
  name: string;
  metric: string;
  comparator: string;
  threshold: string;
  forSeconds: string;
  severity: string;
  tags: string;
  environment: string;
  role: string;
  openIncident: boolean;
  notifyRoles: string[];
  repeatMinutes: string;
  enabled: boolean;
};

const formNumber = z
  .string()
  .trim()
  .transform((v) => (v === "" ? Number.NaN : Number(v.replace(",", "."))));
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v));

/** Client-side check of the form, field by field (error paths are the form's names), giving the API shape. */
export const ruleFormSchema = z
  .object({
    name: ruleNameField,
    metric: metricField,
    comparator: comparatorField,
    threshold: formNumber.pipe(thresholdField),
    forSeconds: formNumber.pipe(forSecondsField),
    severity: severityField,
    tags: z
      .string()
      .transform((v) =>
        v
          .split(/[,\s]+/)
          .map((t) => t.trim())
          .filter(Boolean),
      )
      .pipe(tagsField),
    environment: optionalText.pipe(environmentField.optional()),
    role: optionalText.pipe(roleField.optional()),
    openIncident: z.boolean(),
    notifyRoles: notifyRolesField,
    repeatMinutes: formNumber.pipe(repeatMinutesField),
    enabled: z.boolean(),
  })
  .transform((v): MetricRule => ({
    name: v.name,
    metric: v.metric,
    selector: {
      ...(v.tags.length > 0 ? { tags: v.tags } : {}),
      ...(v.environment ? { environment: v.environment } : {}),
      ...(v.role ? { role: v.role } : {}),
    },
    comparator: v.comparator,
    threshold: v.threshold,
    forSeconds: v.forSeconds,
    severity: v.severity,
    openIncident: v.openIncident,
    notifyRoles: v.notifyRoles,
    repeatMinutes: v.repeatMinutes,
    enabled: v.enabled,
  }));

export const blankRuleForm: RuleFormValues = {
  name: "",
  metric: "cpu",
  comparator: "gt",
  threshold: "",
  forSeconds: "300",
  severity: "sev3",
  tags: "",
  environment: "",
  role: "",
  openIncident: false,
  notifyRoles: ["devops"],
  repeatMinutes: "240",
  enabled: true,
};
