import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { equipmentChoices } from "@/server/energy/meters/meter-options";
import { hasReadings } from "@/server/energy/meters/meter-rules";
import { getMeter } from "@/server/energy/meters/meters-query";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { meterFormValues } from "../../form-values";
import { MeterForm } from "../../meter-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meters"))("pages.editTitle") };
}

/** Admins edit a meter; quantity, register and interval are shown fixed once it has readings. */
export default async function EditMeterPage({ params }: { params: Promise<{ id: string }> }) {
  requireTemplate("energy");
  const actor = await requireUser("meters.write");
  const { id } = await params;
  const db = await getDb();
  const meter = await getMeter(db, actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const [equipment, locked] = await Promise.all([equipmentChoices(db, actor, meter.siteId), hasReadings(db, meter.id)]);
  const t = await getTranslations("meters");
  return (
    <div>
      <PageHeader title={t("pages.editTitle")} description={`${meter.name} (${meter.code})`} />
      <MeterForm id={meter.id} initial={meterFormValues(meter, meter.siteId)} equipment={equipment} locked={locked} />
    </div>
  );
}
