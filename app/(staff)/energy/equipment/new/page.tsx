import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { siteOptions } from "@/server/energy/equipment/equipment-query";
import { requireTemplate } from "@/server/platform/templates";
import { EquipmentForm } from "../equipment-form";
import { formValues } from "../form-values";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("energy.equipment"))("createTitle") };
}

/** Admins register equipment; `?site=<id>` preselects the site (from a site's page). */
export default async function NewEquipmentPage({ searchParams }: { searchParams: Promise<{ site?: string | string[] }> }) {
  requireTemplate("energy");
  const actor = await requireUser("equipment.write");
  const t = await getTranslations("energy.equipment");
  const sites = await siteOptions(await getDb(), actor);
  const wanted = (await searchParams).site;
  const siteId = typeof wanted === "string" && sites.some((s) => s.id === wanted) ? wanted : "";
  return (
    <div>
      <PageHeader title={t("createTitle")} description={t("createDescription")} />
      {sites.length === 0 ? (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted">{t("noSites")}</p>
      ) : (
        <EquipmentForm sites={sites} initial={formValues(undefined, siteId)} />
      )}
    </div>
  );
}
