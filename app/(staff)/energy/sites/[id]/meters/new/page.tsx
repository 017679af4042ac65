import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { equipmentChoices, siteForMeters } from "@/server/energy/meters/meter-options";
import { requireTemplate } from "@/server/platform/templates";
import { meterFormValues } from "../../../../meters/form-values";
import { MeterForm } from "../../../../meters/meter-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meters"))("pages.createTitle") };
}

/** Admins (`meters.write`) add a meter to a site that is not decommissioned. */
export default async function NewMeterPage({ params }: { params: Promise<{ id: string }> }) {
  requireTemplate("energy");
  const actor = await requireUser("meters.write");
  const { id } = await params;
  const db = await getDb();
  const site = await siteForMeters(db, actor, id);
  if (!site) notFound();
  const t = await getTranslations("meters");
  const equipment = await equipmentChoices(db, actor, site.id);
  return (
    <div>
      <PageHeader title={t("pages.createTitle")} description={t("pages.createDescription", { site: `${site.name} (${site.code})` })} />
      <p className="mb-4 text-sm">
        <Link href={`/energy/sites/${site.id}#meters`} className="text-primary underline underline-offset-2">
          {t("pages.backToSite")}
        </Link>
      </p>
      {site.status === "decommissioned" ? (
        <p role="note" className="rounded-md border border-line bg-surface-2 p-4 text-sm">
          {t("pages.siteDecommissioned")}
        </p>
      ) : (
        <MeterForm initial={meterFormValues(undefined, site.id)} equipment={equipment} />
      )}
    </div>
  );
}
