"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { autonyms, direction, locales } from "@/i18n/config";
import { profileSchema, themes, type ProfileInput } from "@/lib/validation/users";
import { updateProfileAction } from "./actions";

export function ProfileForm({ initial }: { initial: ProfileInput }) {
  const t = useTranslations();
  const router = useRouter();
  const fieldError = useFieldError();
  const form = useForm<ProfileInput>({ resolver: zodResolver(profileSchema), defaultValues: initial });
  const { submit, pending, message } = useActionForm(form, updateProfileAction, {
    successText: t("profile.saved"),
    onSuccess: () => router.refresh(),
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field id="name" label={t("profile.name")} error={fieldError(e.name?.message)}>
        <Input
          id="name"
          {...form.register("name")}
          autoComplete="name"
          aria-invalid={!!e.name}
          aria-describedby={describedBy("name", e.name?.message)}
        />
      </Field>
      <Field id="locale" label={t("common.language")}>
        <Select id="locale" {...form.register("locale")}>
          {locales.map((l) => (
            <option key={l} value={l} lang={l} dir={direction[l]}>
              {autonyms[l]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="theme" label={t("theme.label")}>
        <Select id="theme" {...form.register("theme")}>
          {themes.map((th) => (
            <option key={th} value={th}>
              {t(`theme.${th}`)}
            </option>
          ))}
        </Select>
      </Field>
      <FormMessage message={message} />
      <Button type="submit" disabled={pending}>
        {t("common.save")}
      </Button>
    </form>
  );
}
