import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { FlaggedReading } from "@/server/energy/data-quality/flagged";
import type { Display } from "./display";
import { link, td, tdEnd, th, thEnd } from "./section";

/** Counter events ingest flagged instead of producing spikes: reset, rollover, replacement, jitter. */
export async function FlaggedTable({ rows, show }: { rows: FlaggedReading[]; show: Display }) {
  const t = await getTranslations("dataQuality.flagged");
  const tf = await getTranslations("dataQuality.flags");
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{t("title")}</caption>
      <thead className="bg-surface-2">
        <tr>
          <th scope="col" className={th}>
            {t("reading")}
          </th>
          <th scope="col" className={th}>
            {t("flags")}
          </th>
          <th scope="col" className={thEnd}>
            {t("value")}
          </th>
          <th scope="col" className={`${thEnd} hidden sm:table-cell`}>
            {t("index")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {rows.map((r) => (
          <tr key={`${r.meter.id}-${r.ts.toISOString()}`} data-testid="flagged-row">
            <td className={td}>
              <Link href={`/energy/meters/${r.meter.id}`} className={link}>
                <span dir="ltr">{r.meter.code}</span>
              </Link>
              <div className="text-xs text-muted">
                <time dateTime={r.ts.toISOString()}>{show.at(r.ts, r.meter.timezone)}</time>
              </div>
            </td>
            <td className={td}>
              <ul className="flex flex-wrap gap-1">
                {r.flags.map((f) => (
                  <li key={f} className="rounded-full border border-warning px-2 py-0.5 text-xs font-semibold text-warning">
                    {tf.has(f) ? tf(f) : f}
                  </li>
                ))}
              </ul>
            </td>
            <td className={tdEnd}>
              {show.value(r.value)} <span dir="ltr">{r.meter.unit}</span>
            </td>
            <td className={`${tdEnd} hidden sm:table-cell`}>{r.indexValue === null ? "—" : show.value(r.indexValue)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
