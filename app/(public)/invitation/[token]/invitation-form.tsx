"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input } from "@/components/ui/field";
import { acceptInvitationSchema, type AcceptInvitationInput } from "@/lib/validation/clients";
import { acceptInvitationAction } from "./actions";

/** Name and password (twice) for the invited client account. */
export function InvitationForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("invitation");
  const tp = useTranslations("profile");
  const fieldError = useFieldError();
  const form = useForm<AcceptInvitationInput>({
    resolver: zodResolver(acceptInvitationSchema),
    defaultValues: { token, name: "", password: "", confirm: "" },
  });
  const { submit, pending, message } = useActionForm(form, acceptInvitationAction);
  const e = form.formState.errors;
  const err = (k: keyof AcceptInvitationInput) => fieldError(e[k]?.message);
  const text = (k: "name" | "password" | "confirm", type: string, autoComplete: string, hint?: string) => (
    <Field id={k} label={t(`form.${k}`)} error={err(k)} hint={hint}>
      <Input
        id={k}
        type={type}
        autoComplete={autoComplete}
        {...form.register(k)}
        aria-invalid={!!e[k]}
        aria-describedby={describedBy(k, err(k), hint)}
      />
    </Field>
  );
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <div className="space-y-1">
        <p className="text-sm font-semibold">{t("form.email")}</p>
        <p className="min-h-10 rounded-md border border-line bg-surface-2 px-3 py-2" dir="ltr">
          {email}
        </p>
      </div>
      <input type="hidden" {...form.register("token")} />
      {text("name", "text", "name")}
      {text("password", "password", "new-password", tp("passwordHint"))}
      {text("confirm", "password", "new-password")}
      <FormMessage message={message} />
      <Button type="submit" className="w-full" disabled={pending}>
        {t("form.submit")}
      </Button>
    </form>
  );
}
