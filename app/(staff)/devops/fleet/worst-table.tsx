import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatMetricValue } from "@/components/devops/metric-format";
import { Badge } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { WorstRow } from "@/server/devops/monitoring/fleet-summary";
import { stateTone } from "./state-tone";

/** The servers with the highest last value of one metric, with links to them. */
export async function WorstTable({ metric, rows }: { metric: "cpu" | "memory" | "disk"; rows: WorstRow[] }) {
  const t = await getTranslations("devops.fleet");
  const tm = await getTranslations("devops.monitoring");
  const format = await getFormatter();
  const locale = await getLocale();
  const title = tm(`metrics.${metric}`);
  return (
    <div className="rounded-lg border border-line bg-surface" data-testid={`worst-${metric}`}>
      <h3 className="border-b border-line px-3 py-2 text-base font-semibold">{title}</h3>
      {rows.length === 0 ? (
        <p className="p-4 text-sm text-muted">{t("worst.empty")}</p>
      ) : (
        <ScrollRegion label={t("worst.tableLabel", { metric: title })}>
          <table className="w-full text-sm">
            <caption className="sr-only">{t("worst.tableLabel", { metric: title })}</caption>
            <thead className="bg-surface-2">
              <tr>
                <th scope="col" className="px-3 py-2 text-start">
                  {t("columns.server")}
                </th>
                <th scope="col" className="px-3 py-2 text-end">
                  {t("columns.value")}
                </th>
                <th scope="col" className="px-3 py-2 text-start">
                  {t("columns.at")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {rows.map((r) => (
                <tr key={r.serverId}>
                  <td className="px-3 py-2">
                    <Link href={`/devops/servers/${r.serverId}`} className="font-semibold underline-offset-2 hover:underline" dir="ltr">
                      {r.hostname}
                    </Link>
                    {r.monitorState !== "up" ? (
                      <span className="ms-2">
                        <Badge tone={stateTone[r.monitorState] ?? "neutral"}>
                          {t.has(`states.${r.monitorState}`) ? t(`states.${r.monitorState}`) : r.monitorState}
                        </Badge>
                      </span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2 text-end tabular-nums">{formatMetricValue(r.value, "percent", locale)}</td>
                  <td className="px-3 py-2 whitespace-nowrap text-muted">
                    <time dateTime={r.ts}>{format.dateTime(new Date(r.ts), { dateStyle: "short", timeStyle: "short" })}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
