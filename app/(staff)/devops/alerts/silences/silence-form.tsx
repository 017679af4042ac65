"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { useFieldArray, useForm, type UseFormReturn } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { matcherOps } from "@/lib/devops/alert-matchers";
import { silenceFormSchema, type CreateSilenceInput, type SilenceFormValues } from "@/lib/devops/alert-silence-schema";
import { createSilenceAction } from "./actions";
import { opKeys } from "./op-keys";

/** A `datetime-local` value read in the browser's zone, as ISO (null when unreadable). */
function toIso(local: string): string | null {
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** `Date` → `YYYY-MM-DDTHH:mm` in the browser's zone (for the quick durations). */
function toLocal(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

const durations = [
  { key: "h1", ms: 3_600_000 },
  { key: "h4", ms: 4 * 3_600_000 },
  { key: "d1", ms: 86_400_000 },
  { key: "w1", ms: 7 * 86_400_000 },
] as const;

/** Creates a silence: matcher rows (at least one), an optional start (empty: now), an end, a comment. */
export function SilenceForm({ initial }: { initial: SilenceFormValues }) {
  const t = useTranslations("devops.alerts.silences");
  const fieldError = useFieldError();
  const router = useRouter();
  const schema = useMemo(() => silenceFormSchema(toIso), []);
  const form = useForm<SilenceFormValues, unknown, CreateSilenceInput>({ resolver: zodResolver(schema) as never, defaultValues: initial });
  const rows = useFieldArray({ control: form.control, name: "matchers" });
  const { submit, pending, message } = useActionForm<CreateSilenceInput>(
    form as unknown as UseFormReturn<CreateSilenceInput>,
    (values) => createSilenceAction(values),
    {
      successText: t("form.created"),
      onSuccess: () => {
        form.reset({ matchers: [{ name: "", op: "=", value: "" }], startsAt: "", endsAt: "", comment: "" });
        router.replace("/devops/alerts/silences");
        router.refresh();
      },
    },
  );
  const e = form.formState.errors;
  const matchersError = fieldError(e.matchers?.message ?? e.matchers?.root?.message);
  const err = (k: "startsAt" | "endsAt" | "comment") => fieldError(e[k]?.message);
  const setEnd = (ms: number) => {
    const start = form.getValues("startsAt") ? new Date(form.getValues("startsAt")) : new Date();
    const base = Number.isNaN(start.getTime()) ? new Date() : start;
    form.setValue("endsAt", toLocal(new Date(base.getTime() + ms)), { shouldValidate: form.formState.isSubmitted });
  };

  return (
    <form onSubmit={submit} className="max-w-3xl space-y-4" noValidate>
      <fieldset
        className="space-y-3 rounded-md border border-line p-3"
        aria-describedby={matchersError ? "silence-matchers-error" : "silence-matchers-hint"}
      >
        <legend className="px-1 text-sm font-semibold">{t("form.matchers")}</legend>
        <p id="silence-matchers-hint" className="text-xs text-muted">
          {t("form.matchersHint")}
        </p>
        {rows.fields.map((row, i) => {
          const rowErrors = e.matchers?.[i];
          const nameError = fieldError(rowErrors?.name?.message);
          const valueError = fieldError(rowErrors?.value?.message);
          return (
            <div
              key={row.id}
              role="group"
              aria-label={t("form.matcherRow", { n: i + 1 })}
              className="grid gap-2 sm:grid-cols-[1fr_auto_1fr_auto] sm:items-end"
            >
              <Field id={`matcher-${i}-name`} label={t("form.label")} error={nameError}>
                <Input
                  id={`matcher-${i}-name`}
                  dir="ltr"
                  autoComplete="off"
                  spellCheck={false}
                  {...form.register(`matchers.${i}.name`)}
                  aria-invalid={!!rowErrors?.name}
                  aria-describedby={describedBy(`matcher-${i}-name`, nameError)}
                />
              </Field>
              <Field id={`matcher-${i}-op`} label={t("form.op")}>
                <Select id={`matcher-${i}-op`} {...form.register(`matchers.${i}.op`)}>
                  {matcherOps.map((op) => (
                    <option key={op} value={op}>
                      {t(`ops.${opKeys[op]}`)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field id={`matcher-${i}-value`} label={t("form.value")} error={valueError}>
                <Input
                  id={`matcher-${i}-value`}
                  dir="ltr"
                  autoComplete="off"
                  spellCheck={false}
                  {...form.register(`matchers.${i}.value`)}
                  aria-invalid={!!rowErrors?.value}
                  aria-describedby={describedBy(`matcher-${i}-value`, valueError)}
                />
              </Field>
              <Button
                type="button"
                variant="ghost"
                onClick={() => rows.remove(i)}
                disabled={rows.fields.length === 1}
                aria-label={t("form.removeMatcher", { n: i + 1 })}
              >
                {t("form.remove")}
              </Button>
            </div>
          );
        })}
        {matchersError ? (
          <p id="silence-matchers-error" role="alert" className="text-sm text-danger">
            {matchersError}
          </p>
        ) : null}
        <Button
          type="button"
          variant="secondary"
          onClick={() => rows.append({ name: "", op: "=", value: "" })}
          disabled={rows.fields.length >= 20}
        >
          {t("form.addMatcher")}
        </Button>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="silence-startsAt" label={t("form.startsAt")} error={err("startsAt")} hint={t("form.startsAtHint")}>
          <Input
            id="silence-startsAt"
            type="datetime-local"
            {...form.register("startsAt")}
            aria-invalid={!!e.startsAt}
            aria-describedby={describedBy("silence-startsAt", err("startsAt"), t("form.startsAtHint"))}
          />
        </Field>
        <Field id="silence-endsAt" label={t("form.endsAt")} error={err("endsAt")}>
          <Input
            id="silence-endsAt"
            type="datetime-local"
            {...form.register("endsAt")}
            aria-invalid={!!e.endsAt}
            aria-describedby={describedBy("silence-endsAt", err("endsAt"))}
          />
        </Field>
      </div>
      <div role="group" aria-label={t("form.quickDurations")} className="flex flex-wrap gap-2">
        {durations.map((d) => (
          <Button key={d.key} type="button" variant="secondary" onClick={() => setEnd(d.ms)}>
            {t(`form.durations.${d.key}`)}
          </Button>
        ))}
      </div>
      <Field id="silence-comment" label={t("form.comment")} error={err("comment")}>
        <textarea
          id="silence-comment"
          rows={3}
          className="block w-full rounded-md border border-border bg-surface px-3 py-2 text-fg aria-[invalid=true]:border-danger"
          {...form.register("comment")}
          aria-invalid={!!e.comment}
          aria-describedby={describedBy("silence-comment", err("comment"))}
        />
      </Field>
      <FormMessage message={message} />
      <Button type="submit" disabled={pending}>
        {t("form.submit")}
      </Button>
    </form>
  );
}
