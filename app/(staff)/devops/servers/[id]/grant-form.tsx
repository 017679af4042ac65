"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm, type UseFormReturn } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { grantFormSchema, type GrantFormValues } from "@/lib/validation/server-form";
import { accessLevels, type AccessGrant } from "@/lib/validation/server-access";
import { addAccessGrantAction, revokeAccessGrantAction } from "../actions";

const empty: GrantFormValues = { principal: "", level: "operator", sshKeyFingerprint: "", expiresAt: "", reason: "" };

/** Grants access: login, level, SSH key fingerprint (never the key), optional end. */
export function GrantForm({ id }: { id: string }) {
  const t = useTranslations("devops.servers.access");
  const tl = useTranslations("devops.servers.levels");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<GrantFormValues, unknown, AccessGrant>({ resolver: zodResolver(grantFormSchema) as never, defaultValues: empty });
  const { submit, pending, message } = useActionForm<AccessGrant>(
    form as unknown as UseFormReturn<AccessGrant>,
    (grant) => addAccessGrantAction({ id, grant: { ...grant, expiresAt: grant.expiresAt ?? null } }),
    {
      successText: t("granted"),
      onSuccess: () => {
        form.reset(empty);
        router.refresh();
      },
    },
  );
  const e = form.formState.errors;
  const err = (k: keyof GrantFormValues) => fieldError(e[k]?.message);
  const field = (k: keyof GrantFormValues, props: Record<string, unknown> = {}, hint?: string) => (
    <Field id={`grant-${k}`} label={t(`fields.${k}`)} error={err(k)} hint={hint}>
      <Input
        id={`grant-${k}`}
        {...props}
        {...form.register(k)}
        aria-invalid={!!e[k]}
        aria-describedby={describedBy(`grant-${k}`, err(k), hint)}
      />
    </Field>
  );
  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-labelledby="grant-form-title">
      <h3 id="grant-form-title" className="text-sm font-semibold">
        {t("addTitle")}
      </h3>
      <div className="grid gap-4 sm:grid-cols-2">
        {field("principal", { dir: "ltr", autoComplete: "off", spellCheck: false }, t("hints.principal"))}
        <Field id="grant-level" label={t("fields.level")} error={err("level")}>
          <Select
            id="grant-level"
            {...form.register("level")}
            aria-invalid={!!e.level}
            aria-describedby={describedBy("grant-level", err("level"))}
          >
            {accessLevels.map((l) => (
              <option key={l} value={l}>
                {tl(l)}
              </option>
            ))}
          </Select>
        </Field>
        {field("sshKeyFingerprint", { dir: "ltr", autoComplete: "off", spellCheck: false }, t("hints.sshKeyFingerprint"))}
        {field("expiresAt", { type: "datetime-local" }, t("hints.expiresAt"))}
        <div className="sm:col-span-2">{field("reason", { autoComplete: "off" })}</div>
      </div>
      <FormMessage message={message} />
      <Button type="submit" disabled={pending}>
        {t("grant")}
      </Button>
    </form>
  );
}

/** Revokes a grant after confirmation; it stays listed as revoked. */
export function RevokeGrant({ id, grantId, principal }: { id: string; grantId: string; principal: string }) {
  const t = useTranslations("devops.servers.access");
  const router = useRouter();
  return (
    <ConfirmAction
      label={t("revoke")}
      question={t("confirmRevoke", { principal })}
      action={() => revokeAccessGrantAction({ id, grantId })}
      onDone={() => router.refresh()}
    />
  );
}
