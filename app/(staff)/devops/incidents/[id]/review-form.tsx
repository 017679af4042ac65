"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { reviewFormSchema, type ReviewFormValues } from "@/lib/validation/incidents";
import { reviewIncidentAction } from "../actions";

const fields = ["summary", "rootCause", "impact", "followUps"] as const;

/** The post-incident review; summary and root cause are required before closing. */
export function ReviewForm({ id, initial, readOnly }: { id: string; initial: ReviewFormValues; readOnly: boolean }) {
  const t = useTranslations("devops.incidents");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<ReviewFormValues>({ resolver: zodResolver(reviewFormSchema), defaultValues: initial });
  const { submit, pending, message } = useActionForm<ReviewFormValues>(form, (v) => reviewIncidentAction({ id, ...v }), {
    successText: t("review.saved"),
    onSuccess: () => router.refresh(),
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      {fields.map((f) => {
        const err = fieldError(e[f]?.message);
        const hint = f === "summary" || f === "rootCause" ? t("review.requiredToClose") : undefined;
        return (
          <Field key={f} id={`review-${f}`} label={t(`review.${f}`)} error={err} hint={hint}>
            <textarea
              id={`review-${f}`}
              rows={3}
              readOnly={readOnly}
              className={inputClass}
              {...form.register(f)}
              aria-invalid={!!err}
              aria-describedby={describedBy(`review-${f}`, err, hint)}
            />
          </Field>
        );
      })}
      <FormMessage message={message} />
      {readOnly ? null : (
        <Button type="submit" disabled={pending}>
          {t("review.save")}
        </Button>
      )}
    </form>
  );
}
