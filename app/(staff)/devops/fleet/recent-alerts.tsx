import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { RecentAlert } from "@/server/devops/monitoring/fleet-summary";
import { stateTone } from "./state-tone";

/** The latest alerts that fired or resolved: name, severity, state, server, time. */
export async function RecentAlerts({ alerts }: { alerts: RecentAlert[] }) {
  const t = await getTranslations("devops.fleet");
  const format = await getFormatter();
  if (alerts.length === 0) {
    return (
      <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="no-recent-alerts">
        {t("alerts.none")}
      </p>
    );
  }
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="space-y-2">
      <ScrollRegion label={t("alerts.title")} className="rounded-lg border border-line bg-surface">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("alerts.title")}</caption>
          <thead className="bg-surface-2">
            <tr>
              <th scope="col" className="px-3 py-2 text-start">
                {t("columns.alert")}
              </th>
              <th scope="col" className="px-3 py-2 text-start">
                {t("columns.server")}
              </th>
              <th scope="col" className="px-3 py-2 text-start">
                {t("columns.state")}
              </th>
              <th scope="col" className="px-3 py-2 text-start">
                {t("columns.at")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {alerts.map((a) => (
              <tr key={a.id} data-testid="recent-alert" data-state={a.state}>
                <td className="px-3 py-2">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={stateTone[a.severity] ?? "neutral"}>
                      {t.has(`severities.${a.severity}`) ? t(`severities.${a.severity}`) : a.severity}
                    </Badge>
                    <span className="font-semibold" dir="auto">
                      {a.name}
                    </span>
                  </div>
                </td>
                <td className="px-3 py-2">
                  {a.serverId && a.hostname ? (
                    <Link href={`/devops/servers/${a.serverId}`} className="underline-offset-2 hover:underline" dir="ltr">
                      {a.hostname}
                    </Link>
                  ) : (
                    <span className="text-muted">{t("alerts.noServer")}</span>
                  )}
                </td>
                <td className="px-3 py-2">
                  <Badge tone={stateTone[a.state]!}>{t(`alertStates.${a.state}`)}</Badge>
                </td>
                <td className="px-3 py-2 whitespace-nowrap text-muted">
                  <time dateTime={a.resolvedAt ?? a.firedAt ?? a.activeAt}>{when(a.resolvedAt ?? a.firedAt ?? a.activeAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="text-sm">
        <Link href="/devops/alerts" className="underline underline-offset-2">
          {t("alerts.all")}
        </Link>
      </p>
    </div>
  );
}
