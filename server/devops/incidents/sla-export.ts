import "server-only";
import type { Executor } from "@/db/client";
import { isLocale, type Locale } from "@/i18n/config";
import { assertCan, type Actor } from "@/server/auth/actor";
import { auditExport } from "@/server/platform/exports/audit-export";
import { csvResponse, type CsvColumn } from "@/server/platform/exports/csv";
import { translatorFor } from "@/server/platform/notifications/render";
import { slaLines, type SlaIncidentLine } from "./sla-report";

const keys = [
  "ref",
  "title",
  "severity",
  "status",
  "policy",
  "openedAt",
  "ackDueAt",
  "acknowledgedAt",
  "ackState",
  "ackMinutes",
  "resolveDueAt",
  "resolvedAt",
  "resolveState",
  "resolveMinutes",
  "pausedMinutes",
] as const satisfies readonly (keyof SlaIncidentLine)[];

async function* rowsOf(lines: SlaIncidentLine[]): AsyncGenerator<SlaIncidentLine> {
  for (const l of lines) yield l;
}

/**
 * GET /api/export/sla?month=YYYY-MM (`incidents.read`): one line per incident opened that
 * month with both SLA outcomes (codes, UTC times, business minutes); headers in `locale`.
 * Records `export.created` in the caller's transaction.
 */
export async function slaDownload(tx: Executor, actor: Actor, month: string, options: { locale: string; now?: Date }): Promise<Response> {
  assertCan(actor, "incidents.read");
  const locale: Locale = isLocale(options.locale) ? options.locale : "fr";
  const lines = await slaLines(tx, actor, month, options.now);
  await auditExport(tx, actor, { kind: "csv", entity: "incidents_sla", filters: { month } });
  const t = await translatorFor(locale);
  const columns: CsvColumn<SlaIncidentLine>[] = keys.map((key) => ({ key, header: t(`devops.sla.csv.${key}`) }));
  return csvResponse({
    filename: `sla-${month}.csv`,
    columns,
    rows: rowsOf(lines),
    onError: (error) => console.error("[export] sla", error),
  });
}
