"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { fieldErrorsOfIssues } from "./field-errors";
import { billingCycles, createContractSchema, updateContractSchema } from "@/lib/validation/contracts";
import type { ServerAction } from "./types";

export type ContractFormValues = {
  clientId: string;
  tariffId: string;
  deliveryPointIds: string[];
  startDate: string;
  endDate: string;
  billingCycle: string;
  subscribedKva: string;
  paymentTermDays: string;
  status: string;
};

type Props = {
  /** Editing this contract; absent: creating one for `initial.clientId`. */
  id?: string;
  initial: ContractFormValues;
  tariffs: { id: string; code: string; name: string; currency: string }[];
  deliveryPoints: { id: string; code: string; city: string | null }[];
  create: ServerAction;
  update: ServerAction;
};

const num = (v: string) => (v.trim() === "" ? "" : Number(v.trim()));

/** Create or edit a contract: tariff, delivery points of the client, dates, billing cycle. */
export function ContractForm({ id, initial, tariffs, deliveryPoints, create, update }: Props) {
  const t = useTranslations("contracts");
  const tc = useTranslations("common");
  const tErrors = useTranslations("errors");
  const fieldError = useFieldError();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const s = (k: string) => String(data.get(k) ?? "");
    const values = {
      tariffId: s("tariffId"),
      deliveryPointIds: data.getAll("deliveryPointIds").map(String),
      startDate: s("startDate"),
      endDate: s("endDate"),
      billingCycle: s("billingCycle"),
      subscribedKva: num(s("subscribedKva")),
      paymentTermDays: num(s("paymentTermDays")) === "" ? Number.NaN : num(s("paymentTermDays")),
    };
    const input = id ? values : { ...values, clientId: initial.clientId, status: s("status") };
    const check = (id ? updateContractSchema : createContractSchema).safeParse(input);
    if (!check.success) {
      setErrors(fieldErrorsOfIssues(check.error.issues));
      setMessage({ tone: "error", text: tErrors("invalid") });
      return;
    }
    start(async () => {
      setMessage(null);
      const result = await (id ? update({ id, patch: input }) : create(input));
      if (result.ok) {
        router.push(`/energy/contracts/${(result.data as { id: string }).id}?${id ? "saved" : "created"}=1`);
        router.refresh();
        return;
      }
      const next: Record<string, string> = {};
      for (const [k, keys] of Object.entries(result.fieldErrors ?? {})) if (keys[0]) next[k] = keys[0];
      setErrors(next);
      setMessage({ tone: "error", text: tErrors.has(result.messageKey) ? tErrors(result.messageKey) : tErrors("internal") });
    });
  };
  const err = (k: string) => fieldError(errors[k]);
  const aria = (k: string, hint?: string) => ({ "aria-invalid": !!errors[k], "aria-describedby": describedBy(k, err(k), hint) });
  return (
    <form onSubmit={onSubmit} className="max-w-3xl space-y-6" noValidate>
      <fieldset className="grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold">{t("form.terms")}</legend>
        <Field id="tariffId" label={t("fields.tariff")} error={err("tariffId")}>
          <Select id="tariffId" name="tariffId" defaultValue={initial.tariffId} {...aria("tariffId")}>
            <option value="">{t("form.chooseTariff")}</option>
            {tariffs.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name} ({x.code}, {x.currency})
              </option>
            ))}
          </Select>
        </Field>
        <Field id="billingCycle" label={t("fields.billingCycle")} error={err("billingCycle")}>
          <Select id="billingCycle" name="billingCycle" defaultValue={initial.billingCycle} {...aria("billingCycle")}>
            {billingCycles.map((c) => (
              <option key={c} value={c}>
                {t(`cycles.${c}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="startDate" label={t("fields.startDate")} error={err("startDate")}>
          <Input id="startDate" name="startDate" type="date" defaultValue={initial.startDate} {...aria("startDate")} />
        </Field>
        <Field id="endDate" label={t("fields.endDate")} error={err("endDate")} hint={t("form.endDateHint")}>
          <Input id="endDate" name="endDate" type="date" defaultValue={initial.endDate} {...aria("endDate", t("form.endDateHint"))} />
        </Field>
        <Field id="subscribedKva" label={t("fields.subscribedKva")} error={err("subscribedKva")}>
          <Input
            id="subscribedKva"
            name="subscribedKva"
            inputMode="numeric"
            dir="ltr"
            defaultValue={initial.subscribedKva}
            {...aria("subscribedKva")}
          />
        </Field>
        <Field id="paymentTermDays" label={t("fields.paymentTermDays")} error={err("paymentTermDays")}>
          <Input
            id="paymentTermDays"
            name="paymentTermDays"
            inputMode="numeric"
            dir="ltr"
            defaultValue={initial.paymentTermDays}
            {...aria("paymentTermDays")}
          />
        </Field>
        {id ? null : (
          <Field id="status" label={t("fields.status")} error={err("status")} hint={t("form.statusHint")}>
            <Select id="status" name="status" defaultValue={initial.status} {...aria("status", t("form.statusHint"))}>
              {(["draft", "active"] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </fieldset>
      <fieldset
        className="space-y-2 rounded-lg border border-line bg-surface p-4"
        aria-invalid={!!errors.deliveryPointIds}
        aria-describedby={errors.deliveryPointIds ? "deliveryPointIds-error" : undefined}
      >
        <legend className="px-1 text-base font-semibold">{t("fields.deliveryPoints")}</legend>
        {deliveryPoints.length === 0 ? <p className="text-sm text-muted">{t("form.noDeliveryPoints")}</p> : null}
        {deliveryPoints.map((dp) => (
          <label key={dp.id} className="flex min-h-10 items-center gap-2">
            <input
              type="checkbox"
              name="deliveryPointIds"
              value={dp.id}
              defaultChecked={initial.deliveryPointIds.includes(dp.id)}
              className="size-5"
            />
            <span className="font-mono" dir="ltr">
              {dp.code}
            </span>
            {dp.city ? <span className="text-muted">{dp.city}</span> : null}
          </label>
        ))}
        {errors.deliveryPointIds ? (
          <p id="deliveryPointIds-error" role="alert" className="text-sm text-danger">
            {err("deliveryPointIds")}
          </p>
        ) : null}
      </fieldset>
      <FormMessage message={message} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {id ? tc("save") : t("form.create")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          {tc("cancel")}
        </Button>
      </div>
    </form>
  );
}
