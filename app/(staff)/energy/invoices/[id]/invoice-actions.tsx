"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, type UseFormReturn } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmAction, ConfirmDialog } from "@/components/ui/confirm-action";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { manualPaymentMethods, recordPaymentSchema, type RecordPaymentFormInput } from "@/lib/validation/payments";
import { creditInvoiceAction, issueInvoiceAction, recordPaymentAction } from "../actions";

/** Issue a draft: it gets the next number and its identities are frozen (asked first). */
export function IssueInvoiceButton({ id }: { id: string }) {
  const t = useTranslations("invoices");
  const router = useRouter();
  return (
    <ConfirmAction
      label={t("actions.issue")}
      question={t("actions.issueConfirm")}
      variant="primary"
      action={() => issueInvoiceAction({ id })}
      onDone={() => router.refresh()}
    />
  );
}

type PaymentValues = {
  invoiceId: string;
  amount: string;
  method: (typeof manualPaymentMethods)[number];
  reference: string;
  receivedOn: string;
};

/** Record a payment received by hand (cash, transfer, CIB, Edahabia) against an issued invoice. */
export function RecordPaymentForm({ id, balance, today }: { id: string; balance: string; today: string }) {
  const t = useTranslations("invoices");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<PaymentValues>({
    resolver: zodResolver(recordPaymentSchema) as never,
    defaultValues: { invoiceId: id, amount: balance, method: "transfer", reference: "", receivedOn: today },
  });
  const { submit, pending, message } = useActionForm<RecordPaymentFormInput>(
    form as unknown as UseFormReturn<RecordPaymentFormInput>,
    (values) => recordPaymentAction(values),
    {
      successText: t("payment.recorded"),
      onSuccess: () => {
        form.reset({ ...form.getValues(), amount: "", reference: "" });
        router.refresh();
      },
    },
  );
  const e = form.formState.errors;
  const err = (k: keyof PaymentValues) => fieldError(e[k]?.message);
  const text = (k: "amount" | "reference" | "receivedOn", label: string, props: Record<string, unknown> = {}) => (
    <Field id={`p-${k}`} label={label} error={err(k)}>
      <Input id={`p-${k}`} {...props} {...form.register(k)} aria-invalid={!!e[k]} aria-describedby={describedBy(`p-${k}`, err(k))} />
    </Field>
  );
  return (
    <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" {...form.register("invoiceId")} />
      {text("amount", t("payment.amount"), { inputMode: "decimal", autoComplete: "off" })}
      <Field id="p-method" label={t("payment.method")} error={err("method")}>
        <Select id="p-method" {...form.register("method")}>
          {manualPaymentMethods.map((m) => (
            <option key={m} value={m}>
              {t(`methods.${m}`)}
            </option>
          ))}
        </Select>
      </Field>
      {text("reference", t("payment.reference"), { autoComplete: "off" })}
      {text("receivedOn", t("payment.receivedOn"), { type: "date" })}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {t("payment.submit")}
        </Button>
        <FormMessage message={message} />
      </div>
    </form>
  );
}

/** Cancel an issued invoice with a credit note: a reason, then a confirmation. */
export function CreditNoteForm({ id }: { id: string }) {
  const t = useTranslations("invoices");
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = () =>
    start(async () => {
      const result = await creditInvoiceAction({ id, reason });
      setAsking(false);
      if (result.ok) {
        setError(null);
        router.push(`/energy/invoices/${result.data.creditNoteId}`);
        router.refresh();
        return;
      }
      const key = result.fieldErrors?.reason?.[0];
      setError(key ? (tv.has(key) ? tv(key) : tv("invalid")) : te.has(result.messageKey) ? te(result.messageKey) : te("internal"));
    });
  return (
    <div className="space-y-3">
      <Field id="c-reason" label={t("credit.reason")} error={error ?? undefined} hint={t("credit.hint")}>
        <textarea
          id="c-reason"
          value={reason}
          onChange={(ev) => setReason(ev.target.value)}
          rows={3}
          maxLength={500}
          aria-invalid={!!error}
          aria-describedby={describedBy("c-reason", error ?? undefined, t("credit.hint"))}
          className="block w-full rounded-md border border-border bg-surface px-3 py-2 text-fg"
        />
      </Field>
      {asking ? (
        <ConfirmDialog question={t("credit.confirm")} pending={pending} onConfirm={run} onCancel={() => setAsking(false)} />
      ) : (
        <Button
          type="button"
          variant="secondary"
          onClick={() => (reason.trim().length < 3 ? setError(tv("reasonRequired")) : (setError(null), setAsking(true)))}
        >
          {t("credit.submit")}
        </Button>
      )}
    </div>
  );
}
