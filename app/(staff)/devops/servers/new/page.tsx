import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { requireTemplate } from "@/server/platform/templates";
import { serverFormOptions } from "../form-options";
import { serverFormValues } from "../form-values";
import { ServerForm } from "../server-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("devops.servers"))("createTitle") };
}

/** Registers a server (`servers.write`); it starts in provisioning. */
export default async function NewServerPage() {
  requireTemplate("devops");
  const actor = await requireUser("servers.write");
  const t = await getTranslations("devops.servers");
  const options = await serverFormOptions(await getDb(), actor);
  return (
    <div>
      <PageHeader title={t("createTitle")} description={t("createDescription")} />
      <ServerForm initial={serverFormValues()} countries={options.countries} locations={options.locations} />
    </div>
  );
}
