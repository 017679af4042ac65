"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { incidentFormSchema } from "@/lib/validation/incidents";
import { incidentServersAction } from "../actions";

const schema = incidentFormSchema.pick({ servers: true });
type Values = { servers: string };

/** Managers replace the related servers by hostname (one per line). */
export function ServersForm({ id, hostnames }: { id: string; hostnames: string[] }) {
  const t = useTranslations("devops.incidents");
  const fieldError = useFieldError();
  const router = useRouter();
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { servers: hostnames.join("\n") } });
  const { submit, pending, message } = useActionForm<Values>(form, (v) => incidentServersAction({ id, servers: v.servers }), {
    successText: t("servers.saved"),
    onSuccess: () => router.refresh(),
  });
  const err = fieldError(form.formState.errors.servers?.message);
  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <Field id="incident-servers" label={t("fields.servers")} error={err} hint={t("new.serversHint")}>
        <textarea
          id="incident-servers"
          rows={3}
          dir="ltr"
          className={inputClass}
          {...form.register("servers")}
          aria-invalid={!!err}
          aria-describedby={describedBy("incident-servers", err, t("new.serversHint"))}
        />
      </Field>
      <FormMessage message={message} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("servers.save")}
      </Button>
    </form>
  );
}
