import "server-only";

/**
 * The CSV columns of the inventory. The import reads `importColumns` (a header row naming
 * them, in any order; `requiredColumns` must be there); the export writes them followed by
 * `exportOnlyColumns`, which the import ignores, so an export can be edited and imported back.
 * Lists (addresses, tags) are separated by `;` inside their cell.
 */
export const importColumns = [
  "hostname",
  "addresses",
  "kind",
  "location",
  "country",
  "os",
  "cpu_cores",
  "memory_mb",
  "disk_gb",
  "environment",
  "role",
  "tags",
  "team",
  "criticality",
] as const;
export type ImportColumn = (typeof importColumns)[number];

export const requiredColumns: readonly ImportColumn[] = ["hostname", "kind", "location", "environment"];

export const exportOnlyColumns = ["status", "monitor_state", "last_heartbeat_at", "id", "created_at"] as const;

export const listSeparator = ";";
