"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, inputClass } from "@/components/ui/field";
import { reportFormSchema, type ReportFormInput } from "@/lib/validation/maintenance";

type Result = { ok: true; data: unknown } | { ok: false; code: string; messageKey: string; fieldErrors?: Record<string, string[]> };

/**
 * The report that finishes an intervention: actions performed, parts used (rows added and
 * removed), time spent, the checklist ticked. `action` is the caller's server action
 * (admins' or the technician's own); the page refreshes on success. `large` gives phone-size
 * touch targets.
 */
export function FinishForm({
  id,
  checklist,
  action,
  large = false,
}: {
  id: string;
  checklist: string[];
  action: (input: { id: string; report: ReportFormInput }) => Promise<Result>;
  large?: boolean;
}) {
  const t = useTranslations("energy.maintenance.report");
  const router = useRouter();
  const fieldError = useFieldError();
  const form = useForm<ReportFormInput>({
    resolver: zodResolver(reportFormSchema),
    defaultValues: { actions: "", parts: [], timeSpentMinutes: undefined as unknown as number, checklist: checklist.map(() => false) },
  });
  const parts = useFieldArray({ control: form.control, name: "parts" });
  const { submit, pending, message } = useActionForm(form, (report) => action({ id, report }), {
    onSuccess: () => router.refresh(),
  });
  const e = form.formState.errors;
  const control = large ? "min-h-12 text-base" : "";
  const button = large ? "min-h-12 w-full text-base sm:w-auto" : "";
  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-label={t("formLabel")}>
      <Field id="report-actions" label={t("actions")} error={fieldError(e.actions?.message)}>
        <textarea
          id="report-actions"
          rows={large ? 5 : 4}
          className={`${inputClass} ${control}`}
          {...form.register("actions")}
          aria-invalid={!!e.actions}
          aria-describedby={describedBy("report-actions", fieldError(e.actions?.message))}
        />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{t("parts")}</legend>
        {parts.fields.length === 0 ? <p className="text-sm text-muted">{t("noParts")}</p> : null}
        <ul className="space-y-3">
          {parts.fields.map((field, index) => {
            const pe = e.parts?.[index];
            return (
              <li key={field.id} className="grid grid-cols-[1fr_6rem] items-start gap-2 sm:grid-cols-[1fr_7rem_auto]">
                <Field id={`part-${index}-name`} label={t("partName", { index: index + 1 })} error={fieldError(pe?.name?.message)}>
                  <Input
                    id={`part-${index}-name`}
                    className={control}
                    {...form.register(`parts.${index}.name`)}
                    aria-invalid={!!pe?.name}
                    aria-describedby={describedBy(`part-${index}-name`, fieldError(pe?.name?.message))}
                  />
                </Field>
                <Field
                  id={`part-${index}-quantity`}
                  label={t("partQuantity", { index: index + 1 })}
                  error={fieldError(pe?.quantity?.message)}
                >
                  <Input
                    id={`part-${index}-quantity`}
                    type="number"
                    inputMode="decimal"
                    min={0}
                    step="any"
                    className={control}
                    {...form.register(`parts.${index}.quantity`, { valueAsNumber: true })}
                    aria-invalid={!!pe?.quantity}
                    aria-describedby={describedBy(`part-${index}-quantity`, fieldError(pe?.quantity?.message))}
                  />
                </Field>
                <Button
                  type="button"
                  variant="ghost"
                  className={`col-span-2 sm:col-span-1 sm:mt-6 ${button}`}
                  onClick={() => parts.remove(index)}
                >
                  {t("removePart", { index: index + 1 })}
                </Button>
              </li>
            );
          })}
        </ul>
        <Button type="button" variant="secondary" className={button} onClick={() => parts.append({ name: "", quantity: 1 })}>
          {t("addPart")}
        </Button>
      </fieldset>
      <Field id="report-time" label={t("timeSpent")} error={fieldError(e.timeSpentMinutes?.message)}>
        <Input
          id="report-time"
          type="number"
          inputMode="numeric"
          min={1}
          className={`max-w-48 ${control}`}
          {...form.register("timeSpentMinutes", { valueAsNumber: true })}
          aria-invalid={!!e.timeSpentMinutes}
          aria-describedby={describedBy("report-time", fieldError(e.timeSpentMinutes?.message))}
        />
      </Field>
      {checklist.length > 0 ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">{t("checklist")}</legend>
          {checklist.map((label, index) => (
            <div key={index} className={`flex items-center gap-3 ${large ? "min-h-12" : ""}`}>
              <input id={`check-${index}`} type="checkbox" className="size-6 shrink-0" {...form.register(`checklist.${index}`)} />
              <label htmlFor={`check-${index}`} className={large ? "text-base" : "text-sm"}>
                {label}
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <FormMessage message={message} />
      <Button type="submit" disabled={pending} className={button}>
        {t("submit")}
      </Button>
    </form>
  );
}
