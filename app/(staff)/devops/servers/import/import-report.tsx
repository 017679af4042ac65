"use client";

import { useTranslations } from "next-intl";
import { ScrollRegion } from "@/components/ui/scroll-region";

export type ImportReportData = {
  mode: "preview" | "commit";
  created: number;
  updated: number;
  rejected: { line: number; hostname: string | null; errors: { field: string | null; message: string }[] }[];
  lines: { line: number; hostname: string; action: "create" | "update" }[];
};

const th = "px-3 py-2 text-start font-semibold whitespace-nowrap";
const td = "px-3 py-2 align-top";

/** Totals, then the rejected lines with their reasons, then what each accepted line does (or did). */
export function ImportReportView({ report, fileName }: { report: ImportReportData; fileName: string }) {
  const t = useTranslations("devops.servers.import");
  const tv = useTranslations("validation");
  const reason = (e: { field: string | null; message: string }) => {
    const text = tv.has(e.message) ? tv(e.message) : tv("invalid");
    return e.field ? t("fieldError", { field: e.field, message: text }) : text;
  };
  const title = report.mode === "preview" ? t("previewTitle") : t("resultTitle");
  return (
    <section
      aria-labelledby="import-report-title"
      className="space-y-4 rounded-lg border border-line bg-surface p-4"
      data-testid="import-report"
    >
      <h2 id="import-report-title" className="text-base font-semibold">
        {title}
      </h2>
      <p className="text-sm text-muted">{fileName}</p>
      <dl className="grid grid-cols-3 gap-3 text-center">
        {(
          [
            ["created", report.created],
            ["updated", report.updated],
            ["rejected", report.rejected.length],
          ] as const
        ).map(([key, n]) => (
          <div key={key} className="rounded-md border border-line p-2">
            <dt className="text-xs font-semibold text-muted">{t(report.mode === "preview" ? `willBe.${key}` : `were.${key}`)}</dt>
            <dd className="text-xl font-semibold" data-testid={`import-${key}`}>
              {n}
            </dd>
          </div>
        ))}
      </dl>
      {report.rejected.length > 0 ? (
        <>
          <h3 className="text-sm font-semibold">{t("rejectedTitle")}</h3>
          <ScrollRegion label={t("rejectedTitle")} className="rounded-md border border-line">
            <table className="w-full text-sm">
              <thead className="bg-surface-2">
                <tr>
                  <th scope="col" className={th}>
                    {t("line")}
                  </th>
                  <th scope="col" className={th}>
                    {t("hostname")}
                  </th>
                  <th scope="col" className={th}>
                    {t("reasons")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {report.rejected.map((r) => (
                  <tr key={r.line}>
                    <th scope="row" className={`${td} text-start`}>
                      {r.line}
                    </th>
                    <td className={td} dir="ltr">
                      {r.hostname ?? "—"}
                    </td>
                    <td className={td}>
                      <ul className="space-y-1">
                        {r.errors.map((e, i) => (
                          <li key={i}>{reason(e)}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      ) : null}
      {report.lines.length > 0 ? (
        <>
          <h3 className="text-sm font-semibold">{t("acceptedTitle")}</h3>
          <ScrollRegion label={t("acceptedTitle")} className="max-h-96 overflow-y-auto rounded-md border border-line">
            <table className="w-full text-sm">
              <thead className="bg-surface-2">
                <tr>
                  <th scope="col" className={th}>
                    {t("line")}
                  </th>
                  <th scope="col" className={th}>
                    {t("hostname")}
                  </th>
                  <th scope="col" className={th}>
                    {t("action")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {report.lines.map((l) => (
                  <tr key={l.line}>
                    <th scope="row" className={`${td} text-start`}>
                      {l.line}
                    </th>
                    <td className={td} dir="ltr">
                      {l.hostname}
                    </td>
                    <td className={td}>{t(`actions.${l.action}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      ) : null}
    </section>
  );
}
