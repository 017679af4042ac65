"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm, useWatch, type UseFormReturn } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import {
  alertComparators,
  alertMeterKinds,
  alertRuleFormSchema,
  alertSeverities,
  alertTargets,
  type AlertMeterOption,
  type AlertRule,
  type AlertRuleFormValues,
  type AlertSiteOption,
} from "@/lib/validation/alert-rules";
import { createAlertRuleAction, updateAlertRuleAction } from "./actions";

const blankRule: AlertRuleFormValues = {
  name: "",
  target: "meter",
  meterId: "",
  siteId: "",
  kind: "consumption",
  comparator: "above",
  threshold: "",
  durationMinutes: "15",
  severity: "warning",
};

/** Create (no `id`) or edit a threshold rule; the threshold's unit follows the chosen target. */
export function RuleForm({
  id,
  initial,
  meters,
  sites,
}: {
  id?: string;
  initial?: AlertRuleFormValues;
  meters: AlertMeterOption[];
  sites: AlertSiteOption[];
}) {
  const t = useTranslations("alerts");
  const tc = useTranslations("common");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<AlertRuleFormValues, unknown, AlertRule>({
    resolver: zodResolver(alertRuleFormSchema) as never,
    defaultValues: initial ?? blankRule,
  });
  const action = (rule: AlertRule) => (id ? updateAlertRuleAction({ id, rule }) : createAlertRuleAction(rule));
  const { submit, pending, message } = useActionForm<AlertRule>(form as unknown as UseFormReturn<AlertRule>, action, {
    successText: id ? tc("saved") : t("rules.created"),
    onSuccess: () => {
      if (id) router.push("/energy/alerts/rules?saved=1");
      else form.reset(blankRule);
      router.refresh();
    },
  });
  const e = form.formState.errors;
  const err = (k: keyof AlertRuleFormValues) => fieldError(e[k]?.message);
  const aria = (k: keyof AlertRuleFormValues, hint?: string) => ({
    "aria-invalid": !!e[k],
    "aria-describedby": describedBy(`rule-${k}`, err(k), hint),
  });
  const [target, meterId] = useWatch({ control: form.control, name: ["target", "meterId"] });
  const meter = target === "meter" ? meters.find((m) => m.id === meterId) : undefined;
  const unit = t(`units.${meter?.unit ?? "kW"}`);
  const thresholdHint = t("rules.form.thresholdHint");
  const durationHint = meter ? t("rules.form.durationHintMeter", { interval: meter.intervalMinutes }) : t("rules.form.durationHint");

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field id="rule-name" label={t("rules.form.name")} error={err("name")}>
        <Input id="rule-name" autoComplete="off" {...form.register("name")} {...aria("name")} />
      </Field>
      <fieldset className="space-y-3 rounded-md border border-line p-3">
        <legend className="px-1 text-sm font-semibold">{t("rules.form.target")}</legend>
        <div className="flex flex-wrap gap-4">
          {alertTargets.map((v) => (
            <label key={v} className="inline-flex min-h-10 items-center gap-2 text-sm">
              <input type="radio" value={v} {...form.register("target")} className="size-4" />
              {t(`rules.targets.${v}`)}
            </label>
          ))}
        </div>
        {target === "meter" ? (
          <Field id="rule-meterId" label={t("rules.form.meter")} error={err("meterId")}>
            <Select id="rule-meterId" {...form.register("meterId")} {...aria("meterId")}>
              <option value="">{t("rules.form.chooseMeter")}</option>
              {meters.map((m) => (
                <option key={m.id} value={m.id}>
                  {`${m.siteName} — ${m.code} (${m.name})`}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="rule-siteId" label={t("rules.form.site")} error={err("siteId")}>
              <Select id="rule-siteId" {...form.register("siteId")} {...aria("siteId")}>
                <option value="">{t("rules.form.chooseSite")}</option>
                {sites.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="rule-kind" label={t("rules.form.kind")} error={err("kind")}>
              <Select id="rule-kind" {...form.register("kind")} {...aria("kind")}>
                {alertMeterKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`siteKinds.${k}`)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        )}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="rule-comparator" label={t("rules.form.comparator")} error={err("comparator")}>
          <Select id="rule-comparator" {...form.register("comparator")} {...aria("comparator")}>
            {alertComparators.map((c) => (
              <option key={c} value={c}>
                {t(`comparators.${c}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="rule-threshold" label={t("rules.form.threshold", { unit })} error={err("threshold")} hint={thresholdHint}>
          <Input id="rule-threshold" inputMode="decimal" dir="ltr" {...form.register("threshold")} {...aria("threshold", thresholdHint)} />
        </Field>
        <Field id="rule-durationMinutes" label={t("rules.form.duration")} error={err("durationMinutes")} hint={durationHint}>
          <Input
            id="rule-durationMinutes"
            inputMode="numeric"
            dir="ltr"
            {...form.register("durationMinutes")}
            {...aria("durationMinutes", durationHint)}
          />
        </Field>
        <Field id="rule-severity" label={t("rules.form.severity")} error={err("severity")}>
          <Select id="rule-severity" {...form.register("severity")} {...aria("severity")}>
            {alertSeverities.map((s) => (
              <option key={s} value={s}>
                {t(`severities.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <FormMessage message={message} />
      <Button type="submit" disabled={pending}>
        {id ? tc("save") : t("rules.create")}
      </Button>
    </form>
  );
}
