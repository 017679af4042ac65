import "server-only";
import { and, asc, desc } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { servers } from "@/db/schema";
import type { ServerFilters } from "@/lib/validation/servers";
import { assertCan, type Actor } from "@/server/auth/actor";
import { datedFilename } from "@/server/platform/exports/attachment";
import { auditExport } from "@/server/platform/exports/audit-export";
import { csvResponse, type CsvColumn } from "@/server/platform/exports/csv";
import { streamRows, type KeysetSource } from "@/server/platform/exports/row-source";
import { exportOnlyColumns, importColumns, listSeparator } from "./server-csv-columns";
import { after, serverConditions, sortKey } from "./server-query";

type Row = { key: string } & Record<(typeof importColumns)[number] | (typeof exportOnlyColumns)[number], string | number | Date | null>;

/** The filtered list in its chosen order, one keyset batch at a time. */
function exportSource(filters: ServerFilters): KeysetSource<Row> {
  const { key, descending } = sortKey(filters);
  return {
    batch: async (db, last, limit) => {
      const rows = await db
        .select({ key, row: servers })
        .from(servers)
        .where(and(...serverConditions(filters), after(key, descending, last ? [last.key, String(last.id)] : null)))
        .orderBy(descending ? desc(key) : asc(key), descending ? desc(servers.id) : asc(servers.id))
        .limit(limit);
      return rows.map(({ key: k, row: s }) => ({
        key: k,
        hostname: s.hostname,
        addresses: s.addresses.join(listSeparator),
        kind: s.kind,
        location: s.location,
        country: s.country,
        os: s.os,
        cpu_cores: s.cpuCores,
        memory_mb: s.memoryMb,
        disk_gb: s.diskGb,
        environment: s.environment,
        role: s.role,
        tags: s.tags.join(listSeparator),
        team: s.team,
        criticality: s.criticality,
        status: s.status,
        monitor_state: s.monitorState,
        last_heartbeat_at: s.lastHeartbeatAt,
        id: s.id,
        created_at: s.createdAt,
      }));
    },
  };
}

const logError = (error: unknown) => console.error("[export] servers", error);

/**
 * GET /api/export/servers (`servers.read`): the filtered inventory as CSV, in the list's
 * order. Headers are the column codes of the import (then status, monitor state, last
 * heartbeat, id, creation time), values as stored, lists joined with `;`, times in UTC ISO
 * 8601: the file can be edited and imported back. Records `export.created` in the route's
 * transaction; rows are read after it commits.
 */
export async function serversDownload(tx: Tx, actor: Actor, filters: ServerFilters, signal?: AbortSignal): Promise<Response> {
  assertCan(actor, "servers.read");
  await auditExport(tx, actor, { kind: "csv", entity: "servers", filters });
  const columns = [...importColumns, ...exportOnlyColumns].map((key) => ({ key, header: key })) as CsvColumn<Row>[];
  return csvResponse({
    filename: datedFilename("servers", "csv"),
    columns,
    rows: streamRows(exportSource(filters), { signal }),
    onError: logError,
  });
}
