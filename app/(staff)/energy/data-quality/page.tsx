import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { listBatches } from "@/server/energy/data-quality/batches";
import { listCorrections } from "@/server/energy/data-quality/corrections";
import { dataQualityQuery } from "@/server/energy/data-quality/filters";
import { listFlagged } from "@/server/energy/data-quality/flagged";
import { listGaps } from "@/server/energy/data-quality/gaps";
import { qualityOptions } from "@/server/energy/data-quality/options";
import { qualityOverview } from "@/server/energy/data-quality/overview";
import { listRejections } from "@/server/energy/data-quality/rejections";
import { resolveScope } from "@/server/energy/data-quality/scope";
import { requireTemplate } from "@/server/platform/templates";
import { BatchesTable } from "./batches-table";
import { CorrectionsTable } from "./corrections-table";
import { displayFormats } from "./display";
import { FlaggedTable } from "./flagged-table";
import { GapsTable } from "./gaps-table";
import { MetersTable } from "./meters-table";
import { pageParams, pagerLinks } from "./params";
import { QualityFilters } from "./quality-filters";
import { RejectionsTable } from "./rejections-table";
import { Section } from "./section";
import { SummaryCards } from "./summary-cards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dataQuality"))("title") };
}

/**
 * Data quality of the measurements (`measurements.read`): per meter and period, missing
 * intervals (gaps), duplicates (from the ingest batches), corrections with before/after,
 * refused items and flagged counter events. Filters and one cursor per list in the URL.
 */
export default async function DataQualityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  requireTemplate("energy");
  const actor = await requireUser("measurements.read");
  const t = await getTranslations("dataQuality");
  const show = displayFormats(await getFormatter());
  const params = pageParams(await searchParams);
  const parsed = dataQualityQuery.safeParse(params);
  const db = await getDb();
  const options = await qualityOptions(db, actor);
  const header = <PageHeader title={t("title")} description={t("description")} />;

  if (!parsed.success) {
    return (
      <div className="space-y-6">
        {header}
        <QualityFilters values={params} options={options} period={{ from: params.from ?? "", to: params.to ?? "" }} />
        <div role="alert" className="rounded-md border border-danger p-4 text-sm text-danger">
          <p className="font-semibold">{t("invalidFilters")}</p>
          <ul className="mt-1 list-disc ps-5">
            {parsed.error.issues.map((issue) => (
              <li key={`${String(issue.path[0])}-${issue.message}`}>
                {t.has(`validation.${issue.message}`) ? t(`validation.${issue.message}`) : t("validation.invalid")}
              </li>
            ))}
          </ul>
        </div>
      </div>
    );
  }

  const q = parsed.data;
  const scope = await resolveScope(db, actor, q);
  const { summary, meters } = await qualityOverview(db, actor, scope);
  const gaps = await listGaps(db, actor, scope, { cursor: q.gc, limit: q.limit });
  const corrections = await listCorrections(db, actor, scope, { cursor: q.cc, limit: q.limit });
  const rejections = await listRejections(db, actor, scope, { cursor: q.rc, limit: q.limit });
  const flagged = await listFlagged(db, actor, scope, { cursor: q.fc, limit: q.limit });
  const batches = await listBatches(db, actor, scope, { cursor: q.bc, limit: q.limit });

  return (
    <div className="space-y-8">
      {header}
      <QualityFilters values={params} options={options} period={{ from: scope.fromDay, to: scope.toDay }} />
      <p className="text-sm" data-testid="quality-period">
        {t("period", { from: show.day(scope.fromDay), to: show.day(scope.toDay), zone: scope.timeZone })}
      </p>
      <SummaryCards summary={summary} show={show} />
      <Section
        id="meters"
        title={t("meters.title")}
        note={t("meters.note")}
        empty={t("meters.empty")}
        isEmpty={meters.length === 0}
        firstHref={null}
        nextHref={null}
      >
        <MetersTable rows={meters} show={show} />
      </Section>
      <Section
        id="gaps"
        title={t("gaps.title")}
        note={t("gaps.note")}
        empty={t("gaps.empty")}
        isEmpty={gaps.data.length === 0}
        {...pagerLinks(params, "gc", gaps.next_cursor, "gaps")}
      >
        <GapsTable gaps={gaps.data} show={show} />
      </Section>
      <Section
        id="corrections"
        title={t("corrections.title")}
        note={t("corrections.note")}
        empty={t("corrections.empty")}
        isEmpty={corrections.data.length === 0}
        {...pagerLinks(params, "cc", corrections.next_cursor, "corrections")}
      >
        <CorrectionsTable rows={corrections.data} show={show} />
      </Section>
      <Section
        id="rejections"
        title={t("rejections.title")}
        note={t("rejections.note")}
        empty={t("rejections.empty")}
        isEmpty={rejections.data.length === 0}
        {...pagerLinks(params, "rc", rejections.next_cursor, "rejections")}
      >
        <RejectionsTable rows={rejections.data} show={show} timeZone={scope.timeZone} />
      </Section>
      <Section
        id="flagged"
        title={t("flagged.title")}
        note={t("flagged.note")}
        empty={t("flagged.empty")}
        isEmpty={flagged.data.length === 0}
        {...pagerLinks(params, "fc", flagged.next_cursor, "flagged")}
      >
        <FlaggedTable rows={flagged.data} show={show} />
      </Section>
      <Section
        id="batches"
        title={t("batches.title")}
        note={t("batches.note")}
        empty={t("batches.empty")}
        isEmpty={batches.data.length === 0}
        {...pagerLinks(params, "bc", batches.next_cursor, "batches")}
      >
        <BatchesTable rows={batches.data} show={show} timeZone={scope.timeZone} />
      </Section>
    </div>
  );
}
