"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, type Path } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Select } from "@/components/ui/field";
import { changeSiteStatusSchema, siteStatuses, type ChangeSiteStatusInput, type SiteStatus } from "@/lib/validation/sites";
import { changeSiteStatusAction } from "../actions";
import { ConfirmDialog } from "@/components/ui/confirm-action";

/**
 * Changes the site's status with a reason, after an explicit confirmation (a stronger one
 * for decommissioning, which is final). Server errors come back on their fields.
 */
export function StatusControl({ id, current }: { id: string; current: SiteStatus }) {
  const t = useTranslations();
  const fieldError = useFieldError();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [confirming, setConfirming] = useState<ChangeSiteStatusInput | null>(null);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const choices = siteStatuses.filter((s) => s !== current);
  const form = useForm<ChangeSiteStatusInput>({
    resolver: zodResolver(changeSiteStatusSchema),
    defaultValues: { status: choices[0], reason: "" },
  });
  const e = form.formState.errors;
  const statusError = fieldError(e.status?.message);
  const reasonError = fieldError(e.reason?.message);
  const hint = t("energy.sites.status.reasonHint");

  const apply = () =>
    start(async () => {
      if (!confirming) return;
      const result = await changeSiteStatusAction({ id, ...confirming });
      setConfirming(null);
      if (result.ok) {
        setMessage({ tone: "success", text: t("energy.sites.status.changed") });
        form.reset({ status: siteStatuses.find((s) => s !== confirming.status), reason: "" });
        router.refresh();
        return;
      }
      for (const [field, keys] of Object.entries(result.fieldErrors ?? {})) {
        if (keys[0]) form.setError(field as Path<ChangeSiteStatusInput>, { type: "server", message: keys[0] });
      }
      setMessage({ tone: "error", text: t.has(`errors.${result.messageKey}`) ? t(`errors.${result.messageKey}`) : t("errors.internal") });
    });

  return (
    <form
      onSubmit={form.handleSubmit((values) => {
        setMessage(null);
        setConfirming(values);
      })}
      className="space-y-4"
      noValidate
    >
      <Field id="new-status" label={t("energy.sites.status.new")} error={statusError}>
        <Select
          id="new-status"
          {...form.register("status")}
          aria-invalid={!!e.status}
          aria-describedby={describedBy("new-status", statusError)}
          disabled={confirming !== null}
        >
          {choices.map((s) => (
            <option key={s} value={s}>
              {t(`energy.siteStatus.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="status-reason" label={t("energy.sites.status.reason")} error={reasonError} hint={hint}>
        <textarea
          id="status-reason"
          rows={3}
          {...form.register("reason")}
          aria-invalid={!!e.reason}
          aria-describedby={describedBy("status-reason", reasonError, hint)}
          readOnly={confirming !== null}
          className="block w-full rounded-md border border-border bg-surface px-3 py-2 text-fg placeholder:text-muted aria-[invalid=true]:border-danger"
        />
      </Field>
      {confirming ? (
        <ConfirmDialog
          question={
            confirming.status === "decommissioned"
              ? t("energy.sites.status.confirmDecommission")
              : t("energy.sites.status.confirm", { status: t(`energy.siteStatus.${confirming.status}`) })
          }
          variant={confirming.status === "decommissioned" ? "danger" : "primary"}
          pending={pending}
          onConfirm={apply}
          onCancel={() => setConfirming(null)}
        />
      ) : (
        <Button type="submit" variant="secondary">
          {t("energy.sites.status.submit")}
        </Button>
      )}
      <FormMessage message={message} />
    </form>
  );
}
