import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { AlertDto } from "@/server/energy/alerts/alerts-query";
import { conditionText, severityTone, siteTime, targetText, valueText } from "./alert-text";

/** Resolved alerts, most recently resolved first (paginated by the page). */
export async function AlertHistory({ alerts }: { alerts: AlertDto[] }) {
  const t = await getTranslations();
  const format = await getFormatter();
  if (alerts.length === 0) {
    return (
      <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="no-history">
        {t("alerts.noHistory")}
      </p>
    );
  }
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("alerts.history")}</caption>
        <thead className="bg-surface-2">
          <tr>
            <th scope="col" className="px-3 py-2 text-start">
              {t("alerts.columns.rule")}
            </th>
            <th scope="col" className="hidden px-3 py-2 text-start md:table-cell">
              {t("alerts.columns.target")}
            </th>
            <th scope="col" className="px-3 py-2 text-start">
              {t("alerts.columns.period")}
            </th>
            <th scope="col" className="px-3 py-2 text-end">
              {t("alerts.columns.peak")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {alerts.map((a) => (
            <tr key={a.id} data-testid="resolved-alert">
              <td className="px-3 py-2 align-top">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={severityTone[a.severity]}>{t(`alerts.severities.${a.severity}`)}</Badge>
                  <span className="font-semibold">{a.ruleName}</span>
                </div>
                <p className="mt-1 text-xs text-muted">{conditionText(t, format, a)}</p>
                <p className="mt-1 text-xs text-muted md:hidden">
                  {a.siteName} · <span dir="auto">{targetText(t, a)}</span>
                </p>
              </td>
              <td className="hidden px-3 py-2 align-top md:table-cell">
                <div>{a.siteName}</div>
                <div className="text-xs text-muted" dir="auto">
                  {targetText(t, a)}
                </div>
              </td>
              <td className="px-3 py-2 align-top">
                <div className="whitespace-nowrap">{t("alerts.from", { when: siteTime(format, a.breachStartedAt, a.siteTimezone) })}</div>
                <div className="whitespace-nowrap text-muted">
                  {t("alerts.to", { when: a.resolvedAt ? siteTime(format, a.resolvedAt, a.siteTimezone) : "—" })}
                </div>
                {a.acknowledgedByName ? (
                  <div className="text-xs text-muted">{t("alerts.acknowledgedByName", { name: a.acknowledgedByName })}</div>
                ) : null}
              </td>
              <td className="px-3 py-2 text-end align-top whitespace-nowrap font-semibold">{valueText(t, format, a.peakValue, a.unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
