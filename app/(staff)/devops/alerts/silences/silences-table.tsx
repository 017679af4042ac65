import { getFormatter, getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { SilenceDto } from "@/server/devops/alerts/silences-query";
import { when } from "../alert-text";
import { ExpireSilence } from "./expire-silence";

/** Silences of one state: matchers, period, author and comment, alerts silenced now; expire for writers. */
export async function SilencesTable({
  silences,
  label,
  empty,
  writable,
}: {
  silences: SilenceDto[];
  label: string;
  empty: string;
  writable: boolean;
}) {
  const t = await getTranslations("devops.alerts.silences");
  const format = await getFormatter();
  if (silences.length === 0) return <p className="rounded-md border border-line bg-surface p-4 text-center text-muted">{empty}</p>;
  const th = "px-3 py-2 text-start font-semibold whitespace-nowrap";
  const canExpire = writable && silences.some((s) => s.state !== "expired");
  return (
    <ScrollRegion label={label} className="rounded-lg border border-line bg-surface">
      <table className="w-full text-sm">
        <caption className="sr-only">{label}</caption>
        <thead className="bg-surface-2">
          <tr>
            <th scope="col" className={th}>
              {t("columns.matchers")}
            </th>
            <th scope="col" className={th}>
              {t("columns.period")}
            </th>
            <th scope="col" className={th}>
              {t("columns.comment")}
            </th>
            <th scope="col" className={th}>
              {t("columns.silencing")}
            </th>
            {canExpire ? (
              <th scope="col" className={th}>
                {t("columns.actions")}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {silences.map((s) => (
            <tr key={s.id} data-testid="silence" data-state={s.state}>
              <td className="px-3 py-2 align-top">
                <ul className="flex flex-col gap-1">
                  {s.matchers.map((m, i) => (
                    <li key={i}>
                      <code className="rounded bg-surface-2 px-1.5 py-0.5 text-xs" dir="ltr">
                        {`${m.name}${m.op}"${m.value}"`}
                      </code>
                    </li>
                  ))}
                </ul>
              </td>
              <td className="px-3 py-2 align-top whitespace-nowrap">
                <div>{t("from", { when: when(format, s.startsAt) })}</div>
                <div className="text-muted">
                  {t("to", { when: when(format, s.expiredAt && s.expiredAt < s.endsAt ? s.expiredAt : s.endsAt) })}
                </div>
              </td>
              <td className="px-3 py-2 align-top">
                <p dir="auto">{s.comment}</p>
                <p className="text-xs text-muted">{t("by", { author: s.createdBy })}</p>
              </td>
              <td className="px-3 py-2 align-top whitespace-nowrap">{t("silencingCount", { count: s.silencing })}</td>
              {canExpire ? <td className="px-3 py-2 align-top">{s.state !== "expired" ? <ExpireSilence id={s.id} /> : null}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
