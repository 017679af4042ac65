import { getTranslations } from "next-intl/server";
import type { DailyPoint } from "@/server/energy/dashboard/dashboard-totals";
import { figureFormat } from "./figures";

/** The chart's figures as a table (for screen readers, keyboard users and copy-paste), folded by default. */
export async function DailyTable({ points }: { points: DailyPoint[] }) {
  const t = await getTranslations("energyDashboard.chart");
  const f = await figureFormat();
  const cell = (v: number | null) => f.energy(v) ?? t("noReading");
  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-sm font-semibold text-primary">{t("asTable")}</summary>
      <div className="relative mt-2 max-h-96 overflow-auto" tabIndex={0} role="region" aria-label={t("title")}>
        <table className="w-full text-sm">
          <thead className="border-b border-line text-xs text-muted">
            <tr>
              <th scope="col" className="px-2 py-1 text-start font-semibold">
                {t("day")}
              </th>
              <th scope="col" className="px-2 py-1 text-end font-semibold">
                {t("production")}
              </th>
              <th scope="col" className="px-2 py-1 text-end font-semibold">
                {t("consumption")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {points.map((p) => (
              <tr key={p.day}>
                <th scope="row" className="px-2 py-1 text-start font-normal whitespace-nowrap">
                  {f.day(p.day)}
                </th>
                <td className="px-2 py-1 text-end tabular-nums">{cell(p.production)}</td>
                <td className="px-2 py-1 text-end tabular-nums">{cell(p.consumption)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
