import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { InterventionChecklist, InterventionFacts, InterventionReport } from "@/components/energy/maintenance/intervention-facts";
import { StatusBadge } from "@/components/energy/maintenance/status-badge";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { listTechnicians } from "@/server/energy/maintenance/assignee";
import { interventionHistory, interventionNotifications } from "@/server/energy/maintenance/intervention-history";
import { getIntervention } from "@/server/energy/maintenance/interventions-query";
import { canManage } from "@/server/energy/maintenance/scope";
import { wallClockInput } from "@/server/energy/maintenance/site-time";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { InterventionControls } from "./intervention-controls";
import { InterventionHistoryList, SentNotificationsList } from "./intervention-history-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("energy.maintenance"))("title") };
}

/** One intervention for readers of the planning: every field, the report, the history, and the admin's actions. */
export default async function InterventionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  requireTemplate("energy");
  const actor = await requireUser("maintenance.read");
  const { id } = await params;
  const db = await getDb();
  const item = await getIntervention(db, actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const t = await getTranslations("energy");
  const history = await interventionHistory(db, actor, id);
  const sent = await interventionNotifications(db, actor, id);
  const manager = canManage(actor);
  const technicians = manager ? await listTechnicians(db, actor) : [];
  const created = (await searchParams).created;
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title={`${item.reference} · ${item.title}`}
        description={`${item.equipmentName} — ${item.siteName}`}
        actions={
          <Link href="/energy/maintenance" className="text-sm text-primary underline underline-offset-2">
            {t("maintenance.backToPlanning")}
          </Link>
        }
      />
      {created ? (
        <p role="status" className="rounded-md border border-success p-3 text-sm text-success">
          {t("maintenance.created")}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2" data-testid="intervention-status">
        <StatusBadge
          status={item.status}
          overdue={item.overdue}
          statusLabel={t(`interventionStatus.${item.status}`)}
          overdueLabel={t("maintenance.overdue")}
        />
        <Badge>{t(`interventionKinds.${item.kind}`)}</Badge>
        <Badge>{t(`interventionSources.${item.source}`)}</Badge>
      </div>
      {item.status === "cancelled" && item.cancelReason ? (
        <p className="rounded-md border border-line bg-surface p-3 text-sm">
          <span className="font-semibold">{t("maintenance.detail.cancelReason")}</span> {item.cancelReason}
        </p>
      ) : null}
      <Card title={t("maintenance.detail.summary")}>
        <InterventionFacts item={item} />
        {item.description ? <p className="mt-4 text-sm whitespace-pre-line">{item.description}</p> : null}
      </Card>
      <Card title={t("maintenance.detail.checklist")}>
        <InterventionChecklist item={item} />
      </Card>
      {item.report ? (
        <Card title={t("maintenance.detail.report")}>
          <InterventionReport item={item} />
        </Card>
      ) : null}
      {manager ? (
        <Card title={t("maintenance.detail.manage")}>
          <InterventionControls
            id={item.id}
            status={item.status}
            checklist={item.checklist.map((c) => c.label)}
            technicians={technicians}
            assignedTo={item.assignedTo}
            plannedStartLocal={wallClockInput(new Date(item.plannedStart), item.siteTimezone)}
            plannedDurationMinutes={item.plannedDurationMinutes}
          />
        </Card>
      ) : null}
      <Card title={t("maintenance.detail.notifications")}>
        <SentNotificationsList items={sent} />
      </Card>
      <Card title={t("maintenance.detail.history")}>
        <InterventionHistoryList
          entries={history}
          auditHref={can(actor, "audit.read") ? `/admin/audit?${new URLSearchParams({ entity_id: item.id })}` : null}
        />
      </Card>
    </div>
  );
}
