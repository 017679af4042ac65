import Link from "next/link";
import type { getFormatter, getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { IncidentSummaryDto } from "@/server/devops/incidents/incident-dto";
import { ClockBadge, SeverityBadge, StatusBadge } from "./display";

type T = Awaited<ReturnType<typeof getTranslations<"devops.incidents">>>;
type F = Awaited<ReturnType<typeof getFormatter>>;

/** The incident list with both SLA clocks as badges; scrolls sideways at 360 px. */
export function IncidentTable({ rows, t, format }: { rows: IncidentSummaryDto[]; t: T; format: F }) {
  const th = "px-3 py-2 text-start font-semibold";
  const clock = (c: IncidentSummaryDto["sla"]["ack"], kind: "ack" | "resolve") =>
    c ? (
      <span className="inline-flex items-center gap-1">
        <span className="text-xs text-muted">{t(`sla.clock.${kind}`)}</span>
        <ClockBadge state={c.state} label={t(`sla.state.${c.state}`)} />
      </span>
    ) : null;
  return (
    <ScrollRegion label={t("list.table")} className="rounded-lg border border-line bg-surface">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("list.table")}</caption>
        <thead className="bg-surface-2">
          <tr>
            <th scope="col" className={th}>
              {t("fields.incident")}
            </th>
            <th scope="col" className={th}>
              {t("fields.severity")}
            </th>
            <th scope="col" className={th}>
              {t("fields.status")}
            </th>
            <th scope="col" className={th}>
              {t("fields.sla")}
            </th>
            <th scope="col" className={th}>
              {t("fields.assignee")}
            </th>
            <th scope="col" className={th}>
              {t("fields.openedAt")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((i) => (
            <tr key={i.id} data-testid="incident-row">
              <td className="px-3 py-2">
                <Link href={`/devops/incidents/${i.id}`} className="font-semibold text-primary underline underline-offset-2">
                  {i.title}
                </Link>
                <span className="block text-xs text-muted" dir="ltr">
                  {i.ref}
                </span>
              </td>
              <td className="px-3 py-2">
                <SeverityBadge severity={i.severity} label={t(`severity.${i.severity}`)} />
              </td>
              <td className="px-3 py-2">
                <StatusBadge status={i.status} label={t(`status.${i.status}`)} />
                {i.paused ? <span className="ms-1 text-xs text-muted">{t("detail.waiting")}</span> : null}
              </td>
              <td className="px-3 py-2">
                <div className="flex flex-col gap-1">
                  {clock(i.sla.ack, "ack")}
                  {clock(i.sla.resolve, "resolve")}
                </div>
              </td>
              <td className="px-3 py-2">{i.assignee?.name ?? <span className="text-muted">{t("fields.unassigned")}</span>}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                {format.dateTime(new Date(i.createdAt), { dateStyle: "short", timeStyle: "short" })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
