import "server-only";
import type { Db } from "@/db/client";
import { notify } from "@/server/platform/notifications/notify";
import { markFailed, type JobRow } from "./lease";

/**
 * Kinds whose final failure is not reported as `job.failed`: webhook deliveries report
 * through `webhook.disabled`, and a failed e-mail must not trigger another e-mail.
 */
const reportedElsewhere = new Set(["webhook.deliver", "notification.email"]);

/**
 * Records that a job failed for good and, in the same transaction, tells every admin
 * (`job.failed`, critical) with a link to the failed jobs of that kind.
 */
export async function markFailedForGood(db: Db, job: JobRow, runnerId: string, error: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const written = await markFailed(tx, job.id, runnerId, error, null);
    if (written && !reportedElsewhere.has(job.kind)) {
      await notify(tx, {
        to: { role: "admin" },
        kind: "job.failed",
        severity: "critical",
        titleKey: "notifications.jobFailed.title",
        bodyKey: "notifications.jobFailed.body",
        params: { kind: job.kind, attempts: job.attempts, error: error.length > 200 ? `${error.slice(0, 199)}…` : error },
        link: `/admin/jobs?status=failed&kind=${encodeURIComponent(job.kind)}`,
      });
    }
    return written;
  });
}
