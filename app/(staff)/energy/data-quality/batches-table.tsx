import { getTranslations } from "next-intl/server";
import type { Batch } from "@/server/energy/data-quality/batches";
import type { Display } from "./display";
import { td, tdEnd, th, thEnd } from "./section";

/** Ingest batches that brought duplicates, corrections or rejections. */
export async function BatchesTable({ rows, show, timeZone }: { rows: Batch[]; show: Display; timeZone: string }) {
  const t = await getTranslations("dataQuality.batches");
  const ts = await getTranslations("dataQuality.sources");
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{t("title")}</caption>
      <thead className="bg-surface-2">
        <tr>
          <th scope="col" className={th}>
            {t("received")}
          </th>
          <th scope="col" className={`${thEnd} hidden sm:table-cell`}>
            {t("items")}
          </th>
          <th scope="col" className={thEnd}>
            {t("duplicates")}
          </th>
          <th scope="col" className={`${thEnd} hidden md:table-cell`}>
            {t("corrected")}
          </th>
          <th scope="col" className={thEnd}>
            {t("rejected")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {rows.map((b) => (
          <tr key={b.id} data-testid="batch-row">
            <td className={td}>
              <time dateTime={b.at.toISOString()}>{show.at(b.at, timeZone)}</time>
              <div className="text-xs text-muted">
                {ts.has(b.source) ? ts(b.source) : b.source}
                {b.fileName ? ` · ${b.fileName}` : ""}
                {b.actor ? ` · ${b.actor}` : ""}
              </div>
            </td>
            <td className={`${tdEnd} hidden sm:table-cell`}>
              {t("itemsOf", { accepted: show.count(b.accepted), received: show.count(b.received) })}
            </td>
            <td className={tdEnd}>{show.count(b.duplicates)}</td>
            <td className={`${tdEnd} hidden md:table-cell`}>{show.count(b.corrected)}</td>
            <td className={tdEnd}>{show.count(b.rejected)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
