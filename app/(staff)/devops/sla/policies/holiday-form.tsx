"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { describedBy, Field, Input } from "@/components/ui/field";
import { holidaySchema } from "@/lib/validation/incidents";
import { addHolidayAction, removeHolidayAction } from "./actions";

type Values = { calendarId: string; day: string; name: string };

/** Adds a holiday (a day off) to a business calendar. */
export function HolidayForm({ calendarId }: { calendarId: string }) {
  const t = useTranslations("devops.sla");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<Values>({ resolver: zodResolver(holidaySchema), defaultValues: { calendarId, day: "", name: "" } });
  const { submit, pending, message } = useActionForm<Values>(form, addHolidayAction, {
    successText: t("policies.holidayAdded"),
    onSuccess: () => {
      form.reset({ calendarId, day: "", name: "" });
      router.refresh();
    },
  });
  const e = form.formState.errors;
  const key = calendarId.slice(0, 8);
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3" noValidate>
      <Field id={`h-${key}-day`} label={t("policies.holidayDay")} error={fieldError(e.day?.message)}>
        <Input
          id={`h-${key}-day`}
          type="date"
          {...form.register("day")}
          aria-invalid={!!e.day}
          aria-describedby={describedBy(`h-${key}-day`, fieldError(e.day?.message))}
        />
      </Field>
      <Field id={`h-${key}-name`} label={t("policies.holidayName")} error={fieldError(e.name?.message)}>
        <Input
          id={`h-${key}-name`}
          {...form.register("name")}
          aria-invalid={!!e.name}
          aria-describedby={describedBy(`h-${key}-name`, fieldError(e.name?.message))}
        />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("policies.addHoliday")}
      </Button>
      <div className="basis-full">
        <FormMessage message={message} />
      </div>
    </form>
  );
}

/** Removes one holiday, after confirmation. */
export function RemoveHoliday({ calendarId, day, name }: { calendarId: string; day: string; name: string }) {
  const t = useTranslations("devops.sla");
  const router = useRouter();
  return (
    <ConfirmAction
      label={t("policies.removeHoliday")}
      question={t("policies.removeQuestion", { name, day })}
      action={() => removeHolidayAction({ calendarId, day })}
      onDone={() => router.refresh()}
    />
  );
}
