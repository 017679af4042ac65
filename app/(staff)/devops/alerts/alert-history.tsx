import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { AlertInstanceDto } from "@/server/devops/alerts/instances-query";
import { conditionText, incidentRef, severityTone, stateTone, valueText, when } from "./alert-text";

const link = "text-primary underline underline-offset-2";

/** Every alert, newest first (paginated by the page): name, server, period, last value, incident. */
export async function AlertHistory({ alerts, filtered }: { alerts: AlertInstanceDto[]; filtered: boolean }) {
  const t = await getTranslations("devops.alerts");
  const format = await getFormatter();
  if (alerts.length === 0) {
    return (
      <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="no-history">
        {filtered ? t("history.emptyFiltered") : t("history.empty")}
      </p>
    );
  }
  const th = "px-3 py-2 text-start font-semibold whitespace-nowrap";
  return (
    <ScrollRegion label={t("history.title")} className="rounded-lg border border-line bg-surface">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("history.title")}</caption>
        <thead className="bg-surface-2">
          <tr>
            <th scope="col" className={th}>
              {t("columns.alert")}
            </th>
            <th scope="col" className={th}>
              {t("columns.server")}
            </th>
            <th scope="col" className={th}>
              {t("columns.period")}
            </th>
            <th scope="col" className={`${th} text-end`}>
              {t("columns.value")}
            </th>
            <th scope="col" className={th}>
              {t("columns.incident")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {alerts.map((a) => (
            <tr key={a.id} data-testid="history-alert" data-state={a.state}>
              <td className="px-3 py-2 align-top">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={severityTone[a.severity]}>{t(`severities.${a.severity}`)}</Badge>
                  <Badge tone={stateTone[a.state]}>{t(`states.${a.state}`)}</Badge>
                  <span className="font-semibold" dir="auto">
                    {a.name}
                  </span>
                </div>
                <p className="mt-1 text-xs text-muted">{a.source === "rule" ? conditionText(t, format, a) : t("sources.alertmanager")}</p>
              </td>
              <td className="px-3 py-2 align-top" dir="ltr">
                {a.server || "—"}
              </td>
              <td className="px-3 py-2 align-top whitespace-nowrap">
                <div>{t("from", { when: when(format, a.activeAt) })}</div>
                {a.resolvedAt ? <div className="text-muted">{t("to", { when: when(format, a.resolvedAt) })}</div> : null}
              </td>
              <td className="px-3 py-2 text-end align-top whitespace-nowrap">{valueText(format, a.value)}</td>
              <td className="px-3 py-2 align-top whitespace-nowrap">
                {a.incidentId && a.incidentNumber !== null ? (
                  <Link href={`/devops/incidents/${a.incidentId}`} className={link} dir="ltr">
                    {incidentRef(a.incidentNumber)}
                  </Link>
                ) : (
                  <span className="text-muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
