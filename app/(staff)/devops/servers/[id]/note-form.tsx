"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { serverNoteSchema, type ServerNote } from "@/lib/validation/servers";
import { addServerNoteAction } from "../actions";

/** Adds a dated note to the server's journal. */
export function NoteForm({ id }: { id: string }) {
  const t = useTranslations("devops.servers.journal");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<ServerNote>({ resolver: zodResolver(serverNoteSchema), defaultValues: { body: "" } });
  const { submit, pending, message } = useActionForm(form, (note) => addServerNoteAction({ id, note }), {
    successText: t("added"),
    onSuccess: () => {
      form.reset({ body: "" });
      router.refresh();
    },
  });
  const error = fieldError(form.formState.errors.body?.message);
  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <Field id="note-body" label={t("body")} error={error}>
        <textarea
          id="note-body"
          rows={3}
          className={inputClass}
          {...form.register("body")}
          aria-invalid={!!error}
          aria-describedby={describedBy("note-body", error)}
        />
      </Field>
      <FormMessage message={message} />
      <Button type="submit" disabled={pending}>
        {t("add")}
      </Button>
    </form>
  );
}
