import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { meters } from "@/db/schema";
import { isLocale, type Locale } from "@/i18n/config";
import { assertCan, type Actor } from "@/server/auth/actor";
import { datedFilename } from "@/server/platform/exports/attachment";
import { auditExport } from "@/server/platform/exports/audit-export";
import { csvResponse, type CsvColumn } from "@/server/platform/exports/csv";
import { notFound } from "@/server/platform/errors";
import { translatorFor, type Translate } from "@/server/platform/notifications/render";
import { viewSeriesQuery, type ExportMeasurementsQuery } from "./measurements-export-query";
import { querySeries, type SeriesPoint, type SeriesResult } from "./series";

/** One exported bucket: its start in the site's local time with the offset, and its figures. */
export type MeasurementExportRow = SeriesPoint & { site: string; meter: string; unit: string };

const keys = [
  "ts",
  "site",
  "meter",
  "value",
  "unit",
  "quality",
  "count",
  "estimated",
  "corrected",
  "max",
] as const satisfies readonly (keyof MeasurementExportRow)[];

/** Headers in the reader's language; values machine-readable (ISO 8601 times with the site's offset, `.` decimals, quality codes). */
export function measurementCsvColumns(t: Translate): CsvColumn<MeasurementExportRow>[] {
  return keys.map((key) => ({ key, header: t(`siteMeasurements.export.columns.${key}`) }));
}

/** The rows of a series: exactly its points, in order. */
export function measurementRows(series: SeriesResult): MeasurementExportRow[] {
  const meter = series.target === "meter" ? (series.meters[0]?.code ?? "") : series.meters.map((m) => m.code).join(" + ");
  return series.points.map((p) => ({ ...p, site: series.site.code, meter, unit: series.unit ?? "" }));
}

async function* iterate<T>(rows: T[]): AsyncGenerator<T, void, undefined> {
  yield* rows;
}

/**
 * GET /api/export/consommation (`measurements.read`): the series the measurements tab shows
 * for the same parameters, as CSV (UTF-8 with BOM). A meter of another site is not found.
 * Records `export.created`; the points (at most 20,000) are read in the route's transaction.
 */
export async function measurementsDownload(
  tx: Executor,
  actor: Actor,
  query: ExportMeasurementsQuery,
  options: { locale: string },
): Promise<Response> {
  assertCan(actor, "measurements.read");
  if (query.meter) {
    const [own] = await tx
      .select({ id: meters.id })
      .from(meters)
      .where(and(eq(meters.id, query.meter), eq(meters.siteId, query.site)))
      .limit(1);
    if (!own) throw notFound();
  }
  const series = await querySeries(tx, actor, viewSeriesQuery(query.site, { ...query, meter: query.meter ?? null }));
  await auditExport(tx, actor, { kind: "csv", entity: "readings", filters: { ...query } });
  const locale: Locale = isLocale(options.locale) ? options.locale : "fr";
  const t = await translatorFor(locale);
  return csvResponse({
    filename: datedFilename(`${series.site.code}-${series.kind ?? query.kind}-${query.from}_${query.to}`.toLowerCase(), "csv"),
    columns: measurementCsvColumns(t),
    rows: iterate(measurementRows(series)),
    onError: (error) => console.error("[export] measurements", error),
  });
}
