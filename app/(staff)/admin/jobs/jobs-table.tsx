import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { JobStatus } from "@/lib/validation/jobs";
import type { JobDto } from "@/server/platform/jobs/jobs-admin";
import { RetryJobButton } from "./job-forms";

export const statusTone: Record<JobStatus, "neutral" | "info" | "success" | "danger"> = {
  queued: "neutral",
  running: "info",
  succeeded: "success",
  failed: "danger",
};

/** One page of jobs, newest first; failed and queued ones can be retried now. */
export async function JobsTable({ jobs }: { jobs: JobDto[] }) {
  const t = await getTranslations();
  const format = await getFormatter();
  if (jobs.length === 0) {
    return (
      <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
        {t("jobs.empty")}
      </p>
    );
  }
  const th = "px-3 py-2 text-start";
  return (
    <ScrollRegion label={t("jobs.queue")} className="rounded-lg border border-line bg-surface">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("jobs.queue")}</caption>
        <thead className="bg-surface-2">
          <tr>
            <th scope="col" className={th}>
              {t("jobs.kind")}
            </th>
            <th scope="col" className={th}>
              {t("jobs.statusLabel")}
            </th>
            <th scope="col" className={th}>
              {t("jobs.attempts")}
            </th>
            <th scope="col" className={th}>
              {t("jobs.runAt")}
            </th>
            <th scope="col" className={th}>
              {t("jobs.lastError")}
            </th>
            <th scope="col" className={th}>
              <span className="sr-only">{t("jobs.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {jobs.map((job) => (
            <tr key={job.id} data-testid="job-row" className="align-top">
              <td className="px-3 py-2">
                <code dir="ltr">{job.kind}</code>
              </td>
              <td className="px-3 py-2">
                <Badge tone={statusTone[job.status]}>{t(`jobs.status.${job.status}`)}</Badge>
              </td>
              <td className="px-3 py-2 tabular-nums">
                {format.number(job.attempts)}/{format.number(job.maxAttempts)}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {format.dateTime(new Date(job.runAt), { dateStyle: "medium", timeStyle: "medium" })}
              </td>
              <td className="max-w-md px-3 py-2">
                {job.lastError ? (
                  <details>
                    <summary className="cursor-pointer text-danger">{t("jobs.showError")}</summary>
                    <pre dir="ltr" className="mt-2 max-h-60 overflow-auto whitespace-pre-wrap break-words rounded bg-surface-2 p-2 text-xs">
                      {job.lastError}
                    </pre>
                  </details>
                ) : (
                  <span className="text-muted">—</span>
                )}
              </td>
              <td className="px-3 py-2">
                {job.status === "failed" || job.status === "queued" ? <RetryJobButton id={job.id} kind={job.kind} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
