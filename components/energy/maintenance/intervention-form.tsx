"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { createInterventionAction } from "@/app/(staff)/energy/maintenance/actions";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, inputClass, Select } from "@/components/ui/field";
import { interventionFormSchema, interventionKinds, type InterventionFormInput } from "@/lib/validation/maintenance";

type Option = { id: string; name: string };
type EquipmentChoice = Option & { siteId: string; siteName: string };

/** Plans an intervention (admins); the planned start is read on the equipment's site clock. */
export function InterventionForm({
  equipment,
  technicians,
  defaults,
}: {
  equipment: EquipmentChoice[];
  technicians: Option[];
  defaults: { equipmentId: string; plannedStartLocal: string };
}) {
  const t = useTranslations("energy");
  const router = useRouter();
  const fieldError = useFieldError();
  const form = useForm<InterventionFormInput>({
    resolver: zodResolver(interventionFormSchema),
    defaultValues: {
      equipmentId: defaults.equipmentId,
      kind: "corrective",
      title: "",
      description: "",
      plannedStartLocal: defaults.plannedStartLocal,
      plannedDurationMinutes: 60,
      assignedTo: "",
      checklistText: "",
    },
  });
  const { submit, pending, message } = useActionForm(form, createInterventionAction, {
    onSuccess: (data) => router.push(`/energy/maintenance/${(data as { id: string }).id}?created=1`),
  });
  const e = form.formState.errors;
  const err = (k: keyof InterventionFormInput) => fieldError(e[k]?.message);
  const sites = [...new Map(equipment.map((q) => [q.siteId, q.siteName])).entries()];
  const aria = (k: keyof InterventionFormInput, hint?: string) => ({
    "aria-invalid": !!e[k],
    "aria-describedby": describedBy(k, err(k), hint),
  });
  return (
    <form onSubmit={submit} className="max-w-2xl space-y-4" noValidate>
      <Field id="equipmentId" label={t("maintenance.form.equipment")} error={err("equipmentId")}>
        <Select id="equipmentId" {...form.register("equipmentId")} {...aria("equipmentId")}>
          <option value="">{t("maintenance.form.chooseEquipment")}</option>
          {sites.map(([siteId, siteName]) => (
            <optgroup key={siteId} label={siteName}>
              {equipment
                .filter((q) => q.siteId === siteId)
                .map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      <Field id="kind" label={t("maintenance.form.kind")} error={err("kind")}>
        <Select id="kind" {...form.register("kind")} {...aria("kind")}>
          {interventionKinds.map((k) => (
            <option key={k} value={k}>
              {t(`interventionKinds.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="title" label={t("maintenance.form.title")} error={err("title")}>
        <Input id="title" {...form.register("title")} {...aria("title")} />
      </Field>
      <Field id="description" label={t("maintenance.form.description")} error={err("description")}>
        <textarea id="description" rows={3} className={inputClass} {...form.register("description")} {...aria("description")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="plannedStartLocal"
          label={t("maintenance.form.plannedStart")}
          error={err("plannedStartLocal")}
          hint={t("maintenance.form.plannedStartHint")}
        >
          <Input
            id="plannedStartLocal"
            type="datetime-local"
            {...form.register("plannedStartLocal")}
            {...aria("plannedStartLocal", t("maintenance.form.plannedStartHint"))}
          />
        </Field>
        <Field id="plannedDurationMinutes" label={t("maintenance.form.duration")} error={err("plannedDurationMinutes")}>
          <Input
            id="plannedDurationMinutes"
            type="number"
            inputMode="numeric"
            min={5}
            step={5}
            {...form.register("plannedDurationMinutes", { valueAsNumber: true })}
            {...aria("plannedDurationMinutes")}
          />
        </Field>
      </div>
      <Field id="assignedTo" label={t("maintenance.form.assignee")} error={err("assignedTo")}>
        <Select id="assignedTo" {...form.register("assignedTo")} {...aria("assignedTo")}>
          <option value="">{t("maintenance.unassigned")}</option>
          {technicians.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        id="checklistText"
        label={t("maintenance.form.checklist")}
        error={err("checklistText")}
        hint={t("maintenance.form.checklistHint")}
      >
        <textarea
          id="checklistText"
          rows={4}
          className={inputClass}
          {...form.register("checklistText")}
          {...aria("checklistText", t("maintenance.form.checklistHint"))}
        />
      </Field>
      <FormMessage message={message} />
      <Button type="submit" disabled={pending}>
        {t("maintenance.form.submit")}
      </Button>
    </form>
  );
}
