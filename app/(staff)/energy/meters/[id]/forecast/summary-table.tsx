import { getFormatter, getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/ui/scroll-region";

type Summary = { amount: number; peak: number } | null;

/** The chart's figures as text: last week's readings and each model's next week, total (or mean) and peak. */
export async function SummaryTable({
  id,
  quantity,
  unit,
  actual,
  naive,
  hw,
}: {
  id: string;
  quantity: string;
  unit: string;
  actual: Summary;
  naive: Summary;
  hw: Summary;
}) {
  const t = await getTranslations("forecast.summary");
  const format = await getFormatter();
  const value = (v: number | undefined) => (v === undefined ? "—" : `${format.number(v, { maximumFractionDigits: 1 })} ${unit}`);
  const rows = [
    { key: "actual", label: t("actual"), s: actual },
    { key: "naive", label: t("naive"), s: naive },
    { key: "hw", label: t("hw"), s: hw },
  ];
  return (
    <ScrollRegion label={t("caption")} className="rounded-lg border border-line">
      <table id={id} className="w-full text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-surface-2">
          <tr>
            <th scope="col" className="px-3 py-2 text-start">
              {t("period")}
            </th>
            <th scope="col" className="px-3 py-2 text-end">
              {quantity === "power" ? t("mean") : t("total")}
            </th>
            <th scope="col" className="px-3 py-2 text-end">
              {t("peak")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="px-3 py-2 text-start font-normal">
                {row.label}
              </th>
              <td className="px-3 py-2 text-end tabular-nums">{value(row.s?.amount)}</td>
              <td className="px-3 py-2 text-end tabular-nums">{value(row.s?.peak)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
