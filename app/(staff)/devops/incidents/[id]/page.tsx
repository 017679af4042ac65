import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { isActive, type IncidentStatus } from "@/lib/devops/incident-status";
import { can } from "@/server/auth/actor";
import { requireUser } from "@/server/auth/guards";
import { assigneeOptions } from "@/server/devops/incidents/assignee-options";
import { getIncident } from "@/server/devops/incidents/incident-detail";
import { DomainError } from "@/server/platform/errors";
import { requireTemplate } from "@/server/platform/templates";
import { SeverityBadge, StatusBadge } from "../display";
import { CommentForm } from "./comment-form";
import { IncidentActionsForm } from "./incident-actions-form";
import { ReviewForm } from "./review-form";
import { ServersForm } from "./servers-form";
import { SlaCountdown } from "./sla-countdown";
import { Timeline } from "./timeline";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("devops.incidents"))("detail.title") };
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-semibold text-muted">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

/**
 * One incident: status, severity, assignee, live SLA countdowns, managers' actions (allowed
 * moves, waiting on requester, severity, assignee), comments, the timeline, the
 * post-incident review (required to close) and the related servers. A user sees only the
 * incidents they opened (others: 404).
 */
export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  requireTemplate("devops");
  const actor = await requireUser("incidents.create");
  const { id } = await params;
  const db = await getDb();
  const incident = await getIncident(db, actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const t = await getTranslations("devops.incidents");
  const format = await getFormatter();
  const manager = incident.canManage;
  const assignees = manager ? await assigneeOptions(db, actor) : [];
  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }) : t("fields.none");
  const active = isActive(incident.status as IncidentStatus);
  const clocks = [incident.sla.ack, incident.sla.resolve].filter((c) => c !== null);

  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader
        title={incident.title}
        description={`${incident.ref} · ${t("detail.openedBy", { name: incident.openedBy, at: when(incident.createdAt) })}`}
        actions={
          <Link href="/devops/incidents" className={buttonClass("secondary")}>
            {t("detail.back")}
          </Link>
        }
      />
      <div className="flex flex-wrap items-center gap-2">
        <StatusBadge status={incident.status} label={t(`status.${incident.status}`)} />
        <SeverityBadge severity={incident.severity} label={t(`severity.${incident.severity}`)} />
        {incident.paused ? <span className="text-sm text-muted">{t("detail.waiting")}</span> : null}
        <span className="text-sm text-muted">
          {incident.assignee ? t("detail.assignedTo", { name: incident.assignee.name }) : t("fields.unassigned")}
        </span>
      </div>

      <Card title={t("sla.title")}>
        {clocks.length === 0 ? (
          <p className="text-sm text-muted">{t("sla.none")}</p>
        ) : (
          <div className="grid gap-3 sm:grid-cols-2">
            {clocks.map((c) => (
              <SlaCountdown key={`${c.kind}-${c.state}-${c.remainingSeconds}`} clock={c} />
            ))}
          </div>
        )}
        {incident.policy ? (
          <p className="mt-3 text-xs text-muted">
            {t("sla.policy", { policy: incident.policy.name, calendar: incident.policy.calendar, timezone: incident.policy.timezone })}
          </p>
        ) : null}
      </Card>

      {manager ? (
        <Card title={t("actions.title")}>
          <IncidentActionsForm
            id={incident.id}
            transitions={incident.transitions}
            paused={incident.paused}
            canPause={active}
            severity={incident.severity}
            assigneeId={incident.assignee?.id ?? null}
            assignees={assignees}
          />
        </Card>
      ) : null}

      <Card title={t("detail.overview")}>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <dt className="text-xs font-semibold text-muted">{t("fields.description")}</dt>
            <dd className="whitespace-pre-line break-words">{incident.description || t("fields.none")}</dd>
          </div>
          <Item label={t("fields.source")}>{t(`source.${incident.source}`)}</Item>
          <Item label={t("fields.openedAt")}>{when(incident.createdAt)}</Item>
          <Item label={t("fields.acknowledgedAt")}>{when(incident.times.acknowledgedAt ?? null)}</Item>
          <Item label={t("fields.mitigatedAt")}>{when(incident.times.mitigatedAt ?? null)}</Item>
          <Item label={t("fields.resolvedAt")}>{when(incident.times.resolvedAt ?? null)}</Item>
          <Item label={t("fields.closedAt")}>{when(incident.times.closedAt ?? null)}</Item>
        </dl>
      </Card>

      {can(actor, "incidents.read") ? (
        <Card title={t("servers.title")}>
          {incident.servers.length === 0 ? (
            <p className="text-sm text-muted">{t("servers.none")}</p>
          ) : (
            <ul className="mb-4 flex flex-wrap gap-2">
              {incident.servers.map((s) => (
                <li key={s.id}>
                  {can(actor, "servers.read") ? (
                    <Link href={`/devops/servers/${s.id}`} dir="ltr" className="text-primary underline underline-offset-2">
                      {s.hostname}
                    </Link>
                  ) : (
                    <span dir="ltr">{s.hostname}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
          {manager ? <ServersForm id={incident.id} hostnames={incident.servers.map((s) => s.hostname)} /> : null}
        </Card>
      ) : null}

      <Card title={t("review.title")}>
        {manager ? (
          <ReviewForm
            id={incident.id}
            readOnly={incident.status === "closed"}
            initial={{
              summary: incident.review.summary ?? "",
              rootCause: incident.review.rootCause ?? "",
              impact: incident.review.impact ?? "",
              followUps: incident.review.followUps ?? "",
            }}
          />
        ) : incident.review.summary ? (
          <dl className="space-y-2">
            <Item label={t("review.summary")}>{incident.review.summary}</Item>
            <Item label={t("review.rootCause")}>{incident.review.rootCause ?? t("fields.none")}</Item>
          </dl>
        ) : (
          <p className="text-sm text-muted">{t("review.notYet")}</p>
        )}
      </Card>

      <Card title={t("timeline.title")}>
        <Timeline entries={incident.timeline} />
        <div className="mt-6">
          <CommentForm id={incident.id} />
        </div>
      </Card>
    </div>
  );
}
