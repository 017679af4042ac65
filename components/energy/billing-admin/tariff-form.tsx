"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select, inputClass } from "@/components/ui/field";
import { billingCountries } from "@/lib/validation/clients";
import { countryCurrency, tariffCurrencies } from "@/lib/validation/tariffs";
import type { ServerAction } from "./types";

type Props = {
  /** Adding a version to this tariff; absent: creating a tariff with its first version. */
  tariffId?: string;
  /** The JSON the textarea starts with (the current definition, or an example). */
  definition: string;
  /** The date the version field starts with. */
  validFrom: string;
  action: ServerAction;
};

/**
 * A tariff (or a new version of one): the definition is edited as JSON, checked on the server
 * by the engine's schema; each error is listed with its path (e.g. `energy.bands.2.upToKwh`).
 */
export function TariffForm({ tariffId, definition, validFrom, action }: Props) {
  const t = useTranslations("tariffs");
  const tErrors = useTranslations("errors");
  const fieldError = useFieldError();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const s = (k: string) => String(data.get(k) ?? "");
    let parsed: unknown;
    try {
      parsed = JSON.parse(s("definition"));
    } catch {
      setErrors({ definition: "jsonInvalid" });
      setMessage({ tone: "error", text: tErrors("invalid") });
      return;
    }
    const input: Record<string, unknown> = { validFrom: s("validFrom"), definition: parsed, note: s("note") };
    if (tariffId) input.tariffId = tariffId;
    else for (const k of ["code", "name", "country", "currency", "description", "source", "sourceDate"]) input[k] = s(k);
    start(async () => {
      setMessage(null);
      const result = await action(input);
      if (result.ok) {
        setErrors({});
        const id = (result.data as { id: string }).id;
        router.push(`/energy/tariffs/${id}?${tariffId ? "versionAdded" : "created"}=1`);
        router.refresh();
        return;
      }
      const next: Record<string, string> = {};
      for (const [k, keys] of Object.entries(result.fieldErrors ?? {})) if (keys[0]) next[k] = keys[0];
      setErrors(next);
      setMessage({ tone: "error", text: tErrors.has(result.messageKey) ? tErrors(result.messageKey) : tErrors("internal") });
    });
  };
  const err = (k: string) => fieldError(errors[k]);
  const aria = (k: string, hint?: string) => ({ "aria-invalid": !!errors[k], "aria-describedby": describedBy(k, err(k), hint) });
  const definitionErrors = Object.entries(errors).filter(([k]) => k === "definition" || k.startsWith("definition."));
  const text = (k: string, props: Record<string, unknown> = {}, hint?: string) => (
    <Field id={k} label={t(`fields.${k}`)} error={err(k)} hint={hint}>
      <Input id={k} name={k} autoComplete="off" {...props} {...aria(k, hint)} />
    </Field>
  );
  return (
    <form onSubmit={onSubmit} className="max-w-3xl space-y-4" noValidate>
      {tariffId ? null : (
        <fieldset className="grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2">
          <legend className="px-1 text-base font-semibold">{t("form.identity")}</legend>
          {text("code", { dir: "ltr" }, t("form.codeHint"))}
          {text("name")}
          <Field id="country" label={t("fields.country")} error={err("country")}>
            <Select id="country" name="country" defaultValue="DZ" {...aria("country")}>
              {billingCountries.map((c) => (
                <option key={c} value={c}>
                  {t(`countries.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            id="currency"
            label={t("fields.currency")}
            error={err("currency")}
            hint={t("form.currencyHint", { dz: countryCurrency.DZ, ma: countryCurrency.MA, fr: countryCurrency.FR })}
          >
            <Select
              id="currency"
              name="currency"
              defaultValue="DZD"
              {...aria("currency", t("form.currencyHint", { dz: "DZD", ma: "MAD", fr: "EUR" }))}
            >
              {tariffCurrencies.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          </Field>
          {text("description")}
          {text("source", {}, t("form.sourceHint"))}
          {text("sourceDate", { type: "date" })}
        </fieldset>
      )}
      <fieldset className="space-y-4 rounded-lg border border-line bg-surface p-4">
        <legend className="px-1 text-base font-semibold">{tariffId ? t("form.newVersion") : t("form.firstVersion")}</legend>
        {text("validFrom", { type: "date", defaultValue: validFrom }, t("form.validFromHint"))}
        <div className="space-y-1">
          <label htmlFor="definition" className="block text-sm font-semibold">
            {t("fields.definition")}
          </label>
          <textarea
            id="definition"
            name="definition"
            defaultValue={definition}
            rows={18}
            dir="ltr"
            spellCheck={false}
            className={`${inputClass} font-mono text-xs`}
            aria-invalid={definitionErrors.length > 0}
            aria-describedby={definitionErrors.length > 0 ? "definition-errors" : "definition-hint"}
          />
          <p id="definition-hint" className="text-xs text-muted">
            {t("form.definitionHint")}
          </p>
          {definitionErrors.length > 0 ? (
            <ul id="definition-errors" role="alert" className="list-disc space-y-1 ps-5 text-sm text-danger">
              {definitionErrors.map(([path, key]) => (
                <li key={path}>
                  <code dir="ltr">{path.replace(/^definition\.?/, "") || "definition"}</code> — {fieldError(key)}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        {text("note", {}, t("form.noteHint"))}
      </fieldset>
      <FormMessage message={message} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {tariffId ? t("form.addVersion") : t("form.create")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          {t("form.cancel")}
        </Button>
      </div>
    </form>
  );
}
