import { Fragment } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { HistoryView, ReadingView } from "@/server/energy/meters/meter-readings";
import { unitSymbol } from "../display";
import { ScrollRegion } from "@/components/ui/scroll-region";

const th = "px-3 py-2 text-start";
const qualityTone = { measured: "neutral", estimated: "info", corrected: "warning" } as const;
type Translator = Awaited<ReturnType<typeof getTranslations<"meters">>>;
const known = (t: Translator, key: string, fallback: string) => (t.has(key) ? t(key) : fallback);

/**
 * The latest readings, newest first, in the site's zone: value in the canonical unit (and
 * what was sent when it differs), the counter index of a cumulative meter, quality, flags;
 * under a corrected reading, its earlier versions.
 */
export async function ReadingsTable({
  rows,
  history,
  unit,
  cumulative,
  timeZone,
}: {
  rows: ReadingView[];
  history: Map<string, HistoryView[]>;
  unit: string;
  cumulative: boolean;
  timeZone: string;
}) {
  const t = await getTranslations("meters");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short", timeZone });
  const num = (n: number) => format.number(n, { maximumFractionDigits: 3 });
  const symbol = unitSymbol(unit);
  if (rows.length === 0) return <p className="text-sm text-muted">{t("detail.readingsEmpty")}</p>;
  const columns = cumulative ? 6 : 5;
  return (
    <ScrollRegion label={t("detail.readingsTitle")}>
      <table className="w-full text-sm">
        <caption className="sr-only">{t("detail.readingsTitle")}</caption>
        <thead className="bg-surface-2">
          <tr>
            <th scope="col" className={th}>
              {t("columns.time")}
            </th>
            <th scope="col" className={`${th} text-end`}>
              {t("columns.value", { unit: symbol })}
            </th>
            {cumulative ? (
              <th scope="col" className={`${th} hidden text-end sm:table-cell`}>
                {t("columns.index")}
              </th>
            ) : null}
            <th scope="col" className={th}>
              {t("columns.quality")}
            </th>
            <th scope="col" className={`${th} hidden sm:table-cell`}>
              {t("columns.flags")}
            </th>
            <th scope="col" className={`${th} hidden md:table-cell`}>
              {t("columns.source")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((r) => {
            const versions = history.get(r.ts.toISOString()) ?? [];
            const sent = r.originalUnit !== unit ? `${num(r.originalValue)} ${unitSymbol(r.originalUnit)}` : null;
            return (
              <Fragment key={r.ts.toISOString()}>
                <tr data-testid="meter-reading-row">
                  <td className="px-3 py-2 whitespace-nowrap">{when(r.ts)}</td>
                  <td className="px-3 py-2 text-end tabular-nums" dir="ltr">
                    {num(r.value)}
                    {sent ? <span className="block text-xs text-muted">{t("detail.sent", { value: sent })}</span> : null}
                  </td>
                  {cumulative ? (
                    <td className="hidden px-3 py-2 text-end tabular-nums sm:table-cell" dir="ltr">
                      {r.indexValue === null ? "—" : num(r.indexValue)}
                    </td>
                  ) : null}
                  <td className="px-3 py-2">
                    <Badge tone={qualityTone[r.quality as keyof typeof qualityTone] ?? "neutral"}>
                      {known(t, `quality.${r.quality}`, r.quality)}
                    </Badge>
                    {r.version > 1 ? <span className="ms-1 text-xs text-muted">{t("detail.version", { version: r.version })}</span> : null}
                  </td>
                  <td className="hidden px-3 py-2 sm:table-cell">
                    {r.flags.length === 0 ? "—" : r.flags.map((f) => known(t, `flags.${f}`, f)).join(", ")}
                  </td>
                  <td className="hidden px-3 py-2 md:table-cell">{known(t, `sources.${r.source}`, r.source)}</td>
                </tr>
                {versions.length > 0 ? (
                  <tr className="bg-surface-2/50">
                    <td colSpan={columns} className="px-3 py-2 text-xs">
                      <p className="font-semibold">{t("detail.history")}</p>
                      <ul className="mt-1 space-y-0.5">
                        {versions.map((v) => (
                          <li key={v.version}>
                            {t("detail.historyItem", {
                              version: v.version,
                              value: `${num(v.value)} ${symbol}`,
                              quality: known(t, `quality.${v.quality}`, v.quality),
                              date: when(v.replacedAt),
                              by: v.replacedBy ?? "—",
                            })}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
