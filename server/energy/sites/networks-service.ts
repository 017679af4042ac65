import "server-only";
import { asc, count, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Executor } from "@/db/client";
import { networks, sites } from "@/db/schema";
import type { createNetworkSchema, updateNetworkSchema } from "@/lib/validation/sites";
import { assertCan, type Actor } from "@/server/auth/actor";
import { diff, recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import { toNetworkDto, uuidPattern, type NetworkDto } from "./site-dto";
import { uniqueViolation } from "./unique-violation";

export type NetworkWithCount = NetworkDto & { siteCount: number };

/** Every network, by name, with its number of sites. Needs `sites.read` (few rows: no pagination). */
export async function listNetworks(db: Executor, actor: Actor): Promise<NetworkWithCount[]> {
  assertCan(actor, "sites.read");
  const rows = await db
    .select({ network: networks, siteCount: count(sites.id) })
    .from(networks)
    .leftJoin(sites, eq(sites.networkId, networks.id))
    .groupBy(networks.id)
    .orderBy(asc(sql`lower(${networks.name})`), asc(networks.id));
  return rows.map((r) => ({ ...toNetworkDto(r.network), siteCount: Number(r.siteCount) }));
}

export async function getNetwork(db: Executor, actor: Actor, id: string): Promise<NetworkDto> {
  assertCan(actor, "sites.read");
  if (!uuidPattern.test(id)) throw notFound();
  const [row] = await db.select().from(networks).where(eq(networks.id, id)).limit(1);
  if (!row) throw notFound();
  return toNetworkDto(row);
}

async function assertCodeFree(tx: Executor, code: string, except?: string) {
  const [taken] = await tx
    .select({ id: networks.id })
    .from(networks)
    .where(sql`lower(${networks.code}) = lower(${code})`)
    .limit(1);
  if (taken && taken.id !== except) throw new DomainError("conflict", "codeTaken", "code");
}

const blankToNull = (v: string | null | undefined) => (v ? v : null);

/** Creates a network (`sites.write`); a code already used by another network → 409 `codeTaken`. */
export async function createNetwork(tx: Executor, actor: Actor, input: z.output<typeof createNetworkSchema>): Promise<NetworkDto> {
  assertCan(actor, "sites.write");
  await assertCodeFree(tx, input.code);
  const values = {
    code: input.code,
    name: input.name,
    kind: input.kind,
    region: blankToNull(input.region),
    description: blankToNull(input.description),
  };
  const [row] = await tx
    .insert(networks)
    .values(values)
    .returning()
    .catch((e: unknown) => {
      throw uniqueViolation(e, "networks_code_key") ? new DomainError("conflict", "codeTaken", "code") : e;
    });
  if (!row) throw new Error("insert returned nothing");
  await recordAudit(tx, { actor, action: "network.created", entityType: "network", entityId: row.id, changes: diff({}, values) });
  return toNetworkDto(row);
}

/** Edits a network (`sites.write`); the audit row holds the changed fields only. */
export async function updateNetwork(
  tx: Executor,
  actor: Actor,
  id: string,
  input: z.output<typeof updateNetworkSchema>,
): Promise<NetworkDto> {
  assertCan(actor, "sites.write");
  if (!uuidPattern.test(id)) throw notFound();
  const [before] = await tx.select().from(networks).where(eq(networks.id, id)).limit(1).for("update");
  if (!before) throw notFound();
  if (input.code !== undefined) await assertCodeFree(tx, input.code, id);
  const patch: Partial<typeof networks.$inferInsert> = {};
  if (input.code !== undefined) patch.code = input.code;
  if (input.name !== undefined) patch.name = input.name;
  if (input.kind !== undefined) patch.kind = input.kind;
  if (input.region !== undefined) patch.region = blankToNull(input.region);
  if (input.description !== undefined) patch.description = blankToNull(input.description);
  const [after] = await tx.update(networks).set(patch).where(eq(networks.id, id)).returning();
  if (!after) throw notFound();
  const pick = (r: typeof before) => ({ code: r.code, name: r.name, kind: r.kind, region: r.region, description: r.description });
  const changes = diff(pick(before), pick(after));
  if (Object.keys(changes).length > 0) {
    await recordAudit(tx, { actor, action: "network.updated", entityType: "network", entityId: id, changes });
  }
  return toNetworkDto(after);
}
