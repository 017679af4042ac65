"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { commentSchema } from "@/lib/validation/incidents";
import { commentIncidentAction } from "../actions";

type Values = { body: string };

/** A comment on the timeline (the opener on their own incident, managers on any). */
export function CommentForm({ id }: { id: string }) {
  const t = useTranslations("devops.incidents");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<Values>({ resolver: zodResolver(commentSchema), defaultValues: { body: "" } });
  const { submit, pending, message } = useActionForm<Values>(form, (v) => commentIncidentAction({ id, body: v.body }), {
    onSuccess: () => {
      form.reset({ body: "" });
      router.refresh();
    },
  });
  const err = fieldError(form.formState.errors.body?.message);
  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <Field id="comment" label={t("comment.label")} error={err}>
        <textarea
          id="comment"
          rows={3}
          className={inputClass}
          {...form.register("body")}
          aria-invalid={!!err}
          aria-describedby={describedBy("comment", err)}
        />
      </Field>
      <FormMessage message={message} />
      <Button type="submit" disabled={pending}>
        {t("comment.submit")}
      </Button>
    </form>
  );
}
