"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/validation/users";
import { changePasswordAction } from "./actions";

export function PasswordForm() {
  const t = useTranslations("profile");
  const fieldError = useFieldError();
  const form = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { current: "", password: "", confirm: "" },
  });
  const { submit, pending, message } = useActionForm(form, changePasswordAction);
  const e = form.formState.errors;
  const fields = [
    { name: "current", label: t("currentPassword"), auto: "current-password" },
    { name: "password", label: t("newPassword"), auto: "new-password", hint: t("passwordHint") },
    { name: "confirm", label: t("confirmPassword"), auto: "new-password" },
  ] as const;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {fields.map((f) => {
        const error = fieldError(e[f.name]?.message);
        const hint = "hint" in f ? f.hint : undefined;
        return (
          <Field key={f.name} id={`pw-${f.name}`} label={f.label} error={error} hint={hint}>
            <Input
              id={`pw-${f.name}`}
              type="password"
              dir="ltr"
              autoComplete={f.auto}
              {...form.register(f.name)}
              aria-invalid={!!error}
              aria-describedby={describedBy(`pw-${f.name}`, error, hint)}
            />
          </Field>
        );
      })}
      <FormMessage message={message} />
      <Button type="submit" disabled={pending}>
        {t("changePassword")}
      </Button>
    </form>
  );
}
