import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientForm } from "@/components/energy/billing-admin/client-form";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { getClient } from "@/server/energy/clients/clients-query";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { createClientAction, updateClientAction } from "../../actions";
import { clientFormValues } from "../../form-values";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("clients"))("form.editTitle") };
}

/** Edit a client (`clients.write`); an anonymised client is not editable (404 here). */
export default async function EditClientPage({ params }: { params: Promise<{ id: string }> }) {
  requireTemplate("energy");
  const actor = await requireUser("clients.write");
  const { id } = await params;
  const client = await getClient(await getDb(), actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  if (client.status === "anonymised") notFound();
  const t = await getTranslations("clients");
  return (
    <div>
      <PageHeader title={t("form.editTitle")} description={`${client.code} · ${client.name}`} />
      <p className="mb-4 text-sm">
        <Link href={`/energy/clients/${client.id}`} className="text-primary underline underline-offset-2">
          {t("detail.backToClient")}
        </Link>
      </p>
      <ClientForm id={client.id} initial={clientFormValues(client)} create={createClientAction} update={updateClientAction} />
    </div>
  );
}
