"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";

type Result = { ok: true; data: unknown } | { ok: false; code: string; messageKey: string; fieldErrors?: Record<string, string[]> };

/**
 * Glue between react-hook-form and a server action built with defineAction: submits the
 * parsed values, puts server field errors back on their fields, and exposes a form-level
 * message (translated from the `errors` namespace).
 */
export function useActionForm<T extends FieldValues>(
  form: UseFormReturn<T>,
  action: (values: T) => Promise<Result>,
  options: { onSuccess?: (data: unknown) => void; successText?: string } = {},
) {
  const tErrors = useTranslations("errors");
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const submit = form.handleSubmit((values) =>
    start(async () => {
      setMessage(null);
      const result = await action(values);
      if (result.ok) {
        if (options.successText) setMessage({ tone: "success", text: options.successText });
        options.onSuccess?.(result.data);
        return;
      }
      for (const [field, keys] of Object.entries(result.fieldErrors ?? {})) {
        if (keys[0]) form.setError(field as Path<T>, { type: "server", message: keys[0] });
      }
      setMessage({ tone: "error", text: tErrors.has(result.messageKey) ? tErrors(result.messageKey) : tErrors("internal") });
    }),
  );
  return { submit, pending, message };
}

/** A field error (a `validation` key) as text. */
export function useFieldError() {
  const t = useTranslations("validation");
  return (message: string | undefined) => (message ? (t.has(message) ? t(message) : t("invalid")) : undefined);
}
