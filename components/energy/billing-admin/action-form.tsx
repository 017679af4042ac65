"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import type { ServerAction } from "./types";

export type FieldSpec = {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "date" | "select";
  hint?: string;
  autoComplete?: string;
  dir?: "ltr";
  defaultValue?: string;
  options?: { value: string; label: string }[];
};

/**
 * A small form posting its fields (plus fixed `hidden` values) to a server action; the
 * server's field errors (`validation` keys) are shown under their fields and its form-level
 * error (an `errors` key) is announced. Used for the inline forms of the billing pages.
 */
export function ActionForm({
  fields,
  hidden = {},
  action,
  submitLabel,
  successText,
  title,
  className = "",
}: {
  fields: FieldSpec[];
  hidden?: Record<string, string>;
  action: ServerAction;
  submitLabel: string;
  successText?: string;
  title?: string;
  className?: string;
}) {
  const tErrors = useTranslations("errors");
  const fieldError = useFieldError();
  const router = useRouter();
  const prefix = useId().replace(/:/g, "");
  const ref = useRef<HTMLFormElement>(null);
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const values: Record<string, string> = { ...hidden };
    for (const f of fields) values[f.name] = String(data.get(f.name) ?? "");
    start(async () => {
      setMessage(null);
      const result = await action(values);
      if (result.ok) {
        setErrors({});
        ref.current?.reset();
        if (successText) setMessage({ tone: "success", text: successText });
        router.refresh();
        return;
      }
      const next: Record<string, string> = {};
      for (const [k, keys] of Object.entries(result.fieldErrors ?? {})) if (keys[0]) next[k] = keys[0];
      setErrors(next);
      setMessage({ tone: "error", text: tErrors.has(result.messageKey) ? tErrors(result.messageKey) : tErrors("internal") });
    });
  };
  return (
    <form ref={ref} onSubmit={onSubmit} className={`space-y-3 ${className}`} noValidate aria-label={title}>
      <div className="grid gap-3 sm:grid-cols-2">
        {fields.map((f) => {
          const id = `${prefix}-${f.name}`;
          const error = fieldError(errors[f.name]);
          const common = {
            id,
            name: f.name,
            defaultValue: f.defaultValue,
            "aria-invalid": !!error,
            "aria-describedby": describedBy(id, error, f.hint),
          };
          return (
            <Field key={f.name} id={id} label={f.label} error={error} hint={f.hint}>
              {f.type === "select" ? (
                <Select {...common}>
                  {(f.options ?? []).map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              ) : (
                <Input {...common} type={f.type ?? "text"} autoComplete={f.autoComplete ?? "off"} dir={f.dir} />
              )}
            </Field>
          );
        })}
      </div>
      <FormMessage message={message} />
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
