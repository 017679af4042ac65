"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm, type UseFormReturn } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { generateInvoicesFormSchema, runPeriodKinds, type GenerateInvoicesFormInput } from "@/lib/validation/invoices";
import { generateInvoicesAction } from "./actions";

type Values = { clientId: string; month: string; length: (typeof runPeriodKinds)[number]; issue: boolean };

/** Admins: compute (or recompute) a client's drafts for a period, optionally issuing them at once. */
export function GenerateInvoicesForm({ clients }: { clients: { id: string; code: string; name: string }[] }) {
  const t = useTranslations("invoices");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<Values>({
    resolver: zodResolver(generateInvoicesFormSchema) as never,
    defaultValues: { clientId: "", month: "", length: "month", issue: false },
  });
  const { submit, pending, message } = useActionForm<GenerateInvoicesFormInput>(
    form as unknown as UseFormReturn<GenerateInvoicesFormInput>,
    (values) => generateInvoicesAction(values),
    {
      successText: t("generate.done"),
      onSuccess: (data) => {
        const ids = (data as { invoiceIds: string[] }).invoiceIds;
        if (ids.length === 1) router.push(`/energy/invoices/${ids[0]}`);
        router.refresh();
      },
    },
  );
  const e = form.formState.errors;
  const err = (k: keyof Values) => fieldError(e[k]?.message);
  return (
    <form onSubmit={submit} noValidate className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Field id="g-clientId" label={t("generate.client")} error={err("clientId")}>
        <Select
          id="g-clientId"
          {...form.register("clientId")}
          aria-invalid={!!e.clientId}
          aria-describedby={describedBy("g-clientId", err("clientId"))}
        >
          <option value="">{t("generate.pickClient")}</option>
          {clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.code})
            </option>
          ))}
        </Select>
      </Field>
      <Field id="g-month" label={t("generate.month")} error={err("month")} hint={t("generate.monthHint")}>
        <Input
          id="g-month"
          type="month"
          {...form.register("month")}
          aria-invalid={!!e.month}
          aria-describedby={describedBy("g-month", err("month"), t("generate.monthHint"))}
        />
      </Field>
      <Field id="g-length" label={t("generate.length")} error={err("length")}>
        <Select id="g-length" {...form.register("length")}>
          {runPeriodKinds.map((k) => (
            <option key={k} value={k}>
              {t(`periodLengths.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex items-center gap-2 self-end pb-2">
        <input id="g-issue" type="checkbox" className="size-4" {...form.register("issue")} />
        <label htmlFor="g-issue" className="text-sm">
          {t("generate.issue")}
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-4">
        <Button type="submit" disabled={pending}>
          {t("generate.submit")}
        </Button>
        <FormMessage message={message} />
      </div>
    </form>
  );
}
