import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Gap } from "@/server/energy/data-quality/gaps";
import type { Display } from "./display";
import { link, td, tdEnd, th, thEnd } from "./section";

/** Runs of missing intervals, in the meter's site time; an open one says "still missing". */
export async function GapsTable({ gaps, show }: { gaps: Gap[]; show: Display }) {
  const t = await getTranslations("dataQuality.gaps");
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{t("title")}</caption>
      <thead className="bg-surface-2">
        <tr>
          <th scope="col" className={th}>
            {t("meter")}
          </th>
          <th scope="col" className={th}>
            {t("start")}
          </th>
          <th scope="col" className={`${th} hidden sm:table-cell`}>
            {t("end")}
          </th>
          <th scope="col" className={thEnd}>
            {t("length")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {gaps.map((g) => (
          <tr key={`${g.meter.id}-${g.start.toISOString()}`} data-testid="gap-row">
            <td className={td}>
              <Link href={`/energy/meters/${g.meter.id}`} className={link}>
                <span dir="ltr">{g.meter.code}</span>
              </Link>
              <div className="text-xs text-muted">{g.meter.name}</div>
            </td>
            <td className={td}>
              <time dateTime={g.start.toISOString()}>{show.at(g.start, g.meter.timezone)}</time>
            </td>
            <td className={`${td} hidden sm:table-cell`}>
              {g.ongoing ? (
                <span className="font-semibold text-warning">{t("ongoing")}</span>
              ) : (
                <time dateTime={g.end.toISOString()}>{show.at(g.end, g.meter.timezone)}</time>
              )}
            </td>
            <td className={tdEnd}>
              {t("hours", { hours: show.hours(g.minutes) })}
              <div className="text-xs text-muted">{t("intervals", { count: g.missing })}</div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
