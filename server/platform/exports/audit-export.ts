import "server-only";
import type { Executor } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";

export type ExportRequest = {
  kind: "csv" | "pdf";
  /** The exported list, e.g. `audit_log`, `sites`, `invoices`: the audit row's entity type. */
  entity: string;
  /** The filters applied, as received (absent filters are left out of the record). */
  filters: Record<string, unknown>;
};

/**
 * Records `export.created` for an export about to stream. Call it in the route's
 * transaction, before returning the download: who exported which list, in which format,
 * with which filters. The caller has already checked the list's read permission.
 */
export async function auditExport(tx: Executor, actor: Actor, request: ExportRequest): Promise<void> {
  const filters = Object.fromEntries(Object.entries(request.filters).filter(([, v]) => v !== undefined && v !== null && v !== ""));
  await recordAudit(tx, {
    actor,
    action: "export.created",
    entityType: request.entity,
    entityId: null,
    changes: { format: { old: null, new: request.kind }, filters: { old: null, new: filters } },
  });
}
