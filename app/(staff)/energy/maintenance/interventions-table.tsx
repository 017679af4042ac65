import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/energy/maintenance/status-badge";
import type { InterventionDto } from "@/server/energy/maintenance/intervention-dto";
import { safeZone } from "@/server/energy/maintenance/site-time";

/** The list view: one row per intervention, planned start on its site's clock. */
export async function InterventionsTable({ items }: { items: InterventionDto[] }) {
  const t = await getTranslations("energy");
  const format = await getFormatter();
  if (items.length === 0) {
    return (
      <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
        {t("maintenance.emptyList")}
      </p>
    );
  }
  const th = "px-3 py-2 text-start";
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("maintenance.listCaption")}</caption>
        <thead className="bg-surface-2">
          <tr>
            <th scope="col" className={th}>
              {t("maintenance.columns.reference")}
            </th>
            <th scope="col" className={th}>
              {t("maintenance.columns.plannedStart")}
            </th>
            <th scope="col" className={th}>
              {t("maintenance.columns.title")}
            </th>
            <th scope="col" className={th}>
              {t("maintenance.columns.site")}
            </th>
            <th scope="col" className={th}>
              {t("maintenance.columns.assigneeName")}
            </th>
            <th scope="col" className={th}>
              {t("maintenance.columns.kind")}
            </th>
            <th scope="col" className={th}>
              {t("maintenance.columns.status")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {items.map((i) => (
            <tr key={i.id} data-testid="intervention-row">
              <td className="px-3 py-2 whitespace-nowrap">
                <Link href={`/energy/maintenance/${i.id}`} className="font-semibold text-primary underline underline-offset-2" dir="ltr">
                  {i.reference}
                </Link>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {format.dateTime(new Date(i.plannedStart), { dateStyle: "medium", timeStyle: "short", timeZone: safeZone(i.siteTimezone) })}
              </td>
              <td className="px-3 py-2">{i.title}</td>
              <td className="px-3 py-2">
                {i.siteName}
                <span className="block text-xs text-muted">{i.equipmentName}</span>
              </td>
              <td className="px-3 py-2">{i.assigneeName ?? <span className="text-muted">{t("maintenance.unassigned")}</span>}</td>
              <td className="px-3 py-2">{t(`interventionKinds.${i.kind}`)}</td>
              <td className="px-3 py-2">
                <StatusBadge
                  status={i.status}
                  overdue={i.overdue}
                  statusLabel={t(`interventionStatus.${i.status}`)}
                  overdueLabel={t("maintenance.overdue")}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
