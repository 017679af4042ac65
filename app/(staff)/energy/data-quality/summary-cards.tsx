import { getTranslations } from "next-intl/server";
import type { QualitySummary } from "@/server/energy/data-quality/overview";
import type { Display } from "./display";

function Stat({ label, value, detail, href }: { label: string; value: string; detail?: string; href?: string }) {
  const body = (
    <>
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
      {detail ? <dd className="mt-1 text-xs text-muted">{detail}</dd> : null}
    </>
  );
  return (
    <div className="rounded-lg border border-line bg-surface p-4 shadow-sm">
      {href ? (
        <a href={href} className="block focus-visible:outline-2">
          <dl>{body}</dl>
        </a>
      ) : (
        <dl>{body}</dl>
      )}
    </div>
  );
}

/** The period at a glance: completeness, gaps, duplicates, corrections, rejections, counter events. */
export async function SummaryCards({ summary, show }: { summary: QualitySummary; show: Display }) {
  const t = await getTranslations("dataQuality.summary");
  const counterEvents = ["reset", "rollover", "replacement", "jitter"].reduce((n, f) => n + (summary.flags[f] ?? 0), 0);
  return (
    <div className="grid grid-cols-1 gap-3 min-[420px]:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6" data-testid="quality-summary">
      <Stat
        label={t("completeness")}
        value={summary.completeness === null ? "—" : show.share(summary.completeness)}
        detail={t("completenessDetail", {
          received: show.count(summary.received),
          expected: show.count(summary.expected),
          meters: summary.meters,
        })}
      />
      <Stat label={t("missing")} value={show.count(summary.missing)} detail={t("missingDetail", { gaps: summary.gaps })} href="#gaps" />
      <Stat
        label={t("duplicates")}
        value={show.count(summary.batches.duplicates)}
        detail={t("duplicatesDetail", { batches: summary.batches.batches, received: show.count(summary.batches.received) })}
        href="#batches"
      />
      <Stat label={t("corrections")} value={show.count(summary.corrections)} href="#corrections" />
      <Stat label={t("rejections")} value={show.count(summary.rejections)} href="#rejections" />
      <Stat
        label={t("flagged")}
        value={show.count(counterEvents)}
        detail={t("flaggedDetail", {
          reset: summary.flags.reset ?? 0,
          rollover: summary.flags.rollover ?? 0,
          jitter: summary.flags.jitter ?? 0,
        })}
        href="#flagged"
      />
    </div>
  );
}
