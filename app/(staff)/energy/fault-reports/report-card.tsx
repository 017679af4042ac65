import Link from "next/link";
import type { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { addDays, dayIn } from "@/server/energy/equipment/dates";
import type { FaultReportDto } from "@/server/energy/fault-reports/fault-report-query";
import { ReviewForms } from "./review-forms";

type T = Awaited<ReturnType<typeof getTranslations<"energy.faultReports">>>;
type F = Awaited<ReturnType<typeof getFormatter>>;
const tones = { new: "info", accepted: "success", rejected: "neutral" } as const;

/** One report: what was said, by whom, on which equipment; the review forms while it is new. */
export function ReportCard({
  report: r,
  technicians,
  t,
  format,
}: {
  report: FaultReportDto;
  technicians: { id: string; name: string }[];
  t: T;
  format: F;
}) {
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const tomorrow = addDays(dayIn(new Date(), r.site.timezone), 1);
  return (
    <article className="space-y-3 rounded-lg border border-line bg-surface p-4 shadow-sm" data-testid="fault-report">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="text-base font-semibold">
            <Link href={`/energy/equipment/${r.equipment.id}`} className="text-primary underline underline-offset-2">
              {r.equipment.name}
            </Link>
          </h2>
          <p className="text-sm text-muted">
            {r.site.name} · <time dateTime={r.createdAt}>{when(r.createdAt)}</time>
          </p>
        </div>
        <Badge tone={tones[r.status]}>{t(`statuses.${r.status}`)}</Badge>
      </header>
      <p className="whitespace-pre-line break-words">{r.description}</p>
      {r.reporterName || r.reporterContact ? (
        <p className="text-sm text-muted">
          {t("reportedBy")} {r.reporterName ?? t("anonymous")}
          {r.reporterContact ? (
            <>
              {" · "}
              <span dir="ltr">{r.reporterContact}</span>
            </>
          ) : null}
        </p>
      ) : (
        <p className="text-sm text-muted">{t("anonymousReport")}</p>
      )}
      {r.status === "new" ? (
        <ReviewForms
          id={r.id}
          defaultTitle={t("defaultTitle", { equipment: r.equipment.name })}
          defaultStart={`${tomorrow}T08:00`}
          timezone={r.site.timezone}
          technicians={technicians}
        />
      ) : (
        <div className="space-y-1 text-sm">
          {r.intervention ? (
            <p>
              {t("interventionPlanned")}{" "}
              <Link href={`/energy/maintenance/${r.intervention.id}`} className="font-semibold text-primary underline underline-offset-2">
                <span dir="ltr">{r.intervention.reference}</span>
              </Link>
            </p>
          ) : null}
          {r.rejectReason ? <p>{t("rejectedBecause", { reason: r.rejectReason })}</p> : null}
          {r.reviewedAt ? <p className="text-muted">{t("reviewed", { by: r.reviewedBy ?? "—", when: when(r.reviewedAt) })}</p> : null}
        </div>
      )}
    </article>
  );
}
