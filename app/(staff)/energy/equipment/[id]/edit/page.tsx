import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { getEquipment, siteOptions } from "@/server/energy/equipment/equipment-query";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { EquipmentForm } from "../../equipment-form";
import { formValues } from "../../form-values";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("energy.equipment"))("editTitle") };
}

export default async function EditEquipmentPage({ params }: { params: Promise<{ id: string }> }) {
  requireTemplate("energy");
  const actor = await requireUser("equipment.write");
  const { id } = await params;
  const db = await getDb();
  const item = await getEquipment(db, actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const t = await getTranslations("energy.equipment");
  const usable = await siteOptions(db, actor);
  // Its current site stays selectable even if it was decommissioned since.
  const sites = usable.some((s) => s.id === item.siteId)
    ? usable
    : [...(await siteOptions(db, actor, { includeDecommissioned: true, ids: [item.siteId] })), ...usable];
  return (
    <div>
      <PageHeader title={t("editTitle")} description={item.name} />
      <EquipmentForm id={item.id} sites={sites} initial={formValues(item)} />
    </div>
  );
}
