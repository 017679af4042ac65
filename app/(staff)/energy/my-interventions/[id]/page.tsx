import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FinishForm } from "@/components/energy/maintenance/finish-form";
import { InterventionChecklist, InterventionFacts, InterventionReport } from "@/components/energy/maintenance/intervention-facts";
import { StartButton } from "@/components/energy/maintenance/start-button";
import { StatusBadge } from "@/components/energy/maintenance/status-badge";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { getIntervention } from "@/server/energy/maintenance/interventions-query";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { finishMyInterventionAction, startMyInterventionAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("energy.myInterventions"))("title") };
}

/**
 * One of the technician's own interventions (another's is not found): where and when, then
 * Start, then the report that finishes it. Phone first: one column, large controls.
 */
export default async function MyInterventionPage({ params }: { params: Promise<{ id: string }> }) {
  requireTemplate("energy");
  const actor = await requireUser("interventions.assigned");
  const { id } = await params;
  const item = await getIntervention(await getDb(), actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const t = await getTranslations("energy");
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <Link href="/energy/my-interventions" className="inline-flex min-h-12 items-center text-primary underline underline-offset-2">
        {t("myInterventions.back")}
      </Link>
      <PageHeader title={item.title} description={`${item.reference} · ${t(`interventionKinds.${item.kind}`)}`} />
      <div className="flex flex-wrap gap-2" data-testid="intervention-status">
        <StatusBadge
          status={item.status}
          overdue={item.overdue}
          statusLabel={t(`interventionStatus.${item.status}`)}
          overdueLabel={t("maintenance.overdue")}
        />
        {item.planDueOn ? <Badge>{t("interventionSources.plan")}</Badge> : null}
      </div>
      {item.status === "planned" ? (
        <StartButton id={item.id} label={t("myInterventions.start")} action={startMyInterventionAction} />
      ) : null}
      {item.status === "in_progress" ? (
        <Card title={t("myInterventions.finishTitle")}>
          <FinishForm id={item.id} checklist={item.checklist.map((c) => c.label)} action={finishMyInterventionAction} large />
        </Card>
      ) : null}
      {item.status === "done" ? (
        <p role="status" className="rounded-md border border-success p-3 text-success">
          {t("myInterventions.doneNote")}
        </p>
      ) : null}
      {item.status === "cancelled" ? (
        <p className="rounded-md border border-line bg-surface p-3">
          <span className="font-semibold">{t("maintenance.detail.cancelReason")}</span> {item.cancelReason}
        </p>
      ) : null}
      <Card title={t("myInterventions.details")}>
        <InterventionFacts item={item} full={false} />
        {item.description ? <p className="mt-4 whitespace-pre-line">{item.description}</p> : null}
      </Card>
      {item.status !== "in_progress" ? (
        <Card title={t("maintenance.detail.checklist")}>
          <InterventionChecklist item={item} />
        </Card>
      ) : null}
      {item.report ? (
        <Card title={t("maintenance.detail.report")}>
          <InterventionReport item={item} />
        </Card>
      ) : null}
    </div>
  );
}
