"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import { createNetworkSchema, networkKinds, type CreateNetworkInput } from "@/lib/validation/sites";
import { createNetworkAction, updateNetworkAction } from "./actions";

/** Create (`id` absent) or edit a network; a taken code comes back on its field. */
export function NetworkForm({ id, initial }: { id?: string; initial?: CreateNetworkInput }) {
  const t = useTranslations();
  const router = useRouter();
  const fieldError = useFieldError();
  const editing = id !== undefined;
  const blank: CreateNetworkInput = { code: "", name: "", kind: "distribution", region: "", description: "" };
  const form = useForm<CreateNetworkInput>({ resolver: zodResolver(createNetworkSchema), defaultValues: initial ?? blank });
  const action = (values: CreateNetworkInput) => (editing ? updateNetworkAction({ id, patch: values }) : createNetworkAction(values));
  const { submit, pending, message } = useActionForm(form, action, {
    successText: editing ? t("common.saved") : t("energy.networks.created"),
    onSuccess: () => {
      if (!editing) form.reset(blank);
      router.refresh();
    },
  });
  const e = form.formState.errors;
  const err = (k: keyof CreateNetworkInput) => fieldError(e[k]?.message);
  const aria = (k: keyof CreateNetworkInput, hint?: string) => ({
    "aria-invalid": !!e[k],
    "aria-describedby": describedBy(`network-${k}`, err(k), hint),
  });
  const codeHint = t("energy.networks.form.codeHint");
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="network-code" label={t("energy.networks.form.code")} error={err("code")} hint={codeHint}>
          <Input id="network-code" dir="ltr" spellCheck={false} {...form.register("code")} {...aria("code", codeHint)} />
        </Field>
        <Field id="network-name" label={t("energy.networks.form.name")} error={err("name")}>
          <Input id="network-name" {...form.register("name")} {...aria("name")} />
        </Field>
        <Field id="network-kind" label={t("energy.networks.form.kind")} error={err("kind")}>
          <Select id="network-kind" {...form.register("kind")} {...aria("kind")}>
            {networkKinds.map((k) => (
              <option key={k} value={k}>
                {t(`energy.networkKinds.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="network-region" label={t("energy.networks.form.region")} error={err("region")}>
          <Input id="network-region" {...form.register("region")} {...aria("region")} />
        </Field>
        <div className="sm:col-span-2">
          <Field id="network-description" label={t("energy.networks.form.description")} error={err("description")}>
            <Input id="network-description" {...form.register("description")} {...aria("description")} />
          </Field>
        </div>
      </div>
      <FormMessage message={message} />
      <Button type="submit" disabled={pending}>
        {editing ? t("common.save") : t("energy.networks.create")}
      </Button>
    </form>
  );
}
