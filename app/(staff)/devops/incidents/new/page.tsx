import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { requireTemplate } from "@/server/platform/templates";
import { IncidentForm } from "./incident-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("devops.incidents"))("new.title") };
}

/** Anyone who may open incidents (admin, devops, user); only managers name the servers concerned. */
export default async function NewIncidentPage() {
  requireTemplate("devops");
  const actor = await requireUser("incidents.create");
  const t = await getTranslations("devops.incidents");
  return (
    <div>
      <PageHeader title={t("new.title")} description={t("new.description")} />
      <IncidentForm withServers={can(actor, "incidents.manage")} />
    </div>
  );
}
