import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/server/auth/guards";
import { auditVocabulary } from "@/server/platform/audit-labels";
import { getAuditEntry } from "@/server/platform/audit-query";
import { DomainError } from "@/server/platform/errors";
import { ActorBadge } from "../actor-badge";
import { ChangesTable } from "./changes-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("audit") };
}

/** One audit entry with its full change set, user agent and request id (`audit.read`). */
export default async function AuditEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireUser("audit.read");
  const { id } = await params;
  const entry = await getAuditEntry(await getDb(), actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const t = await getTranslations("audit");
  const { format } = await auditVocabulary();
  const actionLabel = format.action(entry.action);
  const facts: [string, ReactNode][] = [
    [t("columns.at"), <time key="at" dateTime={entry.at}>{`${format.dateTime(new Date(entry.at))} (${t("timeZoneName")})`}</time>],
    [
      t("columns.actor"),
      <span key="actor" className="flex flex-wrap items-center gap-2">
        <ActorBadge type={entry.actorType} label={t(`actorTypes.${entry.actorType}`)} />
        <span dir="auto">{entry.actorLabel ?? "—"}</span>
        {entry.actorId ? (
          <code className="text-xs text-muted" dir="ltr">
            {entry.actorId}
          </code>
        ) : null}
      </span>,
    ],
    [
      t("columns.action"),
      <span key="action">
        {actionLabel}{" "}
        <code className="text-xs text-muted" dir="ltr">
          {entry.action}
        </code>
      </span>,
    ],
    [
      t("columns.entity"),
      <code key="entity" dir="ltr" className="break-all">
        {entry.entityType}
        {entry.entityId ? ` · ${entry.entityId}` : ""}
      </code>,
    ],
    [
      t("columns.ip"),
      <span key="ip" dir="ltr">
        {entry.ip ?? "—"}
      </span>,
    ],
    [
      t("columns.userAgent"),
      <span key="ua" dir="ltr" className="break-all">
        {entry.userAgent ?? "—"}
      </span>,
    ],
    [
      t("columns.requestId"),
      <code key="rid" dir="ltr" className="break-all">
        {entry.requestId ?? "—"}
      </code>,
    ],
  ];
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title={actionLabel}
        description={t("entryDescription")}
        actions={
          <Link href="/admin/audit" className={buttonClass("secondary")}>
            {t("backToList")}
          </Link>
        }
      />
      <Card title={t("summary")}>
        <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-semibold">{label}</dt>
              <dd className="mb-2 sm:mb-0">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card title={t("changes.title")}>
        <ChangesTable changes={entry.changes} />
      </Card>
    </div>
  );
}
