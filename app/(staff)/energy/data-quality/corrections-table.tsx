import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Correction } from "@/server/energy/data-quality/corrections";
import type { Display } from "./display";
import { link, td, tdEnd, th, thEnd } from "./section";

/** Each correction: the reading's time, the value before and after (with what was sent), when and by whom. */
export async function CorrectionsTable({ rows, show }: { rows: Correction[]; show: Display }) {
  const t = await getTranslations("dataQuality.corrections");
  const sent = (v: { originalValue: number | null; originalUnit: string | null }) =>
    v.originalValue !== null && v.originalUnit ? t("sent", { value: show.value(v.originalValue), unit: v.originalUnit }) : null;
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{t("title")}</caption>
      <thead className="bg-surface-2">
        <tr>
          <th scope="col" className={th}>
            {t("reading")}
          </th>
          <th scope="col" className={thEnd}>
            {t("before")}
          </th>
          <th scope="col" className={thEnd}>
            {t("after")}
          </th>
          <th scope="col" className={`${th} hidden md:table-cell`}>
            {t("replaced")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {rows.map((c) => (
          <tr key={c.id} data-testid="correction-row">
            <td className={td}>
              <Link href={`/energy/meters/${c.meter.id}`} className={link}>
                <span dir="ltr">{c.meter.code}</span>
              </Link>
              <div className="text-xs text-muted">
                <time dateTime={c.ts.toISOString()}>{show.at(c.ts, c.meter.timezone)}</time> · {t("version", { version: c.version })}
              </div>
            </td>
            <td className={tdEnd}>
              {show.value(c.before.value)} <span dir="ltr">{c.meter.unit}</span>
              <div className="text-xs text-muted">{sent(c.before)}</div>
            </td>
            <td className={tdEnd}>
              {c.after ? (
                <>
                  {show.value(c.after.value)} <span dir="ltr">{c.meter.unit}</span>
                  <div className="text-xs text-muted">{sent(c.after)}</div>
                </>
              ) : (
                "—"
              )}
            </td>
            <td className={`${td} hidden md:table-cell`}>
              <time dateTime={c.replacedAt.toISOString()}>{show.at(c.replacedAt, c.meter.timezone)}</time>
              {c.replacedBy ? <div className="text-xs text-muted">{c.replacedBy}</div> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
