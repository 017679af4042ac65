"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm, type UseFormReturn } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { runPeriodKinds, startBillingRunFormSchema, type StartBillingRunFormInput } from "@/lib/validation/invoices";
import { startBillingRunAction } from "./actions";

type Values = { month: string; length: (typeof runPeriodKinds)[number]; cycle: string; clientId: string };
const cycles = ["monthly", "bimonthly", "quarterly"] as const;

/** Admins: queue a billing run for a month, two months or a quarter; optionally one cycle or one client. */
export function BillingRunForm({ clients, defaultMonth }: { clients: { id: string; code: string; name: string }[]; defaultMonth: string }) {
  const t = useTranslations("billingRuns");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<Values>({
    resolver: zodResolver(startBillingRunFormSchema) as never,
    defaultValues: { month: defaultMonth, length: "month", cycle: "", clientId: "" },
  });
  const { submit, pending, message } = useActionForm<StartBillingRunFormInput>(
    form as unknown as UseFormReturn<StartBillingRunFormInput>,
    (values) => startBillingRunAction(values),
    {
      onSuccess: (data) => {
        router.push(`/energy/billing/${(data as { id: string }).id}`);
        router.refresh();
      },
    },
  );
  const e = form.formState.errors;
  const err = (k: keyof Values) => fieldError(e[k]?.message);
  return (
    <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Field id="r-month" label={t("form.month")} error={err("month")} hint={t("form.monthHint")}>
        <Input
          id="r-month"
          type="month"
          {...form.register("month")}
          aria-invalid={!!e.month}
          aria-describedby={describedBy("r-month", err("month"), t("form.monthHint"))}
        />
      </Field>
      <Field id="r-length" label={t("form.length")} error={err("length")}>
        <Select id="r-length" {...form.register("length")}>
          {runPeriodKinds.map((k) => (
            <option key={k} value={k}>
              {t(`form.lengths.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="r-cycle" label={t("form.cycle")} error={err("cycle")} hint={t("form.cycleHint")}>
        <Select id="r-cycle" {...form.register("cycle")} aria-describedby={describedBy("r-cycle", err("cycle"), t("form.cycleHint"))}>
          <option value="">{t("form.anyCycle")}</option>
          {cycles.map((c) => (
            <option key={c} value={c}>
              {t(`cycles.${c}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="r-client" label={t("form.client")} error={err("clientId")}>
        <Select id="r-client" {...form.register("clientId")}>
          <option value="">{t("form.allClients")}</option>
          {clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.code})
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-4">
        <Button type="submit" disabled={pending}>
          {t("form.submit")}
        </Button>
        <FormMessage message={message} />
      </div>
    </form>
  );
}
