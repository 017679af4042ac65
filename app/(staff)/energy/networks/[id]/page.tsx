import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { getNetwork } from "@/server/energy/sites/networks-service";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { NetworkForm } from "../network-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("energy"))("networks.editTitle") };
}

/** Edit a network (`sites.write`: admins). */
export default async function EditNetworkPage({ params }: { params: Promise<{ id: string }> }) {
  requireTemplate("energy");
  const actor = await requireUser("sites.write");
  const { id } = await params;
  const network = await getNetwork(await getDb(), actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const t = await getTranslations("energy");
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader title={t("networks.editTitle")} description={`${network.name} · ${network.code}`} />
      <p className="flex flex-wrap gap-4 text-sm">
        <Link href="/energy/networks" className="text-primary underline underline-offset-2">
          {t("networks.backToList")}
        </Link>
        <Link href={`/energy/sites?network=${network.id}`} className="text-primary underline underline-offset-2">
          {t("networks.showSites")}
        </Link>
      </p>
      <NetworkForm
        id={network.id}
        initial={{
          code: network.code,
          name: network.name,
          kind: network.kind,
          region: network.region ?? "",
          description: network.description ?? "",
        }}
      />
    </div>
  );
}
