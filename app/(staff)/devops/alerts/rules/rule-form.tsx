"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm, type UseFormReturn } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { severities } from "@/lib/devops/severity";
import { ruleFormSchema, type RuleFormValues } from "@/lib/devops/alert-rule-form";
import { knownMetrics, ruleComparators, ruleEnvironments, ruleNotifyRoles, type MetricRule } from "@/lib/validation/metric-rules";
import { createMetricRuleAction, updateMetricRuleAction } from "./actions";

type TextField = "name" | "metric" | "threshold" | "forSeconds" | "tags" | "role" | "repeatMinutes";

/** Create (no `id`) or edit a metric rule; the same rules as the API, checked here then on the server. */
export function RuleForm({ id, initial }: { id?: string; initial: RuleFormValues }) {
  const t = useTranslations("devops.alerts");
  const tc = useTranslations("common");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<RuleFormValues, unknown, MetricRule>({ resolver: zodResolver(ruleFormSchema) as never, defaultValues: initial });
  const action = (rule: MetricRule) => (id ? updateMetricRuleAction({ id, rule }) : createMetricRuleAction(rule));
  const { submit, pending, message } = useActionForm<MetricRule>(form as unknown as UseFormReturn<MetricRule>, action, {
    successText: id ? tc("saved") : t("rules.created"),
    onSuccess: () => {
      router.push("/devops/alerts/rules?saved=1");
      router.refresh();
    },
  });
  const e = form.formState.errors;
  const err = (k: keyof RuleFormValues) =>
    fieldError(e[k]?.message ?? (e[k] as { root?: { message?: string } } | undefined)?.root?.message);
  const aria = (k: keyof RuleFormValues, hint?: string) => ({
    "aria-invalid": !!e[k],
    "aria-describedby": describedBy(`rule-${k}`, err(k), hint),
  });
  const text = (k: TextField, label: string, props: Record<string, unknown> = {}, hint?: string) => (
    <Field id={`rule-${k}`} label={label} error={err(k)} hint={hint}>
      <Input id={`rule-${k}`} autoComplete="off" {...props} {...form.register(k)} {...aria(k, hint)} />
    </Field>
  );
  const check = (k: "openIncident" | "enabled", label: string, hint?: string) => (
    <div className="space-y-1">
      <label className="inline-flex min-h-10 items-center gap-2 text-sm font-semibold">
        <input type="checkbox" className="size-4" {...form.register(k)} aria-describedby={hint ? `rule-${k}-hint` : undefined} />
        {label}
      </label>
      {hint ? (
        <p id={`rule-${k}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );

  return (
    <form onSubmit={submit} className="max-w-3xl space-y-6" noValidate>
      <fieldset className="grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold">{t("rules.form.condition")}</legend>
        <div className="sm:col-span-2">{text("name", t("rules.form.name"))}</div>
        {text("metric", t("rules.form.metric"), { list: "rule-metrics", dir: "ltr", spellCheck: false }, t("rules.form.metricHint"))}
        <datalist id="rule-metrics">
          {knownMetrics.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
        <Field id="rule-comparator" label={t("rules.form.comparator")} error={err("comparator")}>
          <Select id="rule-comparator" {...form.register("comparator")} {...aria("comparator")}>
            {ruleComparators.map((c) => (
              <option key={c} value={c}>
                {t(`comparators.${c}`)}
              </option>
            ))}
          </Select>
        </Field>
        {text("threshold", t("rules.form.threshold"), { inputMode: "decimal", dir: "ltr" }, t("rules.form.thresholdHint"))}
        {text("forSeconds", t("rules.form.forSeconds"), { inputMode: "numeric", dir: "ltr" }, t("rules.form.forHint"))}
        <Field id="rule-severity" label={t("rules.form.severity")} error={err("severity")}>
          <Select id="rule-severity" {...form.register("severity")} {...aria("severity")}>
            {severities.map((s) => (
              <option key={s} value={s}>
                {t(`severities.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
      </fieldset>

      <fieldset className="grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold">{t("rules.form.selector")}</legend>
        <p className="text-sm text-muted sm:col-span-2">{t("rules.form.selectorHint")}</p>
        {text("tags", t("rules.form.tags"), { dir: "ltr", spellCheck: false }, t("rules.form.tagsHint"))}
        <Field id="rule-environment" label={t("rules.form.environment")} error={err("environment")}>
          <Select id="rule-environment" {...form.register("environment")} {...aria("environment")}>
            <option value="">{t("rules.form.anyEnvironment")}</option>
            {ruleEnvironments.map((env) => (
              <option key={env} value={env}>
                {t(`environments.${env}`)}
              </option>
            ))}
          </Select>
        </Field>
        {text("role", t("rules.form.role"), { dir: "ltr", spellCheck: false }, t("rules.form.roleHint"))}
      </fieldset>

      <fieldset className="grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold">{t("rules.form.notifications")}</legend>
        <fieldset className="space-y-1" aria-describedby={err("notifyRoles") ? "rule-notifyRoles-error" : "rule-notifyRoles-hint"}>
          <legend className="text-sm font-semibold">{t("rules.form.notifyRoles")}</legend>
          <div className="flex flex-wrap gap-4">
            {ruleNotifyRoles.map((role) => (
              <label key={role} className="inline-flex min-h-10 items-center gap-2 text-sm">
                <input type="checkbox" value={role} className="size-4" {...form.register("notifyRoles")} />
                {t(`roles.${role}`)}
              </label>
            ))}
          </div>
          {err("notifyRoles") ? (
            <p id="rule-notifyRoles-error" role="alert" className="text-sm text-danger">
              {err("notifyRoles")}
            </p>
          ) : (
            <p id="rule-notifyRoles-hint" className="text-xs text-muted">
              {t("rules.form.notifyRolesHint")}
            </p>
          )}
        </fieldset>
        {text("repeatMinutes", t("rules.form.repeatMinutes"), { inputMode: "numeric", dir: "ltr" }, t("rules.form.repeatHint"))}
        {check("openIncident", t("rules.form.openIncident"), t("rules.form.openIncidentHint"))}
        {check("enabled", t("rules.form.enabled"))}
      </fieldset>

      <FormMessage message={message} />
      <Button type="submit" disabled={pending}>
        {id ? tc("save") : t("rules.create")}
      </Button>
    </form>
  );
}
