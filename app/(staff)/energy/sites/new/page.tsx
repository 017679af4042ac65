import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SiteForm } from "@/components/energy/site-form";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { requireTemplate } from "@/server/platform/templates";
import { siteFormOptions } from "../site-options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("energy"))("sites.newTitle") };
}

/** Create a site (`sites.write`: admins). */
export default async function NewSitePage() {
  requireTemplate("energy");
  const actor = await requireUser("sites.write");
  const t = await getTranslations("energy");
  const { networks, parents } = await siteFormOptions(await getDb(), actor);
  return (
    <div>
      <PageHeader title={t("sites.newTitle")} description={t("sites.newDescription")} />
      <p className="mb-4 text-sm">
        <Link href="/energy/sites" className="text-primary underline underline-offset-2">
          {t("sites.backToList")}
        </Link>
      </p>
      <SiteForm networks={networks} parents={parents} />
    </div>
  );
}
