"use client";

import { useTranslations } from "next-intl";
import { isRowError, type CsvRow, type CsvRowError } from "@/lib/csv-readings";

/** The first rows of the chosen file as the server will read them; unreadable rows say why. */
export function ImportPreview({ rows, codeLabel }: { rows: (CsvRow | CsvRowError)[]; codeLabel: (code: string) => string }) {
  const t = useTranslations("readingsImport");
  return (
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-labelledby="import-preview-title">
      <table className="w-full text-start text-sm" data-testid="import-preview">
        <caption id="import-preview-title" className="mb-2 text-start text-base font-semibold">
          {t("previewTitle", { count: rows.length })}
        </caption>
        <thead className="border-b border-line text-start text-xs text-muted">
          <tr>
            {(["line", "meter", "ts", "value", "unit", "quality", "status"] as const).map((c) => (
              <th key={c} scope="col" className="px-2 py-2 text-start font-semibold">
                {t(`columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row) =>
            isRowError(row) ? (
              <tr key={row.line}>
                <td className="px-2 py-2 tabular-nums">{row.line}</td>
                <td colSpan={5} className="px-2 py-2 text-muted">
                  {row.detail}
                </td>
                <td className="px-2 py-2 font-semibold text-danger">
                  <span aria-hidden="true">✗ </span>
                  {codeLabel(row.code)}
                </td>
              </tr>
            ) : (
              <tr key={row.line}>
                <td className="px-2 py-2 tabular-nums">{row.line}</td>
                <td className="px-2 py-2" dir="ltr">
                  {row.item.meter}
                </td>
                <td className="px-2 py-2 whitespace-nowrap" dir="ltr">
                  {row.item.ts}
                </td>
                <td className="px-2 py-2 text-end tabular-nums" dir="ltr">
                  {String(row.item.value)}
                </td>
                <td className="px-2 py-2">{row.item.unit}</td>
                <td className="px-2 py-2">{row.item.quality ?? ""}</td>
                <td className="px-2 py-2 text-success">
                  <span aria-hidden="true">✓ </span>
                  {t("rowReadable")}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
