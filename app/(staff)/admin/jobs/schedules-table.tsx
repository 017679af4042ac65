import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { scheduleTimeZone } from "@/server/platform/jobs/config";
import type { ScheduleDto } from "@/server/platform/jobs/jobs-admin";
import { ScheduleToggle } from "./job-forms";

/** Recurring schedules: each occurrence of the cron expression (in the platform's time zone) queues one job. */
export async function SchedulesTable({ schedules }: { schedules: ScheduleDto[] }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }) : t("jobs.never");
  const th = "px-3 py-2 text-start";
  return (
    <section aria-labelledby="schedules-title" className="space-y-4">
      <div>
        <h2 id="schedules-title" className="text-lg font-semibold">
          {t("jobs.schedules")}
        </h2>
        <p className="text-sm text-muted">{t("jobs.schedulesHelp", { zone: scheduleTimeZone() })}</p>
      </div>
      {schedules.length === 0 ? (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted">{t("jobs.noSchedules")}</p>
      ) : (
        <ScrollRegion label={t("jobs.schedules")} className="rounded-lg border border-line bg-surface">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("jobs.schedules")}</caption>
            <thead className="bg-surface-2">
              <tr>
                <th scope="col" className={th}>
                  {t("jobs.scheduleName")}
                </th>
                <th scope="col" className={th}>
                  {t("jobs.cron")}
                </th>
                <th scope="col" className={th}>
                  {t("jobs.nextRun")}
                </th>
                <th scope="col" className={th}>
                  {t("jobs.lastRun")}
                </th>
                <th scope="col" className={th}>
                  {t("jobs.statusLabel")}
                </th>
                <th scope="col" className={th}>
                  <span className="sr-only">{t("jobs.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {schedules.map((s) => (
                <tr key={s.name} data-testid="schedule-row">
                  <td className="px-3 py-2">
                    <code dir="ltr">{s.name}</code>
                  </td>
                  <td className="px-3 py-2">
                    <code dir="ltr">{s.cron}</code>
                  </td>
                  <td className="px-3 py-2">{s.enabled ? when(s.nextRunAt) : "—"}</td>
                  <td className="px-3 py-2">{when(s.lastRunAt)}</td>
                  <td className="px-3 py-2">
                    {s.enabled ? <Badge tone="success">{t("jobs.enabled")}</Badge> : <Badge tone="warning">{t("jobs.paused")}</Badge>}
                  </td>
                  <td className="px-3 py-2">
                    <ScheduleToggle name={s.name} enabled={s.enabled} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
