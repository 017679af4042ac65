import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { AlertDto } from "@/server/energy/alerts/alerts-query";
import { AcknowledgeButton } from "./acknowledge-button";
import { conditionText, severityTone, siteTime, stateTone, targetText, valueText } from "./alert-text";

/** Open alerts (firing first): rule, target, since, peak, and the acknowledge button. */
export async function OpenAlerts({ alerts }: { alerts: AlertDto[] }) {
  const t = await getTranslations();
  const format = await getFormatter();
  if (alerts.length === 0) {
    return (
      <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="no-open-alerts">
        {t("alerts.noOpen")}
      </p>
    );
  }
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("alerts.open")}</caption>
        <thead className="bg-surface-2">
          <tr>
            <th scope="col" className="px-3 py-2 text-start">
              {t("alerts.columns.rule")}
            </th>
            <th scope="col" className="hidden px-3 py-2 text-start md:table-cell">
              {t("alerts.columns.target")}
            </th>
            <th scope="col" className="px-3 py-2 text-start">
              {t("alerts.columns.since")}
            </th>
            <th scope="col" className="px-3 py-2 text-end">
              {t("alerts.columns.peak")}
            </th>
            <th scope="col" className="px-3 py-2 text-start">
              {t("alerts.columns.state")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {alerts.map((a) => (
            <tr key={a.id} data-testid="open-alert" data-state={a.state}>
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
              <td className="px-3 py-2 align-top whitespace-nowrap">{siteTime(format, a.breachStartedAt, a.siteTimezone)}</td>
              <td className="px-3 py-2 text-end align-top whitespace-nowrap">
                <div className="font-semibold">{valueText(t, format, a.peakValue, a.unit)}</div>
                <div className="text-xs text-muted">{t("alerts.lastValue", { value: valueText(t, format, a.lastValue, a.unit) })}</div>
              </td>
              <td className="px-3 py-2 align-top">
                <Badge tone={stateTone[a.state]}>{t(`alerts.states.${a.state}`)}</Badge>
                {a.state === "firing" ? (
                  <div className="mt-2">
                    <AcknowledgeButton id={a.id} ruleName={a.ruleName} />
                  </div>
                ) : a.acknowledgedAt ? (
                  <p className="mt-1 text-xs text-muted">
                    {t("alerts.acknowledgedBy", {
                      name: a.acknowledgedByName ?? "—",
                      when: siteTime(format, a.acknowledgedAt, a.siteTimezone),
                    })}
                  </p>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
