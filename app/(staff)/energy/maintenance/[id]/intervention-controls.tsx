"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FinishForm } from "@/components/energy/maintenance/finish-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { ConfirmAction, ConfirmDialog } from "@/components/ui/confirm-action";
import { describedBy, Field, Input, inputClass, Select } from "@/components/ui/field";
import { rescheduleFormSchema, type RescheduleFormInput } from "@/lib/validation/maintenance";
import {
  cancelInterventionAction,
  finishInterventionAction,
  reassignInterventionAction,
  rescheduleInterventionAction,
  startInterventionAction,
} from "../actions";

type Props = {
  id: string;
  status: "planned" | "in_progress" | "done" | "cancelled";
  checklist: string[];
  technicians: { id: string; name: string }[];
  assignedTo: string | null;
  plannedStartLocal: string;
  plannedDurationMinutes: number;
};

/** What an admin may do next with an intervention, by its status (destructive steps ask first). */
export function InterventionControls(props: Props) {
  const t = useTranslations("energy.maintenance.actions");
  const router = useRouter();
  const refresh = () => router.refresh();
  if (props.status === "done" || props.status === "cancelled") return <p className="text-sm text-muted">{t("closed")}</p>;
  return (
    <div className="space-y-6">
      {props.status === "planned" ? (
        <ConfirmAction
          label={t("start")}
          question={t("startQuestion")}
          variant="primary"
          action={() => startInterventionAction({ id: props.id })}
          onDone={refresh}
        />
      ) : (
        <section aria-labelledby="finish-heading" className="space-y-3">
          <h3 id="finish-heading" className="font-semibold">
            {t("finish")}
          </h3>
          <FinishForm id={props.id} checklist={props.checklist} action={finishInterventionAction} />
        </section>
      )}
      {props.status === "planned" ? <RescheduleForm {...props} /> : null}
      {props.status === "planned" ? <ReassignForm {...props} /> : null}
      <CancelForm id={props.id} />
    </div>
  );
}

function RescheduleForm({ id, plannedStartLocal, plannedDurationMinutes }: Props) {
  const t = useTranslations("energy.maintenance");
  const router = useRouter();
  const fieldError = useFieldError();
  const form = useForm<RescheduleFormInput>({
    resolver: zodResolver(rescheduleFormSchema),
    defaultValues: { plannedStartLocal, plannedDurationMinutes },
  });
  const { submit, pending, message } = useActionForm(form, (values) => rescheduleInterventionAction({ id, ...values }), {
    onSuccess: () => router.refresh(),
    successText: t("actions.rescheduled"),
  });
  const e = form.formState.errors;
  const startError = fieldError(e.plannedStartLocal?.message);
  const durationError = fieldError(e.plannedDurationMinutes?.message);
  return (
    <form onSubmit={submit} className="space-y-3" noValidate aria-labelledby="reschedule-heading">
      <h3 id="reschedule-heading" className="font-semibold">
        {t("actions.reschedule")}
      </h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="reschedule-start" label={t("form.plannedStart")} error={startError} hint={t("form.plannedStartHint")}>
          <Input
            id="reschedule-start"
            type="datetime-local"
            {...form.register("plannedStartLocal")}
            aria-invalid={!!e.plannedStartLocal}
            aria-describedby={describedBy("reschedule-start", startError, t("form.plannedStartHint"))}
          />
        </Field>
        <Field id="reschedule-duration" label={t("form.duration")} error={durationError}>
          <Input
            id="reschedule-duration"
            type="number"
            inputMode="numeric"
            min={5}
            step={5}
            {...form.register("plannedDurationMinutes", { valueAsNumber: true })}
            aria-invalid={!!e.plannedDurationMinutes}
            aria-describedby={describedBy("reschedule-duration", durationError)}
          />
        </Field>
      </div>
      <FormMessage message={message} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("actions.saveSchedule")}
      </Button>
    </form>
  );
}

const reassignSchema = z.strictObject({ assignedTo: z.union([z.uuid("assigneeNotTechnician"), z.literal("")]) });

function ReassignForm({ id, technicians, assignedTo }: Props) {
  const t = useTranslations("energy.maintenance");
  const router = useRouter();
  const form = useForm<z.input<typeof reassignSchema>>({
    resolver: zodResolver(reassignSchema),
    defaultValues: { assignedTo: assignedTo ?? "" },
  });
  const { submit, pending, message } = useActionForm(form, (values) => reassignInterventionAction({ id, ...values }), {
    onSuccess: () => router.refresh(),
    successText: t("actions.reassigned"),
  });
  return (
    <form onSubmit={submit} className="space-y-3" noValidate aria-labelledby="reassign-heading">
      <h3 id="reassign-heading" className="font-semibold">
        {t("actions.reassign")}
      </h3>
      <Field id="reassign-to" label={t("form.assignee")}>
        <Select id="reassign-to" {...form.register("assignedTo")}>
          <option value="">{t("unassigned")}</option>
          {technicians.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
      </Field>
      <FormMessage message={message} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("actions.saveAssignee")}
      </Button>
    </form>
  );
}

/** Cancelling is final: the reason is required, then a confirmation. */
function CancelForm({ id }: { id: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const tooShort = reason.trim().length < 3;
  const run = () =>
    start(async () => {
      const result = await cancelInterventionAction({ id, reason });
      setConfirming(false);
      if (result.ok) router.refresh();
      else setError(t.has(`errors.${result.messageKey}`) ? t(`errors.${result.messageKey}`) : t("errors.internal"));
    });
  return (
    <section aria-labelledby="cancel-heading" className="space-y-3">
      <h3 id="cancel-heading" className="font-semibold">
        {t("energy.maintenance.actions.cancel")}
      </h3>
      <Field id="cancel-reason" label={t("energy.maintenance.actions.cancelReason")} error={error && tooShort ? error : undefined}>
        <textarea
          id="cancel-reason"
          rows={2}
          className={inputClass}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          aria-invalid={!!error && tooShort}
          aria-describedby={describedBy("cancel-reason", error && tooShort ? error : undefined)}
        />
      </Field>
      {confirming ? (
        <ConfirmDialog
          question={t("energy.maintenance.actions.cancelQuestion")}
          pending={pending}
          onConfirm={run}
          onCancel={() => setConfirming(false)}
          cancelLabel={t("energy.maintenance.actions.keep")}
        />
      ) : (
        <Button
          variant="secondary"
          onClick={() => {
            if (tooShort) return setError(t("validation.cancelReasonRequired"));
            setError(null);
            setConfirming(true);
          }}
        >
          {t("energy.maintenance.actions.cancel")}
        </Button>
      )}
      {error && !tooShort ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </section>
  );
}
