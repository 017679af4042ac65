import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { ashraeHourly } from "@/lib/forecast/metrics";
import type { RunMetrics } from "@/lib/forecast/view";
import { ScrollRegion } from "@/components/ui/scroll-region";

type Row = { key: string; label: string; threshold: string; cell: (m: RunMetrics) => { text: string; pass?: boolean | null } };

/** Backtest accuracy of both models side by side, with the ASHRAE G14 verdicts (text, not colour alone). */
export async function MetricsTable({ id, naive, hw }: { id: string; naive: RunMetrics | null; hw: RunMetrics | null }) {
  const t = await getTranslations("forecast.metrics");
  const format = await getFormatter();
  const pct = (v: number | null, sign = false) =>
    v === null ? "—" : format.number(v / 100, { style: "percent", maximumFractionDigits: 1, signDisplay: sign ? "exceptZero" : "auto" });
  const hourly = (naive ?? hw)?.hourly ?? false;
  const rows: Row[] = [
    { key: "mape", label: t("mape"), threshold: "—", cell: (m) => ({ text: pct(m.mape) }) },
    ...(hourly ? [{ key: "cvRmse", label: t("cvRmseInterval"), threshold: "—", cell: (m: RunMetrics) => ({ text: pct(m.cvRmse) }) }] : []),
    {
      key: "cvRmseG14",
      label: hourly ? t("cvRmseHourly") : t("cvRmse"),
      threshold: `≤ ${pct(ashraeHourly.cvRmse)}`,
      cell: (m) => ({ text: pct(m.cvRmseG14), pass: m.passes.cvRmse }),
    },
    {
      key: "nmbe",
      label: t("nmbe"),
      threshold: `± ${pct(ashraeHourly.nmbe)}`,
      cell: (m) => ({ text: pct(m.nmbe, true), pass: m.passes.nmbe }),
    },
  ];
  const cell = (m: RunMetrics | null, row: Row) => {
    if (!m) return <span className="text-muted">{t("noBacktest")}</span>;
    const { text, pass } = row.cell(m);
    return (
      <span className="flex flex-wrap items-center justify-end gap-1">
        <span className="tabular-nums">{text}</span>
        {pass === true ? <Badge tone="success">{t("passes")}</Badge> : pass === false ? <Badge tone="danger">{t("fails")}</Badge> : null}
      </span>
    );
  };
  return (
    <ScrollRegion label={t("caption")} className="rounded-lg border border-line">
      <table id={id} className="w-full text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-surface-2">
          <tr>
            <th scope="col" className="px-3 py-2 text-start">
              {t("metric")}
            </th>
            <th scope="col" className="px-3 py-2 text-end">
              {t("naive")}
            </th>
            <th scope="col" className="px-3 py-2 text-end">
              {t("hw")}
            </th>
            <th scope="col" className="px-3 py-2 text-end">
              {t("threshold")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row) => (
            <tr key={row.key} data-testid={`forecast-metric-${row.key}`}>
              <th scope="row" className="px-3 py-2 text-start font-normal">
                {row.label}
              </th>
              <td className="px-3 py-2 text-end">{cell(naive, row)}</td>
              <td className="px-3 py-2 text-end">{cell(hw, row)}</td>
              <td className="px-3 py-2 text-end text-muted tabular-nums">{row.threshold}</td>
            </tr>
          ))}
          <tr data-testid="forecast-metric-skill">
            <th scope="row" className="px-3 py-2 text-start font-normal">
              {t("skill")}
            </th>
            <td className="px-3 py-2 text-end text-muted">{naive ? t("reference") : t("noBacktest")}</td>
            <td className="px-3 py-2 text-end tabular-nums">
              {hw ? pct(hw.skill === null ? null : hw.skill * 100, true) : <span className="text-muted">{t("noBacktest")}</span>}
            </td>
            <td className="px-3 py-2 text-end text-muted tabular-nums">{`> ${pct(0)}`}</td>
          </tr>
        </tbody>
      </table>
    </ScrollRegion>
  );
}
