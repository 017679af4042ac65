import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { RejectedReading } from "@/server/energy/data-quality/rejections";
import type { Display } from "./display";
import { link, td, th } from "./section";

/**
 * Refused items, latest first: the reason (translated code, and the API's own detail in
 * English), the meter named, what was sent and which batch it came with.
 */
export async function RejectionsTable({ rows, show, timeZone }: { rows: RejectedReading[]; show: Display; timeZone: string }) {
  const t = await getTranslations("dataQuality.rejections");
  const tc = await getTranslations("dataQuality.codes");
  const ts = await getTranslations("dataQuality.sources");
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{t("title")}</caption>
      <thead className="bg-surface-2">
        <tr>
          <th scope="col" className={th}>
            {t("received")}
          </th>
          <th scope="col" className={th}>
            {t("reason")}
          </th>
          <th scope="col" className={`${th} hidden sm:table-cell`}>
            {t("meter")}
          </th>
          <th scope="col" className={`${th} hidden md:table-cell`}>
            {t("sent")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {rows.map((r) => (
          <tr key={r.id} data-testid="rejection-row">
            <td className={td}>
              <time dateTime={r.at.toISOString()}>{show.at(r.at, timeZone)}</time>
              <div className="text-xs text-muted">
                {ts.has(r.batch.source) ? ts(r.batch.source) : r.batch.source}
                {r.batch.fileName ? ` · ${r.batch.fileName}` : ""} · {t("item", { index: r.itemIndex })}
              </div>
            </td>
            <td className={td}>
              <span className="font-semibold">{tc.has(r.code) ? tc(r.code) : r.code}</span>{" "}
              <code className="text-xs text-muted" dir="ltr">
                {r.code}
              </code>
              <p className="mt-1 text-xs text-muted" lang="en" dir="ltr">
                {r.detail}
              </p>
            </td>
            <td className={`${td} hidden sm:table-cell`}>
              {r.meter ? (
                <Link href={`/energy/meters/${r.meter.id}`} className={link}>
                  <span dir="ltr">{r.meter.code}</span>
                </Link>
              ) : (
                <span dir="ltr">{r.meterCode ?? "—"}</span>
              )}
            </td>
            <td className={`${td} hidden md:table-cell`}>
              <span dir="ltr" className="font-mono text-xs">
                {[r.sent.ts, [r.sent.value, r.sent.unit].filter(Boolean).join(" ")].filter(Boolean).join(" · ") || "—"}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
