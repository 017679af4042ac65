import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { servers, serverStatusHistory } from "@/db/schema";
import type { CreateServer, UpdateServer } from "@/lib/validation/servers";
import { actorLabel, assertCan, type Actor } from "@/server/auth/actor";
import { diff, recordAudit } from "@/server/platform/audit";
import { uniqueViolation } from "@/server/energy/sites/unique-violation";
import { auditSnapshot, toServerDto, type ServerDto } from "./server-dto";
import { assertHostnameFree, assertNotDecommissioned, hostnameConstraint, hostnameTaken, loadServer } from "./server-rules";

/** Runs a write that may hit the hostname unique index (a concurrent twin): 409 instead of 500. */
async function guardHostname<T>(tx: Executor, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (uniqueViolation(error, hostnameConstraint)) throw hostnameTaken();
    throw error;
  }
}

/**
 * Registers a server (`servers.write`). It starts `provisioning` with a first history row;
 * a host name already used, in any case, is 409 on `hostname`. Audited as `server.created`.
 */
export async function createServer(tx: Executor, actor: Actor, input: CreateServer): Promise<ServerDto> {
  assertCan(actor, "servers.write");
  await assertHostnameFree(tx, input.hostname);
  const [row] = await guardHostname(tx, () =>
    tx
      .insert(servers)
      .values({ ...input, status: "provisioning" })
      .returning(),
  );
  if (!row) throw new Error("insert returned nothing");
  await tx
    .insert(serverStatusHistory)
    .values({ serverId: row.id, fromStatus: null, toStatus: "provisioning", actorLabel: actorLabel(actor) });
  await recordAudit(tx, {
    actor,
    action: "server.created",
    entityType: "server",
    entityId: row.id,
    changes: diff({}, { ...auditSnapshot(row), status: row.status }),
  });
  return toServerDto(row);
}

/**
 * A partial change of the inventory fields (`servers.write`), audited as `server.updated`
 * with the fields that changed (nothing changed: no audit row). A decommissioned server is
 * read-only (409); a host name taken by another server is 409 on `hostname`.
 */
export async function updateServer(tx: Executor, actor: Actor, id: string, input: UpdateServer): Promise<ServerDto> {
  assertCan(actor, "servers.write");
  const before = await loadServer(tx, id, true);
  assertNotDecommissioned(before);
  if (input.hostname !== undefined && input.hostname !== before.hostname) await assertHostnameFree(tx, input.hostname, id);
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const [after] = await guardHostname(tx, () => tx.update(servers).set(patch).where(eq(servers.id, id)).returning());
  if (!after) throw new Error("update returned nothing");
  const changes = diff(auditSnapshot(before), auditSnapshot(after));
  if (Object.keys(changes).length > 0) {
    await recordAudit(tx, { actor, action: "server.updated", entityType: "server", entityId: id, changes });
  }
  return toServerDto(after);
}
