import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listAuditQuery } from "@/lib/validation/audit";
import { requireUser } from "@/server/auth/guards";
import { auditVocabulary } from "@/server/platform/audit-labels";
import { listAudit } from "@/server/platform/audit-query";
import { AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { filterParams, singleParams } from "./filter-params";
import { CursorPagination } from "@/components/ui/cursor-pagination";

const fieldLabels: Record<string, string> = {
  actor_type: "actorType",
  actor: "actor",
  entity_type: "entityType",
  entity_id: "entityId",
  action: "action",
  from: "from",
  to: "to",
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("audit") };
}

/** The audit trail for admins (`audit.read`): filters in the URL, newest first, 50 per page. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser("audit.read");
  const t = await getTranslations();
  const vocabulary = await auditVocabulary();
  const raw = singleParams(await searchParams);
  const values = {
    actor_type: raw.actor_type,
    actor: raw.actor,
    entity_type: raw.entity_type,
    entity_id: raw.entity_id,
    action: raw.action,
    from: raw.from,
    to: raw.to,
  };
  const parsed = listAuditQuery.safeParse({ ...values, cursor: raw.cursor, limit: "50" });
  const keep = filterParams(values);
  const exportHref = (format: "csv" | "pdf") => `/api/audit/export?${new URLSearchParams([...keep, ["format", format]])}`;

  const result = parsed.success ? await listAudit(await getDb(), actor, parsed.data) : null;
  const rows = (result?.data ?? []).map((row) => ({
    ...row,
    when: vocabulary.format.dateTime(new Date(row.at)),
    actionLabel: vocabulary.format.action(row.action),
  }));
  const nextHref = result?.next_cursor ? `?${new URLSearchParams([...keep, ["cursor", result.next_cursor]])}` : null;

  return (
    <div>
      <PageHeader
        title={t("audit.title")}
        description={t("audit.description")}
        actions={
          <>
            <a href={exportHref("csv")} download className={buttonClass("secondary")} data-testid="export-csv">
              {t("audit.export.csv")}
            </a>
            <a href={exportHref("pdf")} download className={buttonClass("secondary")} data-testid="export-pdf">
              {t("audit.export.pdf")}
            </a>
          </>
        }
      />
      <AuditFilters values={values} actions={vocabulary.actions} />
      {!parsed.success ? (
        <div role="alert" className="rounded-md border border-danger p-4 text-sm text-danger">
          <p className="font-semibold">{t("audit.invalidFilters")}</p>
          <ul className="mt-1 list-disc ps-5">
            {parsed.error.issues.map((issue) => {
              const field = fieldLabels[String(issue.path[0])];
              const message = t.has(`validation.${issue.message}`) ? t(`validation.${issue.message}`) : t("validation.invalid");
              return (
                <li key={`${issue.path.join(".")}-${issue.message}`}>{field ? `${t(`audit.filters.${field}`)} — ${message}` : message}</li>
              );
            })}
          </ul>
        </div>
      ) : rows.length === 0 ? (
        <p className="rounded-md border border-line bg-surface p-6 text-center text-muted" data-testid="empty">
          {t("audit.empty")}
        </p>
      ) : (
        <AuditTable rows={rows} />
      )}
      <CursorPagination
        className="mt-4 flex gap-3"
        firstHref={parsed.success && parsed.data.cursor ? `?${keep}` : null}
        nextHref={nextHref}
      />
    </div>
  );
}
