"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm, type UseFormReturn } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { describedBy, Field, Input } from "@/components/ui/field";
import { severities } from "@/lib/devops/severity";
import { updatePolicySchema } from "@/lib/validation/incidents";
import { updatePolicyAction } from "./actions";

type Target = { ackMinutes: number; resolveMinutes: number };
type Values = { id: string; warnPercent: number; targets: Record<(typeof severities)[number], Target> };

/** Managers edit a policy's targets (business minutes per severity) and its warning threshold. */
export function PolicyForm({ initial }: { initial: Values }) {
  const t = useTranslations("devops.sla");
  const ti = useTranslations("devops.incidents");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<Values>({ resolver: zodResolver(updatePolicySchema) as never, defaultValues: initial });
  const { submit, pending, message } = useActionForm<Values>(form as UseFormReturn<Values>, updatePolicyAction, {
    successText: t("policies.saved"),
    onSuccess: () => router.refresh(),
  });
  const e = form.formState.errors;
  const pid = initial.id.slice(0, 8);
  const cell = (sev: (typeof severities)[number], k: keyof Target) => {
    const id = `p-${pid}-${sev}-${k}`;
    const err = fieldError(e.targets?.[sev]?.[k]?.message);
    return (
      <td className="px-2 py-1 align-top">
        <label htmlFor={id} className="sr-only">
          {t(`policies.${k}For`, { severity: ti(`severity.${sev}`) })}
        </label>
        <Input
          id={id}
          inputMode="numeric"
          dir="ltr"
          className="w-28"
          {...form.register(`targets.${sev}.${k}`)}
          aria-invalid={!!err}
          aria-describedby={describedBy(id, err)}
        />
        {err ? (
          <p id={`${id}-error`} role="alert" className="text-xs text-danger">
            {err}
          </p>
        ) : null}
      </td>
    );
  };
  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <ScrollRegion label={t("policies.targets")}>
        <table className="text-sm">
          <caption className="sr-only">{t("policies.targets")}</caption>
          <thead>
            <tr>
              <th scope="col" className="px-2 py-1 text-start">
                {ti("fields.severity")}
              </th>
              <th scope="col" className="px-2 py-1 text-start">
                {t("policies.ackMinutes")}
              </th>
              <th scope="col" className="px-2 py-1 text-start">
                {t("policies.resolveMinutes")}
              </th>
            </tr>
          </thead>
          <tbody>
            {severities.map((sev) => (
              <tr key={sev}>
                <th scope="row" className="px-2 py-1 text-start font-normal">
                  {ti(`severity.${sev}`)}
                </th>
                {cell(sev, "ackMinutes")}
                {cell(sev, "resolveMinutes")}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <Field id={`p-${pid}-warn`} label={t("policies.warnPercent")} error={fieldError(e.warnPercent?.message)}>
        <Input
          id={`p-${pid}-warn`}
          inputMode="numeric"
          dir="ltr"
          className="w-28"
          {...form.register("warnPercent")}
          aria-invalid={!!e.warnPercent}
          aria-describedby={describedBy(`p-${pid}-warn`, fieldError(e.warnPercent?.message))}
        />
      </Field>
      <FormMessage message={message} />
      <Button type="submit" disabled={pending}>
        {t("policies.save")}
      </Button>
    </form>
  );
}
