import "server-only";
import type { Tx } from "@/db/client";
import type { AuditFilters } from "@/lib/validation/audit";
import type { Actor } from "@/server/auth/actor";
import { auditCsvColumns, auditPdfColumns, type AuditTranslator } from "./audit-export-columns";
import { auditVocabulary } from "./audit-labels";
import { auditExportSource } from "./audit-query";
import { datedFilename } from "./exports/attachment";
import { auditExport } from "./exports/audit-export";
import { csvResponse } from "./exports/csv";
import { pdfResponse } from "./exports/pdf-response";
import { streamRows } from "./exports/row-source";

/** A PDF lists at most this many entries (newest first); the CSV has them all. */
export const auditPdfMaxRows = 5000;

const logError = (error: unknown) => console.error("[export] audit_log", error);

/**
 * The audit-trail download for GET /api/audit/export: checks `audit.read` again, records
 * `export.created` in the route's transaction, and returns a response whose rows are read
 * after that transaction commits, through getDb(), until done or the client leaves.
 */
export async function auditTrailDownload(
  tx: Tx,
  actor: Actor,
  format: "csv" | "pdf",
  filters: AuditFilters,
  signal?: AbortSignal,
): Promise<Response> {
  const source = auditExportSource(actor, filters);
  await auditExport(tx, actor, { kind: format, entity: "audit_log", filters });
  const { locale, t, format: formatters } = await auditVocabulary();
  if (format === "csv") {
    return csvResponse({
      filename: datedFilename("audit", "csv"),
      columns: auditCsvColumns(t),
      rows: streamRows(source, { signal }),
      copy: source.copy,
      onError: logError,
    });
  }
  const applied = describeFilters(filters, t, formatters.action);
  return pdfResponse({
    filename: datedFilename("audit", "pdf"),
    title: t("title"),
    subtitle: applied || t("export.allEntries"),
    truncatedNote: t("export.truncated", { max: auditPdfMaxRows }),
    locale,
    columns: auditPdfColumns(t, formatters),
    rows: streamRows(source, { signal, limit: auditPdfMaxRows + 1 }),
    maxRows: auditPdfMaxRows,
    footer: t("export.footer", { when: formatters.dateTime(new Date()) }),
    onError: logError,
  });
}

/** "Action : Utilisateur créé · Du : 2026-01-01" — the filters in the reader's words. */
function describeFilters(f: AuditFilters, t: AuditTranslator, action: (code: string) => string): string {
  const part = (label: string, value: string) => t("export.filterPart", { label: t(`filters.${label}`), value });
  const parts: string[] = [];
  if (f.actor_type) parts.push(part("actorType", t(`actorTypes.${f.actor_type}`)));
  if (f.actor) parts.push(part("actor", f.actor));
  if (f.action) parts.push(part("action", action(f.action)));
  if (f.entity_type) parts.push(part("entityType", f.entity_type));
  if (f.entity_id) parts.push(part("entityId", f.entity_id));
  if (f.from) parts.push(part("from", f.from));
  if (f.to) parts.push(part("to", f.to));
  return parts.join(" · ");
}
