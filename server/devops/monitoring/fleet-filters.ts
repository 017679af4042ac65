import "server-only";
import { sql, type SQL } from "drizzle-orm";

/** Fleet filters (query parameters of /api/monitoring and /devops/fleet). */
export type FleetFilters = { environment?: string; location?: string; tag?: string };

/** The servers of the fleet (not decommissioned) matching the filters, on alias `s`. */
export function fleetWhere(filters: FleetFilters): SQL {
  const parts: SQL[] = [sql`s.status <> 'decommissioned'`];
  if (filters.environment) parts.push(sql`s.environment = ${filters.environment}`);
  if (filters.location) parts.push(sql`s.location = ${filters.location}`);
  if (filters.tag) parts.push(sql`s.tags @> array[${filters.tag}]::text[]`);
  return sql.join(parts, sql` and `);
}
