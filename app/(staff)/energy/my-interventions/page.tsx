import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/energy/maintenance/status-badge";
import { statusTone, toneBorder } from "@/components/energy/maintenance/status-style";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import type { InterventionDto } from "@/server/energy/maintenance/intervention-dto";
import { openInterventionsOf } from "@/server/energy/maintenance/interventions-query";
import { safeZone, wallClock } from "@/server/energy/maintenance/site-time";
import { requireTemplate } from "@/server/platform/templates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("energy.myInterventions"))("title") };
}

type Section = "today" | "upcoming" | "overdue";

/** Overdue first by nature; otherwise by the day of the planned start on the site's clock. */
function sectionOf(item: InterventionDto, now: Date): Section {
  if (item.overdue) return "overdue";
  const today = wallClock(now, item.siteTimezone).day;
  const day = wallClock(new Date(item.plannedStart), item.siteTimezone).day;
  return day > today && item.status === "planned" ? "upcoming" : "today";
}

/**
 * The technician's phone view (`interventions.assigned`): their open interventions in three
 * sections — today, upcoming, overdue — each a large link to the intervention.
 */
export default async function MyInterventionsPage() {
  requireTemplate("energy");
  const actor = await requireUser("interventions.assigned");
  const t = await getTranslations("energy");
  const format = await getFormatter();
  const items = await openInterventionsOf(await getDb(), actor);
  const now = new Date();
  const sections: Record<Section, InterventionDto[]> = { today: [], upcoming: [], overdue: [] };
  for (const item of items) sections[sectionOf(item, now)].push(item);
  const when = (item: InterventionDto, section: Section) =>
    format.dateTime(new Date(item.plannedStart), {
      ...(section === "today" ? { timeStyle: "short" } : { dateStyle: "medium", timeStyle: "short" }),
      timeZone: safeZone(item.siteTimezone),
    });
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("myInterventions.title")} description={t("myInterventions.description")} />
      <div className="space-y-8">
        {(["today", "upcoming", "overdue"] as const).map((section) => (
          <section key={section} aria-labelledby={`section-${section}`} data-testid={`section-${section}`}>
            <h2 id={`section-${section}`} className="mb-3 text-lg font-semibold">
              {t(`myInterventions.${section}`)} <span className="text-muted">({sections[section].length})</span>
            </h2>
            {sections[section].length === 0 ? (
              <p className="rounded-md border border-line bg-surface p-4 text-muted">{t(`myInterventions.empty.${section}`)}</p>
            ) : (
              <ul className="space-y-3">
                {sections[section].map((item) => (
                  <li key={item.id}>
                    <Link
                      href={`/energy/my-interventions/${item.id}`}
                      className={`block min-h-16 rounded-lg border border-line border-s-8 ${toneBorder[statusTone(item.status, item.overdue)]} bg-surface p-4 hover:bg-surface-2`}
                    >
                      <span className="flex flex-wrap items-center justify-between gap-2">
                        <span className="text-base font-semibold">{item.title}</span>
                        <span className="text-sm font-semibold">{when(item, section)}</span>
                      </span>
                      <span className="mt-1 block text-sm text-muted">
                        {item.equipmentName} — {item.siteName}
                      </span>
                      <span className="mt-2 flex flex-wrap items-center gap-2 text-sm">
                        <span dir="ltr" className="text-muted">
                          {item.reference}
                        </span>
                        <StatusBadge
                          status={item.status}
                          overdue={item.overdue}
                          statusLabel={t(`interventionStatus.${item.status}`)}
                          overdueLabel={t("maintenance.overdue")}
                        />
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
