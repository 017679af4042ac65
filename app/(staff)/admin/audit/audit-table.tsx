import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AuditEntryDto } from "@/server/platform/audit-query";
import { ActorBadge } from "./actor-badge";

export type AuditRowView = AuditEntryDto & { when: string; actionLabel: string };

/** One page of the audit trail, newest first; the time links to the entry's detail. */
export async function AuditTable({ rows }: { rows: AuditRowView[] }) {
  const t = await getTranslations("audit");
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("title")}</caption>
        <thead className="bg-surface-2">
          <tr>
            {(["at", "actor", "action", "entity", "ip"] as const).map((key) => (
              <th key={key} scope="col" className="px-3 py-2 text-start">
                {t(`columns.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row) => (
            <tr key={row.id} data-testid="audit-row">
              <td className="px-3 py-2 whitespace-nowrap">
                <Link href={`/admin/audit/${row.id}`} className="font-semibold text-primary underline underline-offset-2">
                  <time dateTime={row.at}>{row.when}</time>
                </Link>
              </td>
              <td className="px-3 py-2">
                <span className="flex flex-wrap items-center gap-2">
                  <ActorBadge type={row.actorType} label={t(`actorTypes.${row.actorType}`)} />
                  <span dir="auto" className="break-all">
                    {row.actorLabel ?? row.actorId ?? "—"}
                  </span>
                </span>
              </td>
              <td className="px-3 py-2">
                <span className="block">{row.actionLabel}</span>
                {row.actionLabel !== row.action ? (
                  <code className="text-xs text-muted" dir="ltr">
                    {row.action}
                  </code>
                ) : null}
              </td>
              <td className="px-3 py-2">
                <code className="text-xs" dir="ltr">
                  {row.entityType}
                </code>
                {row.entityId ? (
                  <span className="block text-xs break-all text-muted" dir="ltr">
                    {row.entityId}
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2 text-muted" dir="ltr">
                {row.ip ?? "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
