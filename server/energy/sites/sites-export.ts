import "server-only";
import { eq } from "drizzle-orm";
import { createFormatter } from "next-intl";
import type { Executor } from "@/db/client";
import { networks } from "@/db/schema";
import { defaultTimeZone, isLocale, type Locale } from "@/i18n/config";
import type { SiteFilters } from "@/lib/validation/sites";
import { assertCan, type Actor } from "@/server/auth/actor";
import { datedFilename } from "@/server/platform/exports/attachment";
import { auditExport } from "@/server/platform/exports/audit-export";
import { csvResponse, type CsvColumn } from "@/server/platform/exports/csv";
import { pdfResponse, type PdfExportColumn } from "@/server/platform/exports/pdf-response";
import { streamRows } from "@/server/platform/exports/row-source";
import { translatorFor, type Translate } from "@/server/platform/notifications/render";
import { siteExportSource, type SiteExportRow } from "./sites-export-source";

/** A PDF lists at most this many sites; the CSV has them all. */
export const sitesPdfMaxRows = 5000;

const csvKeys = [
  "code",
  "name",
  "type",
  "status",
  "network",
  "parent",
  "region",
  "country",
  "latitude",
  "longitude",
  "capacityMw",
  "timezone",
  "address",
  "statusChangedAt",
  "createdAt",
  "id",
] as const satisfies readonly (keyof SiteExportRow)[];

/** CSV: every field, machine-readable (type and status codes, numbers, UTC times), headers in the reader's language. */
export function siteCsvColumns(t: Translate): CsvColumn<SiteExportRow>[] {
  return csvKeys.map((key) => ({ key, header: t(`energy.sites.columns.${key}`) }));
}

/** PDF: what a person reads (translated type and status, capacity in the reader's number format). */
export function sitePdfColumns(t: Translate, locale: Locale): PdfExportColumn<SiteExportRow>[] {
  const number = createFormatter({ locale, timeZone: defaultTimeZone });
  return [
    { key: "code", header: t("energy.sites.columns.code"), width: 1.2 },
    { key: "name", header: t("energy.sites.columns.name"), width: 2.2 },
    { key: "type", header: t("energy.sites.columns.type"), width: 1.4, format: (v) => t(`energy.siteTypes.${v}`) },
    { key: "status", header: t("energy.sites.columns.status"), width: 1.3, format: (v) => t(`energy.siteStatus.${v}`) },
    { key: "region", header: t("energy.sites.columns.region"), width: 1.2, format: (v) => v ?? "" },
    {
      key: "capacityMw",
      header: t("energy.sites.columns.capacityMw"),
      width: 1,
      align: "end",
      format: (v) => (v === null ? "" : number.number(v, { maximumFractionDigits: 3 })),
    },
    { key: "network", header: t("energy.sites.columns.network"), width: 1.2, format: (v) => v ?? "" },
  ];
}

/** "Type : Parc solaire · Statut : En service" — the filters in the reader's words. */
async function describeFilters(tx: Executor, f: SiteFilters, t: Translate): Promise<string> {
  const part = (label: string, value: string) => t("energy.sites.export.filterPart", { label: t(`energy.sites.filters.${label}`), value });
  const parts: string[] = [];
  if (f.q) parts.push(part("q", f.q));
  if (f.type) parts.push(part("type", t(`energy.siteTypes.${f.type}`)));
  if (f.status) parts.push(part("status", t(`energy.siteStatus.${f.status}`)));
  if (f.region) parts.push(part("region", f.region));
  if (f.network) {
    const [network] = await tx.select({ code: networks.code }).from(networks).where(eq(networks.id, f.network));
    parts.push(part("network", network?.code ?? f.network));
  }
  return parts.join(" · ");
}

const logError = (error: unknown) => console.error("[export] sites", error);

/**
 * The sites download for GET /api/export/sites (`sites.export`): records `export.created`
 * in the caller's transaction and returns a CSV or PDF response, in `locale`, whose rows
 * are read after that transaction commits (same filters and order as the list).
 */
export async function sitesDownload(
  tx: Executor,
  actor: Actor,
  format: "csv" | "pdf",
  filters: SiteFilters,
  options: { locale: string; signal?: AbortSignal },
): Promise<Response> {
  assertCan(actor, "sites.export");
  const locale: Locale = isLocale(options.locale) ? options.locale : "fr";
  const source = siteExportSource(actor, filters);
  await auditExport(tx, actor, { kind: format, entity: "sites", filters });
  const t = await translatorFor(locale);
  if (format === "csv") {
    return csvResponse({
      filename: datedFilename("sites", "csv"),
      columns: siteCsvColumns(t),
      rows: streamRows(source, { signal: options.signal }),
      onError: logError,
    });
  }
  const when = createFormatter({ locale, timeZone: defaultTimeZone }).dateTime(new Date(), { dateStyle: "medium", timeStyle: "short" });
  return pdfResponse({
    filename: datedFilename("sites", "pdf"),
    title: t("energy.sites.export.title"),
    subtitle: (await describeFilters(tx, filters, t)) || t("energy.sites.export.allSites"),
    truncatedNote: t("energy.sites.export.truncated", { max: sitesPdfMaxRows }),
    locale,
    columns: sitePdfColumns(t, locale),
    rows: streamRows(source, { signal: options.signal, limit: sitesPdfMaxRows + 1 }),
    maxRows: sitesPdfMaxRows,
    footer: t("energy.sites.export.footer", { when }),
    onError: logError,
  });
}
