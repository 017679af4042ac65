"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, inputClass, Select } from "@/components/ui/field";
import { severities } from "@/lib/devops/severity";
import { incidentFormSchema, type IncidentFormValues } from "@/lib/validation/incidents";
import { openIncidentAction } from "../actions";

/** Opens an incident: title, description, severity and, for managers, the servers' hostnames. */
export function IncidentForm({ withServers }: { withServers: boolean }) {
  const t = useTranslations("devops.incidents");
  const tc = useTranslations("common");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<IncidentFormValues>({
    resolver: zodResolver(incidentFormSchema),
    defaultValues: { title: "", description: "", severity: "sev3", servers: "" },
  });
  const { submit, pending, message } = useActionForm<IncidentFormValues>(form, openIncidentAction, {
    onSuccess: (data) => {
      router.push(`/devops/incidents/${(data as { id: string }).id}`);
      router.refresh();
    },
  });
  const e = form.formState.errors;
  const err = (k: keyof IncidentFormValues) => fieldError(e[k]?.message);
  return (
    <form onSubmit={submit} className="max-w-2xl space-y-4" noValidate>
      <Field id="title" label={t("fields.title")} error={err("title")}>
        <Input
          id="title"
          autoComplete="off"
          {...form.register("title")}
          aria-invalid={!!e.title}
          aria-describedby={describedBy("title", err("title"))}
        />
      </Field>
      <Field id="description" label={t("fields.description")} error={err("description")} hint={t("new.descriptionHint")}>
        <textarea
          id="description"
          rows={5}
          className={inputClass}
          {...form.register("description")}
          aria-invalid={!!e.description}
          aria-describedby={describedBy("description", err("description"), t("new.descriptionHint"))}
        />
      </Field>
      <Field id="severity" label={t("fields.severity")} error={err("severity")} hint={t("new.severityHint")}>
        <Select
          id="severity"
          {...form.register("severity")}
          aria-invalid={!!e.severity}
          aria-describedby={describedBy("severity", err("severity"), t("new.severityHint"))}
        >
          {severities.map((s) => (
            <option key={s} value={s}>
              {t(`severity.${s}`)} — {t(`severityHelp.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      {withServers ? (
        <Field id="servers" label={t("fields.servers")} error={err("servers")} hint={t("new.serversHint")}>
          <textarea
            id="servers"
            rows={3}
            dir="ltr"
            className={inputClass}
            {...form.register("servers")}
            aria-invalid={!!e.servers}
            aria-describedby={describedBy("servers", err("servers"), t("new.serversHint"))}
          />
        </Field>
      ) : null}
      <FormMessage message={message} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {t("new.submit")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          {tc("cancel")}
        </Button>
      </div>
    </form>
  );
}
