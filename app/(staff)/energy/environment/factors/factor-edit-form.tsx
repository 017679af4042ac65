"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, type Path } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-action";
import { describedBy, Field, Input } from "@/components/ui/field";
import { editFactorSchema, type EditFactorInput } from "@/lib/validation/environment";
import { editFactorAction } from "./actions";

const textareaClass =
  "block w-full rounded-md border border-border bg-surface px-3 py-2 text-fg placeholder:text-muted aria-[invalid=true]:border-danger";

/**
 * Edits a factor as a new version: value, source and the reason, then an explicit
 * confirmation naming the version about to be created. Server errors come back on their fields.
 */
export function FactorEditForm({
  id,
  factorKey,
  version,
  value,
  source,
  unit,
}: {
  id: string;
  factorKey: string;
  version: number;
  value: string;
  source: string;
  unit: string;
}) {
  const t = useTranslations();
  const fieldError = useFieldError();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [confirming, setConfirming] = useState<EditFactorInput | null>(null);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<EditFactorInput>({ resolver: zodResolver(editFactorSchema), defaultValues: { id, value, source, reason: "" } });
  const e = form.formState.errors;
  const prefix = `factor-${id}`;
  const err = (k: keyof EditFactorInput) => fieldError(e[k]?.message);
  const valueHint = t("environment.factors.valueHint", { unit });

  const apply = () =>
    start(async () => {
      if (!confirming) return;
      const result = await editFactorAction(confirming);
      setConfirming(null);
      if (result.ok) {
        setMessage({ tone: "success", text: t("environment.factors.saved", { version: version + 1 }) });
        router.refresh();
        return;
      }
      for (const [field, keys] of Object.entries(result.fieldErrors ?? {})) {
        if (keys[0]) form.setError(field as Path<EditFactorInput>, { type: "server", message: keys[0] });
      }
      setMessage({ tone: "error", text: t.has(`errors.${result.messageKey}`) ? t(`errors.${result.messageKey}`) : t("errors.internal") });
    });

  return (
    <form
      onSubmit={form.handleSubmit((values) => {
        setMessage(null);
        setConfirming(values);
      })}
      className="space-y-3"
      noValidate
    >
      <input type="hidden" {...form.register("id")} />
      <Field id={`${prefix}-value`} label={t("environment.factors.value")} error={err("value")} hint={valueHint}>
        <Input
          id={`${prefix}-value`}
          inputMode="decimal"
          dir="ltr"
          {...form.register("value")}
          aria-invalid={!!e.value}
          aria-describedby={describedBy(`${prefix}-value`, err("value"), valueHint)}
          readOnly={confirming !== null}
        />
      </Field>
      <Field id={`${prefix}-source`} label={t("environment.factors.source")} error={err("source")}>
        <textarea
          id={`${prefix}-source`}
          rows={2}
          {...form.register("source")}
          aria-invalid={!!e.source}
          aria-describedby={describedBy(`${prefix}-source`, err("source"))}
          readOnly={confirming !== null}
          className={textareaClass}
        />
      </Field>
      <Field id={`${prefix}-reason`} label={t("environment.factors.reason")} error={err("reason")}>
        <textarea
          id={`${prefix}-reason`}
          rows={2}
          {...form.register("reason")}
          aria-invalid={!!e.reason}
          aria-describedby={describedBy(`${prefix}-reason`, err("reason"))}
          readOnly={confirming !== null}
          className={textareaClass}
        />
      </Field>
      {confirming ? (
        <ConfirmDialog
          question={t("environment.factors.confirm", { key: factorKey, version: version + 1, value: confirming.value, unit })}
          variant="primary"
          pending={pending}
          onConfirm={apply}
          onCancel={() => setConfirming(null)}
        />
      ) : (
        <Button type="submit" variant="secondary">
          {t("environment.factors.submit")}
        </Button>
      )}
      <FormMessage message={message} />
    </form>
  );
}
