"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { createSiteAction, updateSiteAction } from "@/app/(staff)/energy/sites/actions";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm, useFieldError } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { describedBy, Field, Input, Select } from "@/components/ui/field";
import {
  commonTimeZones,
  countryTimeZones,
  createSiteSchema,
  editSiteSchema,
  initialSiteStatuses,
  siteCountries,
  siteTypes,
} from "@/lib/validation/sites";
import { emptySite, toId, toNumber, type SiteFormValues } from "./site-form-values";

type Option = { id: string; code: string; name: string };

/**
 * Create (`id` absent) or edit a site. The same zod schemas as the API; server field errors
 * (a taken code, an unknown network) land on their fields.
 */
export function SiteForm({
  id,
  initial,
  networks,
  parents,
}: {
  id?: string;
  initial?: SiteFormValues;
  networks: Option[];
  parents: Option[];
}) {
  const t = useTranslations();
  const router = useRouter();
  const fieldError = useFieldError();
  const editing = id !== undefined;
  const form = useForm<SiteFormValues>({
    resolver: zodResolver(editing ? editSiteSchema : createSiteSchema),
    defaultValues: initial ?? emptySite,
  });
  const action = (values: SiteFormValues) => {
    if (!editing) return createSiteAction(values);
    const patch: Partial<SiteFormValues> = { ...values };
    delete patch.status;
    return updateSiteAction({ id, patch });
  };
  const { submit, pending, message } = useActionForm(form, action, {
    onSuccess: (data) => router.push(`/energy/sites/${(data as { id: string }).id}?${editing ? "saved" : "created"}=1`),
  });
  const e = form.formState.errors;
  const err = (k: keyof SiteFormValues) => fieldError(e[k]?.message);
  const aria = (k: keyof SiteFormValues, hint?: string) => ({
    "aria-invalid": !!e[k],
    "aria-describedby": describedBy(`site-${k}`, err(k), hint),
  });
  const zones = [...new Set([...commonTimeZones, form.getValues("timezone") ?? countryTimeZones.DZ])];

  return (
    <form onSubmit={submit} className="max-w-3xl space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="site-code" label={t("energy.sites.form.code")} error={err("code")} hint={t("energy.sites.form.codeHint")}>
          <Input
            id="site-code"
            dir="ltr"
            autoCapitalize="characters"
            spellCheck={false}
            {...form.register("code")}
            {...aria("code", t("energy.sites.form.codeHint"))}
          />
        </Field>
        <Field id="site-name" label={t("energy.sites.form.name")} error={err("name")}>
          <Input id="site-name" {...form.register("name")} {...aria("name")} />
        </Field>
        <Field id="site-type" label={t("energy.sites.form.type")} error={err("type")}>
          <Select id="site-type" {...form.register("type")} {...aria("type")}>
            {siteTypes.map((type) => (
              <option key={type} value={type}>
                {t(`energy.siteTypes.${type}`)}
              </option>
            ))}
          </Select>
        </Field>
        {!editing ? (
          <Field id="site-status" label={t("energy.sites.form.initialStatus")} error={err("status")}>
            <Select id="site-status" {...form.register("status")} {...aria("status")}>
              {initialSiteStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`energy.siteStatus.${status}`)}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field id="site-networkId" label={t("energy.sites.form.network")} error={err("networkId")}>
          <Select id="site-networkId" {...form.register("networkId", { setValueAs: toId })} {...aria("networkId")}>
            <option value="">{t("energy.sites.form.noNetwork")}</option>
            {networks.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name} ({n.code})
              </option>
            ))}
          </Select>
        </Field>
        <Field id="site-parentId" label={t("energy.sites.form.parent")} error={err("parentId")}>
          <Select id="site-parentId" {...form.register("parentId", { setValueAs: toId })} {...aria("parentId")}>
            <option value="">{t("energy.sites.form.noParent")}</option>
            {parents.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.code})
              </option>
            ))}
          </Select>
        </Field>
        <Field id="site-country" label={t("energy.sites.form.country")} error={err("country")}>
          <Select
            id="site-country"
            {...form.register("country", {
              onChange: (event: { target: { value: string } }) => {
                const next = event.target.value as (typeof siteCountries)[number];
                if (countryTimeZones[next]) form.setValue("timezone", countryTimeZones[next]);
              },
            })}
            {...aria("country")}
          >
            {siteCountries.map((c) => (
              <option key={c} value={c}>
                {t(`energy.countries.${c}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="site-region" label={t("energy.sites.form.region")} error={err("region")} hint={t("energy.sites.form.regionHint")}>
          <Input id="site-region" {...form.register("region")} {...aria("region", t("energy.sites.form.regionHint"))} />
        </Field>
        <div className="sm:col-span-2">
          <Field id="site-address" label={t("energy.sites.form.address")} error={err("address")}>
            <Input id="site-address" {...form.register("address")} {...aria("address")} />
          </Field>
        </div>
        <Field
          id="site-latitude"
          label={t("energy.sites.form.latitude")}
          error={err("latitude")}
          hint={t("energy.sites.form.latitudeHint")}
        >
          <Input
            id="site-latitude"
            dir="ltr"
            inputMode="decimal"
            {...form.register("latitude", { setValueAs: toNumber })}
            {...aria("latitude", t("energy.sites.form.latitudeHint"))}
          />
        </Field>
        <Field
          id="site-longitude"
          label={t("energy.sites.form.longitude")}
          error={err("longitude")}
          hint={t("energy.sites.form.longitudeHint")}
        >
          <Input
            id="site-longitude"
            dir="ltr"
            inputMode="decimal"
            {...form.register("longitude", { setValueAs: toNumber })}
            {...aria("longitude", t("energy.sites.form.longitudeHint"))}
          />
        </Field>
        <Field id="site-capacityMw" label={t("energy.sites.form.capacity")} error={err("capacityMw")}>
          <Input
            id="site-capacityMw"
            dir="ltr"
            inputMode="decimal"
            {...form.register("capacityMw", { setValueAs: toNumber })}
            {...aria("capacityMw")}
          />
        </Field>
        <Field id="site-timezone" label={t("energy.sites.form.timezone")} error={err("timezone")}>
          <Select id="site-timezone" dir="ltr" {...form.register("timezone")} {...aria("timezone")}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <FormMessage message={message} />
      <Button type="submit" disabled={pending}>
        {editing ? t("common.save") : t("energy.sites.form.submitCreate")}
      </Button>
    </form>
  );
}
