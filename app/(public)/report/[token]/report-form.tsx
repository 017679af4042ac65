"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, inputClass } from "@/components/ui/field";
import { faultReportSchema, type FaultReportInput } from "@/lib/validation/fault-reports";
import { submitFaultReportAction } from "./actions";

type Values = { token: string; description: string; reporterName: string; reporterContact: string; website: string };

/** Short public form: what is wrong (required), and optionally who to call back. */
export function ReportForm({ token }: { token: string }) {
  const t = useTranslations("energy.report");
  const fieldError = useFieldError();
  const [sent, setSent] = useState(false);
  const form = useForm<Values, unknown, FaultReportInput>({
    resolver: zodResolver(faultReportSchema) as never,
    defaultValues: { token, description: "", reporterName: "", reporterContact: "", website: "" },
  });
  const { submit, pending, message } = useActionForm<Values>(form as never, (v) => submitFaultReportAction(v), {
    onSuccess: () => setSent(true),
  });
  if (sent) {
    return (
      <div role="status" className="space-y-2 rounded-md border border-success p-4" data-testid="report-sent">
        <p className="font-semibold text-success">{t("thanksTitle")}</p>
        <p className="text-sm">{t("thanksBody")}</p>
      </div>
    );
  }
  const e = form.formState.errors;
  const descriptionError = fieldError(e.description?.message);
  const nameError = fieldError(e.reporterName?.message);
  const contactError = fieldError(e.reporterContact?.message);
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <input type="hidden" {...form.register("token")} />
      <Field id="description" label={t("description")} error={descriptionError} hint={t("descriptionHint")}>
        <textarea
          id="description"
          rows={5}
          className={inputClass}
          {...form.register("description")}
          aria-invalid={!!e.description}
          aria-describedby={describedBy("description", descriptionError, t("descriptionHint"))}
          required
        />
      </Field>
      <Field id="reporterName" label={t("name")} error={nameError}>
        <Input
          id="reporterName"
          autoComplete="name"
          {...form.register("reporterName")}
          aria-invalid={!!e.reporterName}
          aria-describedby={describedBy("reporterName", nameError)}
        />
      </Field>
      <Field id="reporterContact" label={t("contact")} error={contactError} hint={t("contactHint")}>
        <Input
          id="reporterContact"
          autoComplete="tel"
          dir="ltr"
          {...form.register("reporterContact")}
          aria-invalid={!!e.reporterContact}
          aria-describedby={describedBy("reporterContact", contactError, t("contactHint"))}
        />
      </Field>
      <div className="hidden">
        <label htmlFor="website">{t("honeypot")}</label>
        <input id="website" type="text" tabIndex={-1} autoComplete="off" {...form.register("website")} />
      </div>
      <p className="text-xs text-muted">{t("privacy")}</p>
      <FormMessage message={message} />
      <Button type="submit" disabled={pending} className="w-full">
        {t("submit")}
      </Button>
    </form>
  );
}
