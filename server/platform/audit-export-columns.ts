import "server-only";
import type { AuditExportRow } from "@/server/platform/audit-query";
import type { CsvColumn } from "@/server/platform/exports/csv";
import type { PdfExportColumn } from "@/server/platform/exports/pdf-response";

/** A translator over the `audit` namespace (next-intl's `getTranslations("audit")`). */
export type AuditTranslator = (key: string, values?: Record<string, string | number>) => string;

/** Server-side formatting in the reader's language and zone, for the PDF. */
export type AuditFormatters = {
  dateTime: (at: Date) => string;
  /** The translated label of an action, or the action code when none exists. */
  action: (action: string) => string;
};

const csvKeys = [
  "at",
  "actorType",
  "actorId",
  "actorLabel",
  "action",
  "entityType",
  "entityId",
  "ip",
  "userAgent",
  "requestId",
  "changes",
  "id",
] as const satisfies readonly (keyof AuditExportRow)[];

/**
 * CSV columns of the audit trail: every stored field, machine-readable (action codes, ISO
 * times in UTC with microseconds, changes as JSON), headers in the reader's language.
 */
export function auditCsvColumns(t: AuditTranslator): CsvColumn<AuditExportRow>[] {
  return csvKeys.map((key) => ({ key, header: t(`columns.${key}`) }));
}

/** PDF columns: what a person reads (local time, translated action, actor and entity together). */
export function auditPdfColumns(t: AuditTranslator, f: AuditFormatters): PdfExportColumn<AuditExportRow>[] {
  return [
    { key: "at", header: t("columns.at"), width: 1.3, format: (at) => f.dateTime(new Date(at)) },
    {
      key: "actorLabel",
      header: t("columns.actor"),
      width: 1.8,
      format: (label, row) => `${t(`actorTypes.${row.actorType}`)} · ${label ?? row.actorId ?? "—"}`,
    },
    { key: "action", header: t("columns.action"), width: 1.6, format: (action) => f.action(action) },
    {
      key: "entityType",
      header: t("columns.entity"),
      width: 1.8,
      format: (type, row) => (row.entityId ? `${type} · ${row.entityId}` : type),
    },
    { key: "ip", header: t("columns.ip"), width: 1, format: (ip) => ip ?? "" },
  ];
}
