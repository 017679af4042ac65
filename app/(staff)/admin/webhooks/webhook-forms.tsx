"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type UseFormRegisterReturn } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { SecretOnce } from "@/components/integrations/secret-once";
import { Button, buttonClass } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { createWebhookSchema, editWebhookSchema, type CreateWebhookInput, type EditWebhookInput } from "@/lib/validation/webhooks";
import { eventMessageKey, webhookEventTypes } from "@/lib/webhook-events";
import { createWebhookAction, updateWebhookAction } from "./actions";

/** The event checkboxes: one fieldset, each with its code and, when known, a description. */
function EventChoices({ register, error }: { register: UseFormRegisterReturn; error?: string }) {
  const t = useTranslations("webhooks");
  return (
    <fieldset className="space-y-2" aria-describedby={error ? "events-error" : undefined}>
      <legend className="text-sm font-semibold">{t("events")}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {webhookEventTypes.map((type) => {
          const key = `eventDescriptions.${eventMessageKey(type)}`;
          return (
            <label key={type} className="flex items-start gap-2 rounded-md border border-line p-2 text-sm">
              <input type="checkbox" value={type} {...register} className="mt-1 size-4" />
              <span>
                <code dir="ltr" className="font-semibold">
                  {type}
                </code>
                {t.has(key) ? <span className="block text-muted">{t(key)}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
      {error ? (
        <p id="events-error" role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function CreateWebhookForm() {
  const t = useTranslations("webhooks");
  const fieldError = useFieldError();
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  const form = useForm<CreateWebhookInput>({
    resolver: zodResolver(createWebhookSchema),
    defaultValues: { url: "", description: "", eventTypes: [] },
  });
  const { submit, pending, message } = useActionForm(form, createWebhookAction, {
    onSuccess: (data) => setCreated(data as { id: string; secret: string }),
  });
  if (created) {
    return (
      <div className="max-w-2xl space-y-4">
        <p role="status" className="rounded-md border border-success p-3 text-sm text-success">
          {t("created")}
        </p>
        <SecretOnce items={[{ label: t("secret"), value: created.secret, testId: "webhook-secret" }]} />
        <Link href={`/admin/webhooks/${created.id}`} className={buttonClass("primary")}>
          {t("openWebhook")}
        </Link>
      </div>
    );
  }
  const e = form.formState.errors;
  const urlError = fieldError(e.url?.message);
  const descriptionError = fieldError(e.description?.message);
  return (
    <form onSubmit={submit} className="max-w-2xl space-y-4" noValidate>
      <Field id="url" label={t("url")} error={urlError} hint={t("urlHint")}>
        <Input
          id="url"
          type="url"
          dir="ltr"
          inputMode="url"
          placeholder="https://erp.example.dz/hooks/dihya"
          {...form.register("url")}
          aria-invalid={!!e.url}
          aria-describedby={describedBy("url", urlError, t("urlHint"))}
        />
      </Field>
      <Field id="description" label={t("descriptionLabel")} error={descriptionError}>
        <Input
          id="description"
          {...form.register("description")}
          aria-invalid={!!e.description}
          aria-describedby={describedBy("description", descriptionError)}
        />
      </Field>
      <EventChoices register={form.register("eventTypes")} error={fieldError(e.eventTypes?.message)} />
      <FormMessage message={message} />
      <Button type="submit" disabled={pending}>
        {t("create")}
      </Button>
    </form>
  );
}

export function EditWebhookForm({ id, initial }: { id: string; initial: EditWebhookInput }) {
  const t = useTranslations();
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<EditWebhookInput>({ resolver: zodResolver(editWebhookSchema), defaultValues: initial });
  const { submit, pending, message } = useActionForm(form, (patch) => updateWebhookAction({ id, patch }), {
    successText: t("common.saved"),
    onSuccess: () => router.refresh(),
  });
  const e = form.formState.errors;
  const descriptionError = fieldError(e.description?.message);
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field id="description" label={t("webhooks.descriptionLabel")} error={descriptionError}>
        <Input
          id="description"
          {...form.register("description")}
          aria-invalid={!!e.description}
          aria-describedby={describedBy("description", descriptionError)}
        />
      </Field>
      <EventChoices register={form.register("eventTypes")} error={fieldError(e.eventTypes?.message)} />
      <FormMessage message={message} />
      <Button type="submit" disabled={pending}>
        {t("common.save")}
      </Button>
    </form>
  );
}
