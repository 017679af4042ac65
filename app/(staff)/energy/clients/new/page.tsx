import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientForm } from "@/components/energy/billing-admin/client-form";
import { PageHeader } from "@/components/ui/card";
import { requireUser } from "@/server/auth/guards";
import { requireTemplate } from "@/server/platform/templates";
import { createClientAction, updateClientAction } from "../actions";
import { clientFormValues } from "../form-values";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("clients"))("form.newTitle") };
}

/** A new client (`clients.write`); its code is assigned on save. */
export default async function NewClientPage() {
  requireTemplate("energy");
  await requireUser("clients.write");
  const t = await getTranslations("clients");
  return (
    <div>
      <PageHeader title={t("form.newTitle")} description={t("form.newDescription")} />
      <p className="mb-4 text-sm">
        <Link href="/energy/clients" className="text-primary underline underline-offset-2">
          {t("detail.back")}
        </Link>
      </p>
      <ClientForm initial={clientFormValues()} create={createClientAction} update={updateClientAction} />
    </div>
  );
}
