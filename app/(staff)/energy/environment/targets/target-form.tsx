"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { targetSchema, type TargetInput } from "@/lib/validation/environment";
import { setTargetAction } from "./actions";

/** Sets the target of a site for a year; an existing target of that site and year is replaced. */
export function TargetForm({ sites, year }: { sites: { id: string; code: string; name: string }[]; year: number }) {
  const t = useTranslations();
  const router = useRouter();
  const fieldError = useFieldError();
  const blank: TargetInput = { siteId: sites[0]?.id ?? "", year: String(year), maxCo2Kg: "", minRenewablePercent: "" };
  const form = useForm<TargetInput>({ resolver: zodResolver(targetSchema, undefined, { raw: true }), defaultValues: blank });
  const { submit, pending, message } = useActionForm(form, setTargetAction, {
    successText: t("environment.targets.saved"),
    onSuccess: () => {
      form.reset(blank);
      router.refresh();
    },
  });
  const e = form.formState.errors;
  const err = (k: keyof TargetInput) => fieldError(e[k]?.message);
  const aria = (k: keyof TargetInput, hint?: string) => ({
    "aria-invalid": !!e[k],
    "aria-describedby": describedBy(`target-${k}`, err(k), hint),
  });
  const maxHint = t("environment.targets.form.maxHint");
  const minHint = t("environment.targets.form.minHint");
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="target-siteId" label={t("environment.targets.form.site")} error={err("siteId")}>
          <Select id="target-siteId" {...form.register("siteId")} {...aria("siteId")}>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.code})
              </option>
            ))}
          </Select>
        </Field>
        <Field id="target-year" label={t("environment.targets.form.year")} error={err("year")}>
          <Input id="target-year" inputMode="numeric" dir="ltr" {...form.register("year")} {...aria("year")} />
        </Field>
        <Field id="target-maxCo2Kg" label={t("environment.targets.form.maxCo2Kg")} error={err("maxCo2Kg")} hint={maxHint}>
          <Input id="target-maxCo2Kg" inputMode="decimal" dir="ltr" {...form.register("maxCo2Kg")} {...aria("maxCo2Kg", maxHint)} />
        </Field>
        <Field
          id="target-minRenewablePercent"
          label={t("environment.targets.form.minRenewablePercent")}
          error={err("minRenewablePercent")}
          hint={minHint}
        >
          <Input
            id="target-minRenewablePercent"
            inputMode="decimal"
            dir="ltr"
            {...form.register("minRenewablePercent")}
            {...aria("minRenewablePercent", minHint)}
          />
        </Field>
      </div>
      <FormMessage message={message} />
      <Button type="submit" disabled={pending}>
        {t("environment.targets.form.submit")}
      </Button>
    </form>
  );
}
