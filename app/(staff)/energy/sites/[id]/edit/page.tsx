import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SiteForm } from "@/components/energy/site-form";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { getSite } from "@/server/energy/sites/site-detail";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { siteFormOptions } from "../../site-options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("energy"))("sites.editTitle") };
}

/** Edit a site (`sites.write`: admins). A decommissioned site is read-only: the page says so. */
export default async function EditSitePage({ params }: { params: Promise<{ id: string }> }) {
  requireTemplate("energy");
  const actor = await requireUser("sites.write");
  const { id } = await params;
  const db = await getDb();
  const site = await getSite(db, actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const t = await getTranslations("energy");
  const back = (
    <p className="mb-4 text-sm">
      <Link href={`/energy/sites/${site.id}`} className="text-primary underline underline-offset-2">
        {t("sites.backToSite", { name: site.name })}
      </Link>
    </p>
  );
  if (site.status === "decommissioned") {
    return (
      <div>
        <PageHeader title={t("sites.editTitle")} description={`${site.name} · ${site.code}`} />
        {back}
        <p role="status" className="rounded-md border border-line bg-surface p-4 text-sm">
          {t("sites.detail.decommissionedNotice")}
        </p>
      </div>
    );
  }
  const { networks, parents } = await siteFormOptions(db, actor, site.id);
  return (
    <div>
      <PageHeader title={t("sites.editTitle")} description={`${site.name} · ${site.code}`} />
      {back}
      <SiteForm
        id={site.id}
        networks={networks}
        parents={parents}
        initial={{
          code: site.code,
          name: site.name,
          type: site.type,
          networkId: site.networkId,
          parentId: site.parentId,
          country: site.country,
          region: site.region ?? "",
          address: site.address ?? "",
          latitude: site.latitude,
          longitude: site.longitude,
          capacityMw: site.capacityMw,
          timezone: site.timezone,
        }}
      />
    </div>
  );
}
