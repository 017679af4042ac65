"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createApiKeyAction, createOAuthClientAction } from "@/app/(staff)/admin/integrations/actions";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { partnerScopes } from "@/lib/permissions";
import { partnerCredentialSchema, type PartnerCredentialInput } from "@/lib/validation/integrations";
import { SecretOnce } from "./secret-once";

type Created = { value?: string; clientId?: string; secret?: string };

/** Creates an API key (`kind="apiKey"`) or an OAuth client, then shows its secret once. */
export function CredentialForm({ kind }: { kind: "apiKey" | "oauthClient" }) {
  const t = useTranslations();
  const router = useRouter();
  const fieldError = useFieldError();
  const [created, setCreated] = useState<Created | null>(null);
  const form = useForm<PartnerCredentialInput>({
    resolver: zodResolver(partnerCredentialSchema),
    defaultValues: { name: "", scopes: [], expiresOn: "", rateLimit: "" as unknown as number },
  });
  const action = kind === "apiKey" ? createApiKeyAction : createOAuthClientAction;
  const { submit, pending, message } = useActionForm(form, action, {
    onSuccess: (data) => {
      setCreated(data as Created);
      form.reset();
      router.refresh();
    },
  });
  const e = form.formState.errors;
  const p = kind === "apiKey" ? "key" : "client";
  const err = (k: keyof PartnerCredentialInput) => fieldError(e[k]?.message);
  return (
    <div className="space-y-4">
      {created ? (
        <SecretOnce
          items={
            created.value
              ? [{ label: t("integrations.keyValue"), value: created.value, testId: "new-api-key" }]
              : [
                  { label: t("integrations.clientId"), value: created.clientId ?? "", testId: "new-client-id" },
                  { label: t("integrations.clientSecret"), value: created.secret ?? "", testId: "new-client-secret" },
                ]
          }
        />
      ) : null}
      <form
        onSubmit={submit}
        className="space-y-4"
        noValidate
        aria-label={t(kind === "apiKey" ? "integrations.newKey" : "integrations.newClient")}
      >
        <Field id={`${p}-name`} label={t("integrations.partnerName")} error={err("name")}>
          <Input
            id={`${p}-name`}
            {...form.register("name")}
            aria-invalid={!!e.name}
            aria-describedby={describedBy(`${p}-name`, err("name"))}
          />
        </Field>
        <fieldset className="space-y-2" aria-describedby={e.scopes ? `${p}-scopes-error` : undefined}>
          <legend className="text-sm font-semibold">{t("integrations.scopes")}</legend>
          <div className="grid gap-1 sm:grid-cols-2">
            {Object.keys(partnerScopes).map((scope) => (
              <label key={scope} className="flex items-center gap-2 text-sm">
                <input type="checkbox" value={scope} {...form.register("scopes")} className="size-4" />
                <code dir="ltr">{scope}</code>
              </label>
            ))}
          </div>
          {e.scopes ? (
            <p id={`${p}-scopes-error`} className="text-sm text-danger">
              {fieldError(e.scopes.message ?? e.scopes.root?.message)}
            </p>
          ) : null}
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          {kind === "apiKey" ? (
            <Field id={`${p}-expires`} label={t("integrations.expiresOn")} error={err("expiresOn")} hint={t("integrations.expiresHint")}>
              <Input
                id={`${p}-expires`}
                type="date"
                {...form.register("expiresOn")}
                aria-invalid={!!e.expiresOn}
                aria-describedby={describedBy(`${p}-expires`, err("expiresOn"), t("integrations.expiresHint"))}
              />
            </Field>
          ) : null}
          <Field id={`${p}-rate`} label={t("integrations.rateLimit")} error={err("rateLimit")} hint={t("integrations.rateLimitHint")}>
            <Input
              id={`${p}-rate`}
              type="number"
              inputMode="numeric"
              min={1}
              {...form.register("rateLimit")}
              aria-invalid={!!e.rateLimit}
              aria-describedby={describedBy(`${p}-rate`, err("rateLimit"), t("integrations.rateLimitHint"))}
            />
          </Field>
        </div>
        <FormMessage message={message} />
        <Button type="submit" disabled={pending}>
          {t(kind === "apiKey" ? "integrations.createKey" : "integrations.createClient")}
        </Button>
      </form>
    </div>
  );
}
