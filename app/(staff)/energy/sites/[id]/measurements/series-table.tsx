import type { DateTimeFormatOptions } from "next-intl";
import { getFormatter, getTranslations } from "next-intl/server";
import type { SeriesResult } from "@/server/energy/readings/series";

const timeFormat: Record<string, DateTimeFormatOptions> = {
  "15min": { dateStyle: "medium", timeStyle: "short" },
  hour: { dateStyle: "medium", timeStyle: "short" },
  raw: { dateStyle: "medium", timeStyle: "short" },
  day: { weekday: "short", day: "numeric", month: "short", year: "numeric" },
  month: { month: "long", year: "numeric" },
};

const marks = { measured: "", estimated: "◌", corrected: "✎" } as const;

/** The series as a table: bucket start in the site's time, value, quality (marked, in words), readings counted. */
export async function SeriesTable({ series }: { series: SeriesResult }) {
  const t = await getTranslations("siteMeasurements.table");
  const tu = await getTranslations("readingsUi");
  const format = await getFormatter();
  const unit = series.unit ? tu(`unitSymbols.${series.unit}`) : "";
  return (
    <div className="relative max-h-[32rem] overflow-auto" tabIndex={0} role="region" aria-labelledby="series-table-caption">
      <table className="w-full text-sm" data-testid="series-table">
        <caption id="series-table-caption" className="sr-only">
          {t("caption")}
        </caption>
        <thead className="sticky top-0 border-b border-line bg-surface text-xs text-muted">
          <tr>
            <th scope="col" className="px-2 py-2 text-start font-semibold">
              {t("time")}
            </th>
            <th scope="col" className="px-2 py-2 text-end font-semibold">
              {t(series.aggregation === "average" ? "average" : "value", { unit })}
            </th>
            <th scope="col" className="px-2 py-2 text-start font-semibold">
              {t("quality")}
            </th>
            <th scope="col" className="px-2 py-2 text-end font-semibold">
              {t("count")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {series.points.map((p) => {
            const flagged = p.quality !== "measured";
            const n = p.quality === "estimated" ? p.estimated : p.corrected;
            return (
              <tr key={p.ts} data-quality={p.quality} className={flagged ? "bg-surface-2" : undefined}>
                <th scope="row" className="px-2 py-1 text-start font-normal whitespace-nowrap">
                  <time dateTime={p.ts}>
                    {format.dateTime(new Date(p.ts), { ...timeFormat[series.granularity], timeZone: series.timezone })}
                  </time>
                </th>
                <td className="px-2 py-1 text-end tabular-nums">{format.number(p.value, { maximumFractionDigits: 3 })}</td>
                <td className="px-2 py-1">
                  {flagged ? (
                    <span className="font-semibold">
                      <span aria-hidden="true">{marks[p.quality]} </span>
                      {tu(`quality.${p.quality}`)}
                      {p.count > 1 ? ` ${t("flaggedOf", { n, count: p.count })}` : ""}
                    </span>
                  ) : (
                    tu("quality.measured")
                  )}
                </td>
                <td className="px-2 py-1 text-end tabular-nums">{p.count}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
