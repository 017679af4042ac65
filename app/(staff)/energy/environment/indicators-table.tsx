import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { EnvironmentRow } from "@/server/energy/environment/types";
import { complianceTone, displayFormats } from "./display";
import { ScrollRegion } from "@/components/ui/scroll-region";

/**
 * One row per site and month. Each figure carries its exact value in `data-value` (the
 * API's number) next to the rounded text; cells are named `co2-<site code>-<month>` and
 * `avoided-<site code>-<month>` for tests.
 */
export async function IndicatorsTable({ rows }: { rows: EnvironmentRow[] }) {
  const t = await getTranslations("environment");
  const f = displayFormats(await getFormatter());
  const unknown = <span className="text-muted">{t("table.unknown")}</span>;
  return (
    <ScrollRegion label={t("table.caption")} className="rounded-lg border border-line bg-surface">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("table.caption")}</caption>
        <thead className="bg-surface-2">
          <tr>
            <th scope="col" className="px-3 py-2 text-start">
              {t("table.site")}
            </th>
            <th scope="col" className="px-3 py-2 text-start">
              {t("table.month")}
            </th>
            <th scope="col" className="px-3 py-2 text-end">
              {t("table.consumptionKwh")}
            </th>
            <th scope="col" className="px-3 py-2 text-end">
              {t("table.co2Kg")}
            </th>
            <th scope="col" className="hidden px-3 py-2 text-end sm:table-cell">
              {t("table.renewableKwh")}
            </th>
            <th scope="col" className="px-3 py-2 text-end">
              {t("table.avoidedCo2Kg")}
            </th>
            <th scope="col" className="hidden px-3 py-2 text-end md:table-cell">
              {t("table.share")}
            </th>
            <th scope="col" className="hidden px-3 py-2 text-start lg:table-cell">
              {t("table.factor")}
            </th>
            <th scope="col" className="px-3 py-2 text-start">
              {t("table.compliance")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((r) => (
            <tr key={`${r.site.id}-${r.month}`} data-testid="environment-row" data-site={r.site.code} data-month={r.month}>
              <td className="px-3 py-2">
                <span className="font-semibold">{r.site.name}</span>
                <div className="font-mono text-xs text-muted" dir="ltr">
                  {r.site.code}
                </div>
              </td>
              <td className="whitespace-nowrap px-3 py-2">{f.month(r.month)}</td>
              <td className="px-3 py-2 text-end tabular-nums" data-value={r.consumptionKwh}>
                {f.kwh(r.consumptionKwh)}
              </td>
              <td className="px-3 py-2 text-end tabular-nums" data-testid={`co2-${r.site.code}-${r.month}`} data-value={r.co2Kg ?? ""}>
                {r.co2Kg === null ? unknown : f.kg(r.co2Kg)}
              </td>
              <td className="hidden px-3 py-2 text-end tabular-nums sm:table-cell" data-value={r.renewableProductionKwh}>
                {f.kwh(r.renewableProductionKwh)}
              </td>
              <td
                className="px-3 py-2 text-end tabular-nums"
                data-testid={`avoided-${r.site.code}-${r.month}`}
                data-value={r.avoidedCo2Kg ?? ""}
              >
                {r.avoidedCo2Kg === null ? unknown : f.kg(r.avoidedCo2Kg)}
              </td>
              <td className="hidden px-3 py-2 text-end tabular-nums md:table-cell" data-value={r.renewableShare ?? ""}>
                {r.renewableShare === null ? <span className="text-muted">{t("table.noProduction")}</span> : f.share(r.renewableShare)}
              </td>
              <td className="hidden px-3 py-2 lg:table-cell">
                {r.factor ? (
                  <span title={r.factor.source}>
                    <span className="font-mono text-xs" dir="ltr">
                      {r.factor.key}
                    </span>{" "}
                    <span className="text-xs text-muted">
                      {t("table.factorVersion", { version: r.factor.version, value: f.factor(r.factor.value) })}
                    </span>
                  </span>
                ) : (
                  unknown
                )}
              </td>
              <td className="px-3 py-2">
                <Badge tone={complianceTone[r.compliance.status]}>{t(`compliance.${r.compliance.status}`)}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
