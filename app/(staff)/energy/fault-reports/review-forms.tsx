"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { acceptFaultReportSchema, rejectFaultReportSchema } from "@/lib/validation/fault-reports";
import { acceptFaultReportAction, rejectFaultReportAction } from "./actions";

type AcceptValues = { id: string; title: string; plannedStart: string; plannedDurationMinutes: string; assignedTo: string };
type Technician = { id: string; name: string };

/** Accept (plan a corrective intervention) or reject (with a reason) one new report. */
export function ReviewForms(props: {
  id: string;
  defaultTitle: string;
  defaultStart: string;
  timezone: string;
  technicians: Technician[];
}) {
  const t = useTranslations("energy.faultReports");
  const [mode, setMode] = useState<"accept" | "reject" | null>(null);
  if (mode === "accept") return <AcceptForm {...props} onCancel={() => setMode(null)} />;
  if (mode === "reject") return <RejectForm id={props.id} onCancel={() => setMode(null)} />;
  return (
    <div className="flex flex-wrap gap-2">
      <Button onClick={() => setMode("accept")}>{t("accept")}</Button>
      <Button variant="secondary" onClick={() => setMode("reject")}>
        {t("reject")}
      </Button>
    </div>
  );
}

function AcceptForm({
  id,
  defaultTitle,
  defaultStart,
  timezone,
  technicians,
  onCancel,
}: {
  id: string;
  defaultTitle: string;
  defaultStart: string;
  timezone: string;
  technicians: Technician[];
  onCancel: () => void;
}) {
  const t = useTranslations("energy.faultReports");
  const tc = useTranslations("common");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<AcceptValues>({
    resolver: zodResolver(acceptFaultReportSchema) as never,
    defaultValues: { id, title: defaultTitle, plannedStart: defaultStart, plannedDurationMinutes: "120", assignedTo: "" },
  });
  const { submit, pending, message } = useActionForm(form, acceptFaultReportAction, { onSuccess: () => router.refresh() });
  const e = form.formState.errors;
  const err = (k: keyof AcceptValues) => fieldError(e[k]?.message);
  const f = (k: keyof AcceptValues) => `${k}-${id}`;
  const startHint = t("startHint", { zone: timezone });
  return (
    <form onSubmit={submit} className="space-y-3 rounded-md border border-line p-3" noValidate>
      <p className="text-sm font-semibold">{t("acceptTitle")}</p>
      <Field id={f("title")} label={t("interventionTitle")} error={err("title")}>
        <Input
          id={f("title")}
          {...form.register("title")}
          aria-invalid={!!e.title}
          aria-describedby={describedBy(f("title"), err("title"))}
        />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={f("plannedStart")} label={t("plannedStart")} error={err("plannedStart")} hint={startHint}>
          <Input
            id={f("plannedStart")}
            type="datetime-local"
            {...form.register("plannedStart")}
            aria-invalid={!!e.plannedStart}
            aria-describedby={describedBy(f("plannedStart"), err("plannedStart"), startHint)}
          />
        </Field>
        <Field id={f("plannedDurationMinutes")} label={t("duration")} error={err("plannedDurationMinutes")}>
          <Input
            id={f("plannedDurationMinutes")}
            inputMode="numeric"
            dir="ltr"
            {...form.register("plannedDurationMinutes")}
            aria-invalid={!!e.plannedDurationMinutes}
            aria-describedby={describedBy(f("plannedDurationMinutes"), err("plannedDurationMinutes"))}
          />
        </Field>
      </div>
      <Field id={f("assignedTo")} label={t("assignee")} error={err("assignedTo")}>
        <Select
          id={f("assignedTo")}
          {...form.register("assignedTo")}
          aria-invalid={!!e.assignedTo}
          aria-describedby={describedBy(f("assignedTo"), err("assignedTo"))}
        >
          <option value="">{t("unassigned")}</option>
          {technicians.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      </Field>
      <FormMessage message={message} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {t("confirmAccept")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {tc("cancel")}
        </Button>
      </div>
    </form>
  );
}

function RejectForm({ id, onCancel }: { id: string; onCancel: () => void }) {
  const t = useTranslations("energy.faultReports");
  const tc = useTranslations("common");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<{ id: string; reason: string }>({
    resolver: zodResolver(rejectFaultReportSchema),
    defaultValues: { id, reason: "" },
  });
  const { submit, pending, message } = useActionForm(form, rejectFaultReportAction, { onSuccess: () => router.refresh() });
  const error = fieldError(form.formState.errors.reason?.message);
  const fid = `reason-${id}`;
  return (
    <form onSubmit={submit} className="space-y-3 rounded-md border border-danger p-3" noValidate>
      <Field id={fid} label={t("reason")} error={error}>
        <Input id={fid} {...form.register("reason")} aria-invalid={!!error} aria-describedby={describedBy(fid, error)} />
      </Field>
      <FormMessage message={message} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {t("confirmReject")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {tc("cancel")}
        </Button>
      </div>
    </form>
  );
}
