"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { autonyms, locales, type Locale } from "@/i18n/config";
import { setupSchema, type SetupInput } from "@/lib/validation/users";
import { completeSetupAction } from "./actions";

export function SetupForm({ token }: { token: string }) {
  const t = useTranslations();
  const locale = useLocale() as Locale;
  const fieldError = useFieldError();
  const form = useForm<SetupInput>({
    resolver: zodResolver(setupSchema),
    defaultValues: { token, name: "", email: "", locale, password: "", confirm: "" },
  });
  const { submit, pending, message } = useActionForm(form, completeSetupAction);
  const e = form.formState.errors;
  const err = (k: keyof SetupInput) => fieldError(e[k]?.message);
  const text = (k: "token" | "name" | "email" | "password" | "confirm", type = "text", autoComplete?: string, hint?: string) => (
    <Field id={k} label={t(`setup.${k}`)} error={err(k)} hint={hint}>
      <Input
        id={k}
        type={type}
        dir={k === "name" ? undefined : "ltr"}
        autoComplete={autoComplete}
        {...form.register(k)}
        aria-invalid={!!e[k]}
        aria-describedby={describedBy(k, err(k), hint)}
      />
    </Field>
  );
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {text("token", "text", "off", t("setup.tokenHint"))}
      {text("name", "text", "name")}
      {text("email", "email", "username")}
      <Field id="locale" label={t("common.language")}>
        <Select id="locale" {...form.register("locale")}>
          {locales.map((l) => (
            <option key={l} value={l} lang={l}>
              {autonyms[l]}
            </option>
          ))}
        </Select>
      </Field>
      {text("password", "password", "new-password", t("profile.passwordHint"))}
      {text("confirm", "password", "new-password")}
      <FormMessage message={message} />
      <Button type="submit" className="w-full" disabled={pending}>
        {t("setup.submit")}
      </Button>
    </form>
  );
}
