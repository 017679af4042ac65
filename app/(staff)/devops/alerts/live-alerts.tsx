import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { AlertInstanceDto } from "@/server/devops/alerts/instances-query";
import { conditionText, incidentRef, severityTone, stateTone, valueText, when } from "./alert-text";

const link = "text-primary underline underline-offset-2";

/** Firing then pending alerts: name, severity, server, value, since, silence marker, incident; a silence link for writers. */
export async function LiveAlerts({ alerts, writable }: { alerts: AlertInstanceDto[]; writable: boolean }) {
  const t = await getTranslations("devops.alerts");
  const format = await getFormatter();
  if (alerts.length === 0) {
    return (
      <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="no-live-alerts">
        {t("live.empty")}
      </p>
    );
  }
  const th = "px-3 py-2 text-start font-semibold whitespace-nowrap";
  return (
    <ScrollRegion label={t("live.title")} className="rounded-lg border border-line bg-surface">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("live.title")}</caption>
        <thead className="bg-surface-2">
          <tr>
            <th scope="col" className={th}>
              {t("columns.alert")}
            </th>
            <th scope="col" className={th}>
              {t("columns.server")}
            </th>
            <th scope="col" className={`${th} text-end`}>
              {t("columns.value")}
            </th>
            <th scope="col" className={th}>
              {t("columns.since")}
            </th>
            <th scope="col" className={th}>
              {t("columns.state")}
            </th>
            <th scope="col" className={th}>
              {t("columns.incident")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {alerts.map((a) => (
            <tr key={a.id} data-testid="live-alert" data-state={a.state}>
              <td className="px-3 py-2 align-top">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={severityTone[a.severity]}>{t(`severities.${a.severity}`)}</Badge>
                  <span className="font-semibold" dir="auto">
                    {a.name}
                  </span>
                </div>
                <p className="mt-1 text-xs text-muted">
                  {a.source === "rule" ? conditionText(t, format, a) : (a.summary ?? t("sources.alertmanager"))}
                </p>
              </td>
              <td className="px-3 py-2 align-top">
                {a.serverId ? (
                  <Link href={`/devops/servers/${a.serverId}`} className={link} dir="ltr">
                    {a.server}
                  </Link>
                ) : (
                  <span dir="ltr">{a.server || "—"}</span>
                )}
              </td>
              <td className="px-3 py-2 text-end align-top whitespace-nowrap font-semibold">{valueText(format, a.value)}</td>
              <td className="px-3 py-2 align-top whitespace-nowrap">
                <time dateTime={a.firedAt ?? a.activeAt}>{when(format, a.firedAt ?? a.activeAt)}</time>
              </td>
              <td className="px-3 py-2 align-top">
                <div className="flex flex-wrap gap-1">
                  <Badge tone={stateTone[a.state]}>{t(`states.${a.state}`)}</Badge>
                  {a.silenced ? <Badge tone="neutral">{t("silenced")}</Badge> : null}
                </div>
                {writable && !a.silenced ? (
                  <Link
                    href={`/devops/alerts/silences?alert=${a.id}`}
                    className={`mt-1 inline-flex min-h-6 items-center text-xs ${link}`}
                    aria-label={t("silenceThisLabel", { name: a.name, server: a.server || "—" })}
                  >
                    {t("silenceThis")}
                  </Link>
                ) : null}
              </td>
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
