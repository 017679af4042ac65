import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { MeterQuality } from "@/server/energy/data-quality/meter-quality";
import type { Display } from "./display";
import { link, td, tdEnd, th, thEnd } from "./section";

/** One row per meter: completeness and counts over the period, linked to the meter's page. */
export async function MetersTable({ rows, show }: { rows: MeterQuality[]; show: Display }) {
  const t = await getTranslations("dataQuality.meters");
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{t("title")}</caption>
      <thead className="bg-surface-2">
        <tr>
          <th scope="col" className={th}>
            {t("meter")}
          </th>
          <th scope="col" className={thEnd}>
            {t("completeness")}
          </th>
          <th scope="col" className={`${thEnd} hidden sm:table-cell`}>
            {t("received")}
          </th>
          <th scope="col" className={thEnd}>
            {t("missing")}
          </th>
          <th scope="col" className={`${thEnd} hidden md:table-cell`}>
            {t("longestGap")}
          </th>
          <th scope="col" className={`${thEnd} hidden md:table-cell`}>
            {t("flagged")}
          </th>
          <th scope="col" className={`${thEnd} hidden lg:table-cell`}>
            {t("corrections")}
          </th>
          <th scope="col" className={`${thEnd} hidden lg:table-cell`}>
            {t("rejections")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {rows.map((m) => (
          <tr key={m.id} data-testid="quality-meter-row">
            <td className={td}>
              <Link href={`/energy/meters/${m.id}`} className={link}>
                <span dir="ltr">{m.code}</span>
              </Link>
              <div className="text-xs text-muted">
                {m.name} · <span dir="ltr">{m.site.code}</span>
                {m.active ? null : ` · ${t("inactive")}`}
              </div>
            </td>
            <td className={tdEnd}>{m.expected > 0 ? show.share(Math.min(1, m.received / m.expected)) : "—"}</td>
            <td className={`${tdEnd} hidden sm:table-cell`}>
              {t("receivedOf", { received: show.count(m.received), expected: show.count(m.expected) })}
            </td>
            <td className={tdEnd}>
              {show.count(m.missing)}
              {m.gaps > 0 ? <div className="text-xs text-muted">{t("gapCount", { count: m.gaps })}</div> : null}
            </td>
            <td className={`${tdEnd} hidden md:table-cell`}>
              {m.longestGapMinutes > 0 ? t("hours", { hours: show.hours(m.longestGapMinutes) }) : "—"}
            </td>
            <td className={`${tdEnd} hidden md:table-cell`}>{show.count(m.flagged)}</td>
            <td className={`${tdEnd} hidden lg:table-cell`}>{show.count(m.corrections)}</td>
            <td className={`${tdEnd} hidden lg:table-cell`}>{show.count(m.rejections)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
