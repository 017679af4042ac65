"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { CsvRowError } from "@/lib/csv-readings";
import { rejectionsCsv, saveBlob } from "./report-csv";

export type ImportTotals = {
  records: number;
  accepted: number;
  duplicates: number;
  corrected: number;
  rejectedCount: number;
  /** The first rejections (at most `keptRejections`), in line order. */
  rejected: CsvRowError[];
};

/** Rejections kept in memory for the table and the download. */
export const keptRejections = 100_000;
const shownRejections = 200;

/** The final (or partial) report: counts, rejected lines with code and detail, download as CSV. */
export function ImportReport({
  totals,
  fileName,
  codeLabel,
}: {
  totals: ImportTotals;
  fileName: string;
  codeLabel: (code: string) => string;
}) {
  const t = useTranslations("readingsImport");
  const format = useFormatter();
  const n = (v: number) => format.number(v);
  const download = () => {
    const blob = rejectionsCsv(
      { line: t("columns.line"), code: t("columns.code"), label: t("columns.reason"), detail: t("columns.detail") },
      totals.rejected,
      codeLabel,
    );
    saveBlob(blob, `${fileName.replace(/\.csv$/i, "")}-${t("reportFileSuffix")}.csv`);
  };
  const counts = [
    ["accepted", totals.accepted],
    ["duplicates", totals.duplicates],
    ["corrected", totals.corrected],
    ["rejected", totals.rejectedCount],
  ] as const;
  return (
    <section
      aria-labelledby="import-report-title"
      className="space-y-4 rounded-lg border border-line bg-surface p-4"
      data-testid="import-report"
    >
      <h2 id="import-report-title" className="text-base font-semibold">
        {t("reportTitle")}
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {counts.map(([key, value]) => (
          <div key={key} className="rounded-md border border-line p-3">
            <dt className="text-xs text-muted">{t(`report.${key}`)}</dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid={`import-${key}`}>
              {n(value)}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-muted">{t("report.hint")}</p>
      {totals.rejectedCount === 0 ? (
        <p className="text-sm text-success">{t("report.noRejected")}</p>
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 className="text-sm font-semibold">{t("report.rejectedTitle")}</h3>
            <Button type="button" variant="secondary" onClick={download}>
              {t("report.download")}
            </Button>
          </div>
          {totals.rejectedCount > shownRejections ? (
            <p className="text-sm text-muted">{t("report.partial", { shown: n(shownRejections), total: n(totals.rejectedCount) })}</p>
          ) : null}
          {totals.rejectedCount > totals.rejected.length ? (
            <p className="text-sm text-muted">{t("report.kept", { kept: n(totals.rejected.length) })}</p>
          ) : null}
          <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={t("report.rejectedTitle")}>
            <table className="w-full text-sm" data-testid="import-rejected">
              <thead className="border-b border-line text-xs text-muted">
                <tr>
                  {(["line", "reason", "detail"] as const).map((c) => (
                    <th key={c} scope="col" className="px-2 py-2 text-start font-semibold">
                      {t(`columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {totals.rejected.slice(0, shownRejections).map((r, i) => (
                  <tr key={`${r.line}-${i}`}>
                    <td className="px-2 py-2 tabular-nums">{r.line}</td>
                    <td className="px-2 py-2">
                      {codeLabel(r.code)}{" "}
                      <span className="text-xs text-muted" dir="ltr">
                        ({r.code})
                      </span>
                    </td>
                    <td className="px-2 py-2 text-muted" dir="auto">
                      {r.detail}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
