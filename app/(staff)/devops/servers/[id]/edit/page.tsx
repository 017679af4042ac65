import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { getServer } from "@/server/devops/servers/server-query";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { serverFormOptions } from "../../form-options";
import { serverFormValues } from "../../form-values";
import { ServerForm } from "../../server-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("devops.servers"))("editTitle") };
}

/** Edits a server's inventory fields (`servers.write`); a decommissioned server is read-only. */
export default async function EditServerPage({ params }: { params: Promise<{ id: string }> }) {
  requireTemplate("devops");
  const actor = await requireUser("servers.write");
  const { id } = await params;
  const db = await getDb();
  const server = await getServer(db, actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const t = await getTranslations("devops.servers");
  const options = await serverFormOptions(db, actor);
  return (
    <div>
      <PageHeader title={t("editTitle")} description={server.hostname} />
      {server.status === "decommissioned" ? (
        <p role="status" className="rounded-md border border-line bg-surface p-6 text-center text-muted">
          {t("readOnlyDecommissioned")}
        </p>
      ) : (
        <ServerForm id={server.id} initial={serverFormValues(server)} countries={options.countries} locations={options.locations} />
      )}
    </div>
  );
}
