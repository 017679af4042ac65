import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InterventionForm } from "@/components/energy/maintenance/intervention-form";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { addDays, dayIn } from "@/server/energy/equipment/dates";
import { listTechnicians } from "@/server/energy/maintenance/assignee";
import { equipmentOptions } from "@/server/energy/maintenance/planning-options";
import { requireTemplate } from "@/server/platform/templates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("energy.maintenance"))("create") };
}

/** Plans an intervention (`maintenance.write`); `?equipment=<id>` preselects the equipment. */
export default async function NewInterventionPage({ searchParams }: { searchParams: Promise<{ equipment?: string | string[] }> }) {
  requireTemplate("energy");
  const actor = await requireUser("maintenance.write");
  const t = await getTranslations("energy.maintenance");
  const db = await getDb();
  const equipment = await equipmentOptions(db, actor);
  const technicians = await listTechnicians(db, actor);
  const wanted = (await searchParams).equipment;
  const equipmentId = typeof wanted === "string" && equipment.some((q) => q.id === wanted) ? wanted : "";
  return (
    <div>
      <PageHeader title={t("create")} description={t("form.intro")} />
      <InterventionForm
        equipment={equipment}
        technicians={technicians}
        defaults={{ equipmentId, plannedStartLocal: `${addDays(dayIn(), 1)}T08:00` }}
      />
    </div>
  );
}
