import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { Tx } from "@/db/client";
import { equipment, sites } from "@/db/schema";
import type { Locale } from "@/i18n/config";
import type { EquipmentFilters } from "@/lib/validation/equipment";
import { assertCan, type Actor } from "@/server/auth/actor";
import { datedFilename } from "@/server/platform/exports/attachment";
import { auditExport } from "@/server/platform/exports/audit-export";
import { csvResponse, type CsvColumn } from "@/server/platform/exports/csv";
import { pdfResponse, type PdfExportColumn } from "@/server/platform/exports/pdf-response";
import { streamRows, type KeysetSource } from "@/server/platform/exports/row-source";
import { dayIn } from "./dates";
import { after, equipmentConditions, sortKey } from "./equipment-query";

/** A PDF lists at most this many rows; the CSV has them all. */
export const equipmentPdfMaxRows = 2000;

export type EquipmentExportRow = {
  key: string;
  id: string;
  siteCode: string;
  siteName: string;
  name: string;
  type: string;
  serialNumber: string | null;
  manufacturer: string | null;
  model: string | null;
  commissionedOn: string | null;
  state: string;
  criticality: string;
  planKind: string | null;
  planInterval: number | null;
  operatingHours: string;
  lastServiceOn: string | null;
  nextDueOn: string | null;
};

/** The filtered list in its chosen order, one keyset batch at a time. */
export function equipmentExportSource(filters: EquipmentFilters): KeysetSource<EquipmentExportRow> {
  const today = dayIn();
  const { key, descending } = sortKey(filters.sort || "name");
  return {
    batch: (db, last, limit) =>
      db
        .select({
          key,
          id: equipment.id,
          siteCode: sites.code,
          siteName: sites.name,
          name: equipment.name,
          type: equipment.type,
          serialNumber: equipment.serialNumber,
          manufacturer: equipment.manufacturer,
          model: equipment.model,
          commissionedOn: equipment.commissionedOn,
          state: equipment.state,
          criticality: equipment.criticality,
          planKind: equipment.planKind,
          planInterval: equipment.planInterval,
          operatingHours: equipment.operatingHours,
          lastServiceOn: equipment.lastServiceOn,
          nextDueOn: equipment.nextDueOn,
        })
        .from(equipment)
        .innerJoin(sites, eq(sites.id, equipment.siteId))
        .where(and(...equipmentConditions(filters, today), after(key, descending, last ? [last.key, last.id] : null)))
        .orderBy(descending ? desc(key) : asc(key), descending ? desc(equipment.id) : asc(equipment.id))
        .limit(limit),
  };
}

const csvKeys = [
  "id",
  "siteCode",
  "siteName",
  "name",
  "type",
  "serialNumber",
  "manufacturer",
  "model",
  "commissionedOn",
  "state",
  "criticality",
  "planKind",
  "planInterval",
  "operatingHours",
  "lastServiceOn",
  "nextDueOn",
] as const satisfies readonly (keyof EquipmentExportRow)[];

const logError = (error: unknown) => console.error("[export] equipment", error);

/**
 * The equipment download for GET /api/export/equipements (`equipment.write`: admins).
 * CSV: every column, codes as stored (machine-readable), headers translated. PDF: what a
 * person reads, labels translated, at most `equipmentPdfMaxRows` rows. Records
 * `export.created` in the route's transaction; rows are read after it commits.
 */
export async function equipmentDownload(
  tx: Tx,
  actor: Actor,
  format: "csv" | "pdf",
  filters: EquipmentFilters,
  signal?: AbortSignal,
): Promise<Response> {
  assertCan(actor, "equipment.write");
  const source = equipmentExportSource(filters);
  await auditExport(tx, actor, { kind: format, entity: "equipment", filters });
  const [locale, t, formatter] = await Promise.all([getLocale(), getTranslations("energy"), getFormatter()]);
  if (format === "csv") {
    const columns: CsvColumn<EquipmentExportRow>[] = csvKeys.map((key) => ({ key, header: t(`equipment.columns.${key}`) }));
    return csvResponse({ filename: datedFilename("equipment", "csv"), columns, rows: streamRows(source, { signal }), onError: logError });
  }
  const dayText = (value: string | null) => (value ? formatter.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: "medium" }) : "—");
  const columns: PdfExportColumn<EquipmentExportRow>[] = [
    {
      key: "name",
      header: t("equipment.columns.name"),
      width: 1.8,
      format: (name, row) => (row.serialNumber ? `${name} · ${row.serialNumber}` : name),
    },
    { key: "siteName", header: t("equipment.columns.siteName"), width: 1.4 },
    { key: "type", header: t("equipment.columns.type"), width: 1.1, format: (type) => t(`equipmentTypes.${type}`) },
    { key: "state", header: t("equipment.columns.state"), width: 1, format: (state) => t(`equipmentStates.${state}`) },
    { key: "criticality", header: t("equipment.columns.criticality"), width: 0.9, format: (c) => t(`criticality.${c}`) },
    {
      key: "planKind",
      header: t("equipment.columns.plan"),
      width: 1.1,
      format: (kind, row) => (kind && row.planInterval ? t(`equipment.planEvery.${kind}`, { n: row.planInterval }) : t("equipment.noPlan")),
    },
    { key: "nextDueOn", header: t("equipment.columns.nextDueOn"), width: 1.1, format: dayText },
  ];
  return pdfResponse({
    filename: datedFilename("equipment", "pdf"),
    title: t("equipment.title"),
    subtitle: t("equipment.export.subtitle", { when: formatter.dateTime(new Date(), { dateStyle: "medium", timeStyle: "short" }) }),
    truncatedNote: t("equipment.export.truncated", { max: equipmentPdfMaxRows }),
    locale: locale as Locale,
    columns,
    rows: streamRows(source, { signal, limit: equipmentPdfMaxRows + 1 }),
    maxRows: equipmentPdfMaxRows,
    footer: t("equipment.export.footer"),
    onError: logError,
  });
}
