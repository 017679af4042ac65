"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { autonyms, locales, type Locale } from "@/i18n/config";
import { roles, type Role } from "@/lib/permissions";
import { newPassword } from "@/lib/validation/users";
import { updateUserAction } from "../actions";

type Details = { name: string; role: Role; locale: Locale };
const detailsSchema = z.object({
  name: z.string().trim().min(2, "nameTooShort").max(120, "nameTooLong"),
  role: z.enum(roles),
  locale: z.enum(locales),
});

export function UserDetailsForm({ id, initial }: { id: string; initial: Details }) {
  const t = useTranslations();
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<Details>({ resolver: zodResolver(detailsSchema), defaultValues: initial });
  const action = (values: Details) => updateUserAction({ id, patch: values });
  const { submit, pending, message } = useActionForm(form, action, { successText: t("common.saved"), onSuccess: () => router.refresh() });
  const e = form.formState.errors;
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field id="name" label={t("users.name")} error={fieldError(e.name?.message)}>
        <Input
          id="name"
          {...form.register("name")}
          aria-invalid={!!e.name}
          aria-describedby={describedBy("name", fieldError(e.name?.message))}
        />
      </Field>
      <Field id="role" label={t("users.role")} error={fieldError(e.role?.message)}>
        <Select
          id="role"
          {...form.register("role")}
          aria-invalid={!!e.role}
          aria-describedby={describedBy("role", fieldError(e.role?.message))}
        >
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
      <FormMessage message={message} />
      <Button type="submit" disabled={pending}>
        {t("common.save")}
      </Button>
    </form>
  );
}

/** Disable or enable, after an explicit confirmation. */
export function UserStatusControl({ id, disabled }: { id: string; disabled: boolean }) {
  const t = useTranslations();
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const apply = () =>
    start(async () => {
      const result = await updateUserAction({ id, patch: { disabled: !disabled } });
      setConfirming(false);
      if (!result.ok) setError(tErrors.has(result.messageKey) ? tErrors(result.messageKey) : tErrors("internal"));
      else {
        setError(null);
        router.refresh();
      }
    });
  return (
    <div className="space-y-3">
      {confirming ? (
        <div role="alertdialog" aria-labelledby="confirm-status" className="space-y-3 rounded-md border border-danger p-3">
          <p id="confirm-status" className="text-sm">
            {disabled ? t("users.confirmEnable") : t("users.confirmDisable")}
          </p>
          <div className="flex gap-2">
            <Button variant={disabled ? "primary" : "danger"} onClick={apply} disabled={pending}>
              {t("common.confirm")}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t("common.cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant={disabled ? "primary" : "danger"} onClick={() => setConfirming(true)}>
          {disabled ? t("users.enable") : t("users.disable")}
        </Button>
      )}
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function ResetPasswordForm({ id }: { id: string }) {
  const t = useTranslations();
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<{ password: string }>({
    resolver: zodResolver(z.object({ password: newPassword })),
    defaultValues: { password: "" },
  });
  const { submit, pending, message } = useActionForm(form, (v) => updateUserAction({ id, patch: v }), {
    successText: t("common.saved"),
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  const error = fieldError(form.formState.errors.password?.message);
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <Field id="reset-password" label={t("profile.newPassword")} error={error} hint={t("profile.passwordHint")}>
        <Input
          id="reset-password"
          type="password"
          dir="ltr"
          autoComplete="new-password"
          {...form.register("password")}
          aria-invalid={!!error}
          aria-describedby={describedBy("reset-password", error, t("profile.passwordHint"))}
        />
      </Field>
      <FormMessage message={message} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("users.resetPassword")}
      </Button>
    </form>
  );
}
