"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { importReadingsChunkAction } from "./actions";
import { ImportPreview } from "./import-preview";
import { ImportReport, keptRejections, type ImportTotals } from "./import-report";
import { loadCsvFile, type LoadedFile, type LoadProblem } from "./load-file";

type Loaded = LoadedFile;
type Phase = "idle" | "reading" | "ready" | "importing" | "done";
const emptyTotals = (): ImportTotals => ({ records: 0, accepted: 0, duplicates: 0, corrected: 0, rejectedCount: 0, rejected: [] });

/**
 * Choose a CSV file → checked and previewed in the browser (size, UTF-8, header, first 20
 * rows) → sent in chunks of at most 2,000 lines, one server action each (parsed again and
 * ingested on the server) → progress, then the report. Stopping keeps what was sent.
 */
export function ReadingsImport({ maxBytes }: { maxBytes: number }) {
  const t = useTranslations("readingsImport");
  const tErrors = useTranslations("errors");
  const format = useFormatter();
  const inputId = useId();
  const [phase, setPhase] = useState<Phase>("idle");
  const [problem, setProblem] = useState<string | null>(null);
  const [file, setFile] = useState<Loaded | null>(null);
  const [totals, setTotals] = useState<ImportTotals>(emptyTotals);
  const [outcome, setOutcome] = useState<string | null>(null);
  const stop = useRef(false);
  const codeLabel = (code: string) => (t.has(`codes.${code}`) ? t(`codes.${code}`) : code);
  const maxMb = maxBytes / 1024 / 1024;

  const problemText = (p: LoadProblem) => {
    switch (p.code) {
      case "tooLarge":
        return t("tooLarge", { size: format.number(p.sizeMb, { maximumFractionDigits: 1 }), max: maxMb });
      case "missingColumns":
        return t("missingColumns", { columns: p.columns.join(", ") });
      default:
        return t(p.code);
    }
  };

  const choose = async (chosen: File | undefined) => {
    setProblem(null);
    setFile(null);
    setOutcome(null);
    setTotals(emptyTotals());
    if (!chosen) return setPhase("idle");
    setPhase("reading");
    const loaded = await loadCsvFile(chosen, maxBytes);
    if (!loaded.ok) {
      setPhase("idle");
      return setProblem(problemText(loaded.problem));
    }
    setFile(loaded.file);
    setPhase("ready");
  };

  const run = async (loaded: Loaded) => {
    stop.current = false;
    setPhase("importing");
    setOutcome(null);
    const acc = emptyTotals();
    setTotals({ ...acc });
    for (const chunk of loaded.chunks) {
      if (stop.current) {
        setOutcome(t("stopped", { line: chunk.firstLine }));
        break;
      }
      let failure: string | null = null;
      try {
        const result = await importReadingsChunkAction({
          fileName: loaded.name,
          header: loaded.layout.headerText,
          text: chunk.text,
          firstLine: chunk.firstLine,
        });
        if (result.ok) {
          const r = result.data;
          acc.records += chunk.records;
          acc.accepted += r.accepted;
          acc.duplicates += r.duplicates;
          acc.corrected += r.corrected;
          acc.rejectedCount += r.rejected.length;
          acc.rejected = acc.rejected.concat(r.rejected.slice(0, Math.max(0, keptRejections - acc.rejected.length)));
          setTotals({ ...acc });
        } else failure = tErrors.has(result.messageKey) ? tErrors(result.messageKey) : tErrors("internal");
      } catch {
        failure = t("networkError");
      }
      if (failure) {
        setOutcome(t("failed", { line: chunk.firstLine, message: failure }));
        break;
      }
    }
    setPhase("done");
  };

  const percent = file ? Math.round((totals.records / file.records) * 100) : 0;
  const busy = phase === "reading" || phase === "importing";
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
            disabled={busy}
            aria-describedby={`${inputId}-hint`}
            onChange={(e) => void choose(e.target.files?.[0])}
            className={inputClass}
            data-testid="import-file"
          />
          <p id={`${inputId}-hint`} className="text-xs text-muted">
            {t("fileHint", { max: maxMb })}
          </p>
        </div>
        <div aria-live="polite" className="text-sm">
          {phase === "reading" ? <p>{t("reading")}</p> : null}
          {file && phase !== "reading" ? (
            <p data-testid="import-summary">
              {t("summary", { file: file.name, rows: file.records, separator: file.layout.header.separator })}
            </p>
          ) : null}
        </div>
        {problem ? (
          <p role="alert" className="rounded-md border border-danger p-3 text-sm text-danger" data-testid="import-problem">
            {problem}
          </p>
        ) : null}
      </section>

      {file ? <ImportPreview rows={file.preview} codeLabel={codeLabel} /> : null}

      {file ? (
        <section aria-labelledby="import-run-title" className="space-y-3 rounded-lg border border-line bg-surface p-4">
          <h2 id="import-run-title" className="text-base font-semibold">
            {t("runTitle")}
          </h2>
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={() => void run(file)} disabled={busy} data-testid="import-start">
              {t("start", { rows: file.records })}
            </Button>
            {phase === "importing" ? (
              <Button type="button" variant="secondary" onClick={() => (stop.current = true)}>
                {t("stop")}
              </Button>
            ) : null}
          </div>
          {phase === "importing" || phase === "done" ? (
            <div className="space-y-1">
              <div
                role="progressbar"
                aria-label={t("progressLabel")}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={percent}
                aria-valuetext={t("progressText", { done: totals.records, total: file.records, percent })}
                className="h-3 w-full overflow-hidden rounded-full border border-border bg-surface-2"
                data-testid="import-progress"
              >
                <div className="h-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
              </div>
              <p className="text-sm text-muted" aria-live="polite">
                {t("progressText", { done: totals.records, total: file.records, percent })}
              </p>
            </div>
          ) : null}
          {outcome ? (
            <p role="alert" className="rounded-md border border-warning p-3 text-sm">
              {outcome}
            </p>
          ) : null}
          {phase === "done" && !outcome ? (
            <p role="status" className="text-sm text-success">
              {t("finished")}
            </p>
          ) : null}
        </section>
      ) : null}

      {file && (phase === "importing" || phase === "done") ? (
        <ImportReport totals={totals} fileName={file.name} codeLabel={codeLabel} />
      ) : null}
    </div>
  );
}
