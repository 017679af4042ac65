"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm, useWatch, type UseFormReturn } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { equipmentFormSchema, type EquipmentFormValues } from "@/lib/validation/equipment-form";
import { criticalities, equipmentTypes, type CreateEquipmentInput } from "@/lib/validation/equipment";
import { createEquipmentAction, updateEquipmentAction } from "./actions";

type SiteChoice = { id: string; code: string; name: string };

/** Create (no `id`) or edit equipment; the same rules as the API, checked here then on the server. */
export function EquipmentForm({ id, sites, initial }: { id?: string; sites: SiteChoice[]; initial: EquipmentFormValues }) {
  const t = useTranslations("energy");
  const tc = useTranslations("common");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<EquipmentFormValues, unknown, CreateEquipmentInput>({
    resolver: zodResolver(equipmentFormSchema) as never,
    defaultValues: initial,
  });
  // Editing never touches the state (it has its own control); the form schema defaults it for creation.
  const action = ({ state: _state, ...fields }: CreateEquipmentInput) =>
    id ? updateEquipmentAction({ id, patch: fields }) : createEquipmentAction(fields);
  const { submit, pending, message } = useActionForm<CreateEquipmentInput>(form as unknown as UseFormReturn<CreateEquipmentInput>, action, {
    onSuccess: (data) => {
      router.push(`/energy/equipment/${(data as { id: string }).id}?${id ? "saved" : "created"}=1`);
      router.refresh();
    },
  });
  const e = form.formState.errors;
  const err = (k: keyof EquipmentFormValues) => fieldError(e[k]?.message);
  const plan = useWatch({ control: form.control, name: "planKind" });
  const text = (k: keyof EquipmentFormValues, label: string, props: Record<string, unknown> = {}, hint?: string) => (
    <Field id={k} label={label} error={err(k)} hint={hint}>
      <Input id={k} {...props} {...form.register(k)} aria-invalid={!!e[k]} aria-describedby={describedBy(k, err(k), hint)} />
    </Field>
  );
  return (
    <form onSubmit={submit} className="max-w-3xl space-y-6" noValidate>
      <fieldset className="grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold">{t("equipment.identification")}</legend>
        {text("name", t("equipment.name"), { autoComplete: "off" })}
        <Field id="siteId" label={t("equipment.site")} error={err("siteId")}>
          <Select
            id="siteId"
            {...form.register("siteId")}
            aria-invalid={!!e.siteId}
            aria-describedby={describedBy("siteId", err("siteId"))}
          >
            <option value="">{t("equipment.chooseSite")}</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.code})
              </option>
            ))}
          </Select>
        </Field>
        <Field id="type" label={t("equipment.type")} error={err("type")}>
          <Select id="type" {...form.register("type")} aria-invalid={!!e.type} aria-describedby={describedBy("type", err("type"))}>
            {equipmentTypes.map((v) => (
              <option key={v} value={v}>
                {t(`equipmentTypes.${v}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="criticality" label={t("equipment.criticality")} error={err("criticality")}>
          <Select
            id="criticality"
            {...form.register("criticality")}
            aria-invalid={!!e.criticality}
            aria-describedby={describedBy("criticality", err("criticality"))}
          >
            {criticalities.map((v) => (
              <option key={v} value={v}>
                {t(`criticality.${v}`)}
              </option>
            ))}
          </Select>
        </Field>
        {text("serialNumber", t("equipment.serialNumber"), { dir: "ltr", autoComplete: "off" })}
        {text("manufacturer", t("equipment.manufacturer"))}
        {text("model", t("equipment.model"))}
        {text("commissionedOn", t("equipment.commissionedOn"), { type: "date" })}
      </fieldset>
      <fieldset className="grid gap-4 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2">
        <legend className="px-1 text-base font-semibold">{t("equipment.plan")}</legend>
        <Field id="planKind" label={t("equipment.planKind")} error={err("planKind")}>
          <Select
            id="planKind"
            {...form.register("planKind")}
            aria-invalid={!!e.planKind}
            aria-describedby={describedBy("planKind", err("planKind"))}
          >
            <option value="">{t("equipment.noPlan")}</option>
            <option value="days">{t("equipment.planKinds.days")}</option>
            <option value="hours">{t("equipment.planKinds.hours")}</option>
          </Select>
        </Field>
        {plan
          ? text("planInterval", plan === "hours" ? t("equipment.planIntervalHours") : t("equipment.planIntervalDays"), {
              inputMode: "numeric",
              dir: "ltr",
            })
          : null}
        {text("lastServiceOn", t("equipment.lastServiceOn"), { type: "date" }, t("equipment.lastServiceHint"))}
        {text("operatingHours", t("equipment.operatingHours"), { inputMode: "decimal", dir: "ltr" })}
        {plan === "hours"
          ? text(
              "hoursAtLastService",
              t("equipment.hoursAtLastService"),
              { inputMode: "decimal", dir: "ltr" },
              t("equipment.hoursAtLastServiceHint"),
            )
          : null}
      </fieldset>
      <FormMessage message={message} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {id ? tc("save") : t("equipment.create")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          {tc("cancel")}
        </Button>
      </div>
    </form>
  );
}
