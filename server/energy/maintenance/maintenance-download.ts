import "server-only";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { Tx } from "@/db/client";
import type { Locale } from "@/i18n/config";
import type { InterventionFilters } from "@/lib/validation/maintenance";
import { assertCan, type Actor } from "@/server/auth/actor";
import { datedFilename } from "@/server/platform/exports/attachment";
import { auditExport } from "@/server/platform/exports/audit-export";
import { csvResponse, type CsvColumn } from "@/server/platform/exports/csv";
import { pdfResponse, type PdfExportColumn } from "@/server/platform/exports/pdf-response";
import { streamRows } from "@/server/platform/exports/row-source";
import { interventionExportSource, type InterventionExportRow } from "./maintenance-export-source";
import { energyTimeZone } from "@/server/energy/equipment/dates";
import { safeZone } from "./site-time";

/** A PDF lists at most this many interventions; the CSV has them all. */
export const maintenancePdfMaxRows = 2000;

const csvKeys = [
  "reference",
  "plannedStart",
  "plannedDurationMinutes",
  "kind",
  "status",
  "source",
  "title",
  "equipmentName",
  "siteCode",
  "siteName",
  "assigneeName",
  "planDueOn",
  "startedAt",
  "completedAt",
  "timeSpentMinutes",
  "reportActions",
  "cancelReason",
  "id",
] as const satisfies readonly (keyof InterventionExportRow)[];

const logError = (error: unknown) => console.error("[export] interventions", error);

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The reader's words for a download: the `energy` translator, the locale, dates in a zone. */
export type ExportVocabulary = { locale: Locale; t: Translate; dateTime: (at: Date, timeZone: string) => string };

/** The current request's vocabulary (route handlers). */
export async function requestExportVocabulary(): Promise<ExportVocabulary> {
  const [locale, t, formatter] = await Promise.all([getLocale(), getTranslations("energy"), getFormatter()]);
  return {
    locale: locale as Locale,
    t: (key, values) => t(key, values),
    dateTime: (at, timeZone) => formatter.dateTime(at, { dateStyle: "short", timeStyle: "short", timeZone }),
  };
}

/**
 * GET /api/export/maintenance: the filtered interventions as CSV (every field, codes and
 * UTC times, headers in the reader's language) or PDF (what a person reads: site-local
 * times, translated kinds and statuses). Needs `maintenance.write` (admins); records
 * `export.created` in the route's transaction, rows stream after it commits.
 */
export async function maintenanceDownload(
  tx: Tx,
  actor: Actor,
  format: "csv" | "pdf",
  filters: InterventionFilters,
  vocabulary: ExportVocabulary,
  signal?: AbortSignal,
): Promise<Response> {
  assertCan(actor, "maintenance.write");
  const source = interventionExportSource(actor, filters);
  await auditExport(tx, actor, { kind: format, entity: "interventions", filters });
  const { t, locale, dateTime } = vocabulary;
  const header = (key: string) => t(`maintenance.columns.${key}`);
  if (format === "csv") {
    const columns: CsvColumn<InterventionExportRow>[] = csvKeys.map((key) => ({ key, header: header(key) }));
    return csvResponse({
      filename: datedFilename("interventions", "csv"),
      columns,
      rows: streamRows(source, { signal }),
      onError: logError,
    });
  }
  const when = (at: string, zone: string) => dateTime(new Date(at), safeZone(zone));
  const columns: PdfExportColumn<InterventionExportRow>[] = [
    { key: "reference", header: header("reference"), width: 1.2 },
    { key: "plannedStart", header: header("plannedStart"), width: 1.3, format: (v, row) => when(v, row.siteTimezone) },
    { key: "kind", header: header("kind"), width: 1, format: (v) => t(`interventionKinds.${v}`) },
    { key: "status", header: header("status"), width: 1, format: (v) => t(`interventionStatus.${v}`) },
    { key: "title", header: header("title"), width: 2.2 },
    { key: "siteName", header: header("site"), width: 1.6, format: (v, row) => `${v} · ${row.equipmentName}` },
    { key: "assigneeName", header: header("assigneeName"), width: 1.3, format: (v) => v ?? t("maintenance.unassigned") },
  ];
  return pdfResponse({
    filename: datedFilename("interventions", "pdf"),
    title: t("maintenance.export.title"),
    subtitle: describeFilters(filters, t) || t("maintenance.export.allInterventions"),
    truncatedNote: t("maintenance.export.truncated", { max: maintenancePdfMaxRows }),
    locale,
    columns,
    rows: streamRows(source, { signal, limit: maintenancePdfMaxRows + 1 }),
    maxRows: maintenancePdfMaxRows,
    footer: t("maintenance.export.footer", { when: dateTime(new Date(), energyTimeZone) }),
    onError: logError,
  });
}

/** The filters in the reader's words (ids stay ids: the list page shows names). */
function describeFilters(f: InterventionFilters, t: Translate): string {
  const part = (label: string, value: string) => t("maintenance.export.filterPart", { label: t(`maintenance.filters.${label}`), value });
  const parts: string[] = [];
  if (f.kind) parts.push(part("kind", t(`interventionKinds.${f.kind}`)));
  if (f.status) parts.push(part("status", t(`interventionStatus.${f.status}`)));
  if (f.from) parts.push(part("from", f.from));
  if (f.to) parts.push(part("to", f.to));
  if (f.overdue) parts.push(t("maintenance.filters.overdueOnly"));
  if (f.site) parts.push(part("site", f.site));
  if (f.technician) parts.push(part("technician", f.technician));
  if (f.equipment) parts.push(part("equipment", f.equipment));
  return parts.join(" · ");
}
