"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm, type UseFormReturn } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { autonyms, locales } from "@/i18n/config";
import { billingCountries, clientKinds, clientStatuses, createClientSchema, type CreateClientInput } from "@/lib/validation/clients";
import type { ServerAction } from "./types";

export type ClientFormValues = {
  kind: string;
  name: string;
  email: string;
  phone: string;
  addressLine: string;
  city: string;
  postalCode: string;
  country: string;
  locale: string;
  taxNumber: string;
  status: string;
};

type Props = {
  /** Editing this client; absent: creating one. */
  id?: string;
  initial: ClientFormValues;
  create: ServerAction;
  update: ServerAction;
};

/** Create or edit a client, with the API's rules checked here then on the server. */
export function ClientForm({ id, initial, create, update }: Props) {
  const t = useTranslations("clients");
  const tc = useTranslations("common");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<ClientFormValues, unknown, CreateClientInput>({
    resolver: zodResolver(createClientSchema) as never,
    defaultValues: initial,
  });
  const action = (values: CreateClientInput) => (id ? update({ id, patch: values }) : create(values));
  const { submit, pending, message } = useActionForm<CreateClientInput>(form as unknown as UseFormReturn<CreateClientInput>, action, {
    onSuccess: (data) => {
      router.push(`/energy/clients/${(data as { id: string }).id}?${id ? "saved" : "created"}=1`);
      router.refresh();
    },
  });
  const e = form.formState.errors;
  const err = (k: keyof ClientFormValues) => fieldError(e[k]?.message);
  const text = (k: keyof ClientFormValues, props: Record<string, unknown> = {}, hint?: string) => (
    <Field id={k} label={t(`fields.${k}`)} error={err(k)} hint={hint}>
      <Input id={k} {...props} {...form.register(k)} aria-invalid={!!e[k]} aria-describedby={describedBy(k, err(k), hint)} />
    </Field>
  );
  const select = (k: keyof ClientFormValues, options: { value: string; label: string; lang?: string }[]) => (
    <Field id={k} label={t(`fields.${k}`)} error={err(k)}>
      <Select id={k} {...form.register(k)} aria-invalid={!!e[k]} aria-describedby={describedBy(k, err(k))}>
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <form onSubmit={submit} className="max-w-3xl space-y-6" noValidate>
      <fieldset className="grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold">{t("form.identity")}</legend>
        {select(
          "kind",
          clientKinds.map((v) => ({ value: v, label: t(`kinds.${v}`) })),
        )}
        {text("name", { autoComplete: "off" })}
        {text("taxNumber", { dir: "ltr", autoComplete: "off" }, t("form.taxNumberHint"))}
        {select(
          "status",
          clientStatuses.map((v) => ({ value: v, label: t(`statuses.${v}`) })),
        )}
        {select(
          "locale",
          locales.map((l) => ({ value: l, label: autonyms[l], lang: l })),
        )}
      </fieldset>
      <fieldset className="grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold">{t("form.contact")}</legend>
        {text("email", { type: "email", dir: "ltr", autoComplete: "off" })}
        {text("phone", { type: "tel", dir: "ltr", autoComplete: "off" })}
        {text("addressLine", { autoComplete: "off" })}
        {text("city", { autoComplete: "off" })}
        {text("postalCode", { dir: "ltr", autoComplete: "off" })}
        {select(
          "country",
          billingCountries.map((c) => ({ value: c, label: t(`countries.${c}`) })),
        )}
      </fieldset>
      <FormMessage message={message} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {id ? tc("save") : t("form.create")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          {tc("cancel")}
        </Button>
      </div>
    </form>
  );
}
