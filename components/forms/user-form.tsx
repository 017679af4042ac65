"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { createUserAction } from "@/app/(staff)/admin/users/actions";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { autonyms, locales } from "@/i18n/config";
import { roles } from "@/lib/permissions";
import { createUserSchema, type CreateUserInput } from "@/lib/validation/users";

export function CreateUserForm() {
  const t = useTranslations();
  const router = useRouter();
  const fieldError = useFieldError();
  const form = useForm<CreateUserInput>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { name: "", email: "", role: "user", locale: "fr", password: "" },
  });
  const { submit, pending, message } = useActionForm(form, createUserAction, {
    onSuccess: (data) => router.push(`/admin/users/${(data as { id: string }).id}?created=1`),
  });
  const e = form.formState.errors;
  const err = (k: keyof CreateUserInput) => fieldError(e[k]?.message);
  return (
    <form onSubmit={submit} className="max-w-xl space-y-4" noValidate>
      <Field id="name" label={t("users.name")} error={err("name")}>
        <Input id="name" {...form.register("name")} aria-invalid={!!e.name} aria-describedby={describedBy("name", err("name"))} />
      </Field>
      <Field id="email" label={t("users.email")} error={err("email")}>
        <Input
          id="email"
          type="email"
          dir="ltr"
          {...form.register("email")}
          aria-invalid={!!e.email}
          aria-describedby={describedBy("email", err("email"))}
        />
      </Field>
      <Field id="role" label={t("users.role")} error={err("role")}>
        <Select id="role" {...form.register("role")}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="locale" label={t("common.language")}>
        <Select id="locale" {...form.register("locale")}>
          {locales.map((l) => (
            <option key={l} value={l} lang={l}>
              {autonyms[l]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="password" label={t("users.initialPassword")} error={err("password")} hint={t("profile.passwordHint")}>
        <Input
          id="password"
          type="password"
          dir="ltr"
          autoComplete="new-password"
          {...form.register("password")}
          aria-invalid={!!e.password}
          aria-describedby={describedBy("password", err("password"), t("profile.passwordHint"))}
        />
      </Field>
      <FormMessage message={message} />
      <Button type="submit" disabled={pending}>
        {t("users.create")}
      </Button>
    </form>
  );
}
