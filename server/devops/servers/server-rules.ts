import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { servers } from "@/db/schema";
import { DomainError, notFound } from "@/server/platform/errors";
import { isUuid } from "@/server/platform/ids";
import type { ServerRow } from "./server-dto";

/** The unique index on lower(hostname) (db/schema/devops.ts). */
export const hostnameConstraint = "servers_hostname_key";

export const hostnameTaken = () => new DomainError("conflict", "serverHostnameTaken", "hostname");

/** 409 on field `hostname` when another server already has this name, in any case. */
export async function assertHostnameFree(tx: Executor, hostname: string, exceptId?: string): Promise<void> {
  const where = [sql`lower(${servers.hostname}) = ${hostname.toLowerCase()}`];
  if (exceptId) where.push(ne(servers.id, exceptId));
  const [taken] = await tx
    .select({ id: servers.id })
    .from(servers)
    .where(and(...where))
    .limit(1);
  if (taken) throw hostnameTaken();
}

/** The server row (locked for update when asked), or 404 for an unknown or malformed id. */
export async function loadServer(tx: Executor, id: string, lock = false): Promise<ServerRow> {
  if (!isUuid(id)) throw notFound();
  const query = tx.select().from(servers).where(eq(servers.id, id)).limit(1);
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  return row;
}

/** A decommissioned server is read-only: 409. */
export function assertNotDecommissioned(row: ServerRow): void {
  if (row.status === "decommissioned") throw new DomainError("conflict", "serverDecommissioned");
}
