"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm, useWatch, type UseFormReturn } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import {
  commonIntervals,
  meterCarriers,
  meterKinds,
  meterQuantities,
  meterRegisters,
  type CreateMeterInput,
} from "@/lib/validation/meters";
import { createMeterAction, updateMeterAction } from "./actions";
import { meterFormSchema, type MeterFormValues } from "./meter-form-schema";

type Props = {
  /** Editing this meter; absent: creating one on `initial.siteId`. */
  id?: string;
  initial: MeterFormValues;
  equipment: { id: string; name: string }[];
  /** The meter has readings: quantity, register and interval can no longer change. */
  locked?: boolean;
};

/** Create or edit a meter; the same rules as the API, checked here then on the server. */
export function MeterForm({ id, initial, equipment, locked = false }: Props) {
  const t = useTranslations("meters");
  const tc = useTranslations("common");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<MeterFormValues, unknown, CreateMeterInput>({
    resolver: zodResolver(meterFormSchema) as never,
    defaultValues: initial,
  });
  // Editing never moves the meter to another site; fields fixed by readings are left out.
  const action = (values: CreateMeterInput) => {
    if (!id) return createMeterAction(values);
    const patch: Partial<CreateMeterInput> = { ...values };
    delete patch.siteId;
    if (locked) for (const k of ["quantity", "register", "intervalMinutes"] as const) delete patch[k];
    return updateMeterAction({ id, patch });
  };
  const { submit, pending, message } = useActionForm<CreateMeterInput>(form as unknown as UseFormReturn<CreateMeterInput>, action, {
    onSuccess: (data) => {
      router.push(`/energy/meters/${(data as { id: string }).id}?${id ? "saved" : "created"}=1`);
      router.refresh();
    },
  });
  const e = form.formState.errors;
  const err = (k: keyof MeterFormValues) => fieldError(e[k]?.message);
  const register = useWatch({ control: form.control, name: "register" });
  const intervals: number[] = [...commonIntervals];
  if (!intervals.includes(Number(initial.intervalMinutes))) intervals.unshift(Number(initial.intervalMinutes));
  const text = (k: keyof MeterFormValues, label: string, props: Record<string, unknown> = {}, hint?: string) => (
    <Field id={k} label={label} error={err(k)} hint={hint}>
      <Input id={k} {...props} {...form.register(k)} aria-invalid={!!e[k]} aria-describedby={describedBy(k, err(k), hint)} />
    </Field>
  );
  const select = (k: keyof MeterFormValues, label: string, options: { value: string; label: string }[], hint?: string) => (
    <Field id={k} label={label} error={err(k)} hint={hint}>
      <Select id={k} {...form.register(k)} aria-invalid={!!e[k]} aria-describedby={describedBy(k, err(k), hint)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
  /** A field fixed by existing readings: shown, not editable. */
  const fixed = (label: string, value: string) => (
    <div className="space-y-1">
      <p className="text-sm font-semibold">{label}</p>
      <p className="min-h-10 rounded-md border border-line bg-surface-2 px-3 py-2">{value}</p>
      <p className="text-xs text-muted">{t("form.lockedHint")}</p>
    </div>
  );
  const intervalLabel = (n: number) => (n === 1440 ? t("form.intervalDay") : t("form.intervalOption", { n }));
  return (
    <form onSubmit={submit} className="max-w-3xl space-y-6" noValidate>
      <fieldset className="grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold">{t("form.identification")}</legend>
        {text("code", t("form.code"), { dir: "ltr", autoComplete: "off", spellCheck: false }, t("form.codeHint"))}
        {text("name", t("form.name"), { autoComplete: "off" })}
        {select(
          "kind",
          t("form.kind"),
          meterKinds.map((v) => ({ value: v, label: t(`kinds.${v}`) })),
        )}
        {select(
          "carrier",
          t("form.carrier"),
          meterCarriers.map((v) => ({ value: v, label: t(`carriers.${v}`) })),
        )}
        {select("equipmentId", t("form.equipment"), [
          { value: "", label: t("form.noEquipment") },
          ...equipment.map((q) => ({ value: q.id, label: q.name })),
        ])}
      </fieldset>
      <fieldset className="grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold">{t("form.measurement")}</legend>
        {locked
          ? fixed(t("form.quantity"), t(`quantities.${initial.quantity as "energy"}`))
          : select(
              "quantity",
              t("form.quantity"),
              meterQuantities.map((v) => ({ value: v, label: t(`quantities.${v}`) })),
              t("form.quantityHint"),
            )}
        {locked
          ? fixed(t("form.intervalMinutes"), intervalLabel(Number(initial.intervalMinutes)))
          : select(
              "intervalMinutes",
              t("form.intervalMinutes"),
              intervals.map((n) => ({ value: String(n), label: intervalLabel(n) })),
            )}
        {locked
          ? fixed(t("form.register"), t(`registers.${initial.register as "interval"}`))
          : select(
              "register",
              t("form.register"),
              meterRegisters.map((v) => ({ value: v, label: t(`registers.${v}`) })),
              t("form.registerHint"),
            )}
      </fieldset>
      {register === "cumulative" ? (
        <fieldset className="grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2">
          <legend className="px-1 text-base font-semibold">{t("form.counter")}</legend>
          {text("rolloverAt", t("form.rolloverAt"), { inputMode: "decimal", dir: "ltr" }, t("form.rolloverHint"))}
          {text("jitterTolerance", t("form.jitterTolerance"), { inputMode: "decimal", dir: "ltr" }, t("form.jitterHint"))}
        </fieldset>
      ) : null}
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
