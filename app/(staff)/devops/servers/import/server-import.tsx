"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useId, useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/button";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { importServersAction } from "../actions";
import { ImportReportView, type ImportReportData } from "./import-report";

type Phase = "idle" | "previewing" | "previewed" | "importing" | "done";

/**
 * Choose a CSV file → the server checks every line and reports what would be created,
 * updated or rejected (nothing written) → confirm → the accepted lines are written in one
 * transaction, and the final report is shown.
 */
export function ServerImport({ maxBytes }: { maxBytes: number }) {
  const t = useTranslations("devops.servers.import");
  const tErrors = useTranslations("errors");
  const inputId = useId();
  const [phase, setPhase] = useState<Phase>("idle");
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState("");
  const [report, setReport] = useState<ImportReportData | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const send = (text: string, mode: "preview" | "commit") =>
    start(async () => {
      setPhase(mode === "preview" ? "previewing" : "importing");
      const result = await importServersAction({ csv: text, mode });
      if (!result.ok) {
        setPhase(mode === "preview" ? "idle" : "previewed");
        setProblem(tErrors.has(result.messageKey) ? tErrors(result.messageKey) : tErrors("internal"));
        return;
      }
      setReport(result.data);
      setPhase(mode === "preview" ? "previewed" : "done");
    });

  const choose = async (file: File | undefined) => {
    setProblem(null);
    setReport(null);
    setCsv(null);
    setPhase("idle");
    if (!file) return;
    if (file.size > maxBytes) return setProblem(t("tooLarge", { max: Math.floor(maxBytes / 1000) }));
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      return setProblem(t("notUtf8"));
    }
    setFileName(file.name);
    setCsv(text);
    send(text, "preview");
  };

  const accepted = report ? report.created + report.updated : 0;
  return (
    <div className="space-y-6">
      <section aria-labelledby="import-file-title" className="space-y-3 rounded-lg border border-line bg-surface p-4">
        <h2 id="import-file-title" className="text-base font-semibold">
          {t("chooseTitle")}
        </h2>
        <div className="space-y-1">
          <label htmlFor={inputId} className="block text-sm font-semibold">
            {t("file")}
          </label>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            disabled={pending}
            aria-describedby={`${inputId}-hint`}
            onChange={(e) => void choose(e.target.files?.[0])}
            className={inputClass}
            data-testid="import-file"
          />
          <p id={`${inputId}-hint`} className="text-xs text-muted">
            {t("fileHint", { max: Math.floor(maxBytes / 1000) })}
          </p>
        </div>
        <div aria-live="polite" className="text-sm">
          {phase === "previewing" ? <p>{t("checking")}</p> : null}
          {phase === "importing" ? <p>{t("importing")}</p> : null}
        </div>
        {problem ? (
          <p role="alert" className="rounded-md border border-danger p-3 text-sm text-danger">
            {problem}
          </p>
        ) : null}
      </section>

      {report ? <ImportReportView report={report} fileName={fileName} /> : null}

      {report && phase === "previewed" && csv ? (
        <section aria-labelledby="import-run-title" className="space-y-3 rounded-lg border border-line bg-surface p-4">
          <h2 id="import-run-title" className="text-base font-semibold">
            {t("confirmTitle")}
          </h2>
          {accepted > 0 ? (
            <>
              <p className="text-sm">
                {t("confirmText", { created: report.created, updated: report.updated, rejected: report.rejected.length })}
              </p>
              <Button onClick={() => send(csv, "commit")} disabled={pending} data-testid="import-commit">
                {t("commit", { count: accepted })}
              </Button>
            </>
          ) : (
            <p className="text-sm text-muted">{t("nothingToImport")}</p>
          )}
        </section>
      ) : null}

      {phase === "done" ? (
        <p role="status" className="flex flex-wrap items-center gap-3 text-sm text-success">
          {t("done")}
          <Link href="/devops/servers" className={buttonClass("secondary")}>
            {t("toList")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
