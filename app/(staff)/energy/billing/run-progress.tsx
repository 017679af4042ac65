import { getTranslations } from "next-intl/server";
import type { BillingRunDto } from "@/server/energy/billing/billing-run";

/** A run's progress bar (processed of total), named for screen readers. */
export async function RunProgress({ run }: { run: Pick<BillingRunDto, "processed" | "total" | "status"> }) {
  const t = await getTranslations("billingRuns");
  const pct = run.total > 0 ? Math.round((run.processed / run.total) * 100) : run.status === "done" ? 100 : 0;
  return (
    <div className="min-w-32">
      <progress className="h-2 w-full accent-primary" max={Math.max(1, run.total)} value={run.processed} aria-label={t("progressLabel")}>
        {pct} %
      </progress>
      <div className="text-xs text-muted tabular-nums">{t("progress", { processed: run.processed, total: run.total, pct })}</div>
    </div>
  );
}
