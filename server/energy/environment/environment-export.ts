import "server-only";
import type { Executor } from "@/db/client";
import { isLocale, type Locale } from "@/i18n/config";
import type { EnvironmentFilters } from "@/lib/validation/environment";
import { assertCan, type Actor } from "@/server/auth/actor";
import { datedFilename } from "@/server/platform/exports/attachment";
import { auditExport } from "@/server/platform/exports/audit-export";
import { csvResponse, type CsvColumn } from "@/server/platform/exports/csv";
import { translatorFor, type Translate } from "@/server/platform/notifications/render";
import { environmentIndicators } from "./indicators";
import type { EnvironmentRow } from "./types";

/** One exported line: a site and month, machine-readable (codes, `.` decimals, unrounded). */
export type EnvironmentExportRow = {
  siteCode: string;
  siteName: string;
  country: string;
  month: string;
  consumptionKwh: number;
  electricityKwh: number;
  gasKwh: number;
  gasM3: number;
  co2Kg: number | null;
  productionKwh: number;
  renewableProductionKwh: number;
  avoidedCo2Kg: number | null;
  renewableShare: number | null;
  factorKey: string | null;
  factorVersion: number | null;
  factorValue: number | null;
  factorSource: string | null;
  targetMaxCo2Kg: number | null;
  targetMinRenewableShare: number | null;
  ytdCo2Kg: number | null;
  ytdRenewableShare: number | null;
  compliance: string;
};

export function exportRow(r: EnvironmentRow): EnvironmentExportRow {
  return {
    siteCode: r.site.code,
    siteName: r.site.name,
    country: r.site.country,
    month: r.month,
    consumptionKwh: r.consumptionKwh,
    electricityKwh: r.electricityKwh,
    gasKwh: r.gasKwh,
    gasM3: r.gasM3,
    co2Kg: r.co2Kg,
    productionKwh: r.productionKwh,
    renewableProductionKwh: r.renewableProductionKwh,
    avoidedCo2Kg: r.avoidedCo2Kg,
    renewableShare: r.renewableShare,
    factorKey: r.factor?.key ?? null,
    factorVersion: r.factor?.version ?? null,
    factorValue: r.factor?.value ?? null,
    factorSource: r.factor?.source ?? null,
    targetMaxCo2Kg: r.target?.maxCo2Kg ?? null,
    targetMinRenewableShare: r.target?.minRenewableShare ?? null,
    ytdCo2Kg: r.compliance.co2Kg,
    ytdRenewableShare: r.compliance.renewableShare,
    compliance: r.compliance.status,
  };
}

const keys = [
  "siteCode",
  "siteName",
  "country",
  "month",
  "consumptionKwh",
  "electricityKwh",
  "gasKwh",
  "gasM3",
  "co2Kg",
  "productionKwh",
  "renewableProductionKwh",
  "avoidedCo2Kg",
  "renewableShare",
  "factorKey",
  "factorVersion",
  "factorValue",
  "factorSource",
  "targetMaxCo2Kg",
  "targetMinRenewableShare",
  "ytdCo2Kg",
  "ytdRenewableShare",
  "compliance",
] as const satisfies readonly (keyof EnvironmentExportRow)[];

export function environmentCsvColumns(t: Translate): CsvColumn<EnvironmentExportRow>[] {
  return keys.map((key) => ({ key, header: t(`environment.csv.${key}`) }));
}

async function* rowsOf(rows: EnvironmentRow[]): AsyncGenerator<EnvironmentExportRow> {
  for (const r of rows) yield exportRow(r);
}

/**
 * GET /api/export/environnement (`environment.read`): every site and month of the filters
 * as CSV, the same numbers as the API and the page, unrounded; headers in `locale`.
 * Records `export.created` in the caller's transaction.
 */
export async function environmentDownload(
  tx: Executor,
  actor: Actor,
  filters: EnvironmentFilters,
  options: { locale: string },
): Promise<Response> {
  assertCan(actor, "environment.read");
  const locale: Locale = isLocale(options.locale) ? options.locale : "fr";
  const result = await environmentIndicators(tx, actor, filters);
  await auditExport(tx, actor, {
    kind: "csv",
    entity: "environment_indicators",
    filters: { ...filters, from: result.from, to: result.to },
  });
  const t = await translatorFor(locale);
  return csvResponse({
    filename: datedFilename(`environnement-${result.from}-${result.to}`, "csv"),
    columns: environmentCsvColumns(t),
    rows: rowsOf(result.data),
    onError: (error) => console.error("[export] environment", error),
  });
}
