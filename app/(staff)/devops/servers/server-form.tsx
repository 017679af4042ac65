"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm, type UseFormReturn } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, inputClass, Select } from "@/components/ui/field";
import { serverCriticalities, serverEnvironments, serverKinds } from "@/lib/devops/server-lifecycle";
import { serverFormSchema, type ServerFormValues } from "@/lib/validation/server-form";
import type { CreateServer } from "@/lib/validation/servers";
import { createServerAction, updateServerAction } from "./actions";

type Option = { value: string; label: string };

/** Create (no `id`) or edit a server; the API's rules checked here, then again on the server. */
export function ServerForm({
  id,
  initial,
  countries,
  locations,
}: {
  id?: string;
  initial: ServerFormValues;
  countries: Option[];
  locations: string[];
}) {
  const t = useTranslations("devops.servers");
  const tc = useTranslations("common");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<ServerFormValues, unknown, CreateServer>({
    resolver: zodResolver(serverFormSchema) as never,
    defaultValues: initial,
  });
  const action = (values: CreateServer) => (id ? updateServerAction({ id, patch: values }) : createServerAction(values));
  const { submit, pending, message } = useActionForm<CreateServer>(form as unknown as UseFormReturn<CreateServer>, action, {
    onSuccess: (data) => {
      router.push(`/devops/servers/${(data as { id: string }).id}?${id ? "saved" : "created"}=1`);
      router.refresh();
    },
  });
  const e = form.formState.errors;
  const err = (k: keyof ServerFormValues) => fieldError(e[k]?.message);
  const text = (k: keyof ServerFormValues, props: Record<string, unknown> = {}, hint?: string) => (
    <Field id={k} label={t(`fields.${k}`)} error={err(k)} hint={hint}>
      <Input id={k} {...props} {...form.register(k)} aria-invalid={!!e[k]} aria-describedby={describedBy(k, err(k), hint)} />
    </Field>
  );
  const choice = (k: keyof ServerFormValues, options: Option[]) => (
    <Field id={k} label={t(`fields.${k}`)} error={err(k)}>
      <Select id={k} {...form.register(k)} aria-invalid={!!e[k]} aria-describedby={describedBy(k, err(k))}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
  const number = { inputMode: "numeric", dir: "ltr", autoComplete: "off" };
  return (
    <form onSubmit={submit} className="max-w-3xl space-y-6" noValidate>
      <fieldset className="grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold">{t("identity")}</legend>
        {text("hostname", { dir: "ltr", autoComplete: "off", spellCheck: false }, t("hints.hostname"))}
        {text("addresses", { dir: "ltr", autoComplete: "off", spellCheck: false }, t("hints.addresses"))}
        {choice(
          "kind",
          serverKinds.map((v) => ({ value: v, label: t(`kinds.${v}`) })),
        )}
        {choice(
          "environment",
          serverEnvironments.map((v) => ({ value: v, label: t(`environments.${v}`) })),
        )}
        {text("location", { list: "server-locations", autoComplete: "off" }, t("hints.location"))}
        <datalist id="server-locations">
          {locations.map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
        {choice("country", countries)}
        {text("role", { autoComplete: "off" }, t("hints.role"))}
        {text("team", { autoComplete: "off" })}
        {text("tags", { autoComplete: "off", spellCheck: false }, t("hints.tags"))}
        {choice(
          "criticality",
          serverCriticalities.map((v) => ({ value: v, label: t(`criticalities.${v}`) })),
        )}
      </fieldset>
      <fieldset className="grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold">{t("specs")}</legend>
        {text("os", { autoComplete: "off" })}
        {text("cpuCores", number)}
        {text("memoryMb", number)}
        {text("diskGb", number)}
      </fieldset>
      <fieldset className="grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold">{t("monitoring")}</legend>
        {text("heartbeatSeconds", number, t("hints.heartbeatSeconds"))}
        {text("missedHeartbeats", number, t("hints.missedHeartbeats"))}
      </fieldset>
      <Field id="notes" label={t("fields.notes")} error={err("notes")}>
        <textarea
          id="notes"
          rows={4}
          className={inputClass}
          {...form.register("notes")}
          aria-invalid={!!e.notes}
          aria-describedby={describedBy("notes", err("notes"))}
        />
      </Field>
      <FormMessage message={message} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {id ? tc("save") : t("create")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          {tc("cancel")}
        </Button>
      </div>
    </form>
  );
}
