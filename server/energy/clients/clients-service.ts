import "server-only";
import { eq, sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { clients } from "@/db/schema";
import type { CreateClient, UpdateClient } from "@/lib/validation/clients";
import { assertCan, type Actor } from "@/server/auth/actor";
import { diff, recordAudit } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import { clientSnapshot, toClientDto, uuidPattern, type ClientDto, type ClientRow } from "./client-dto";

/**
 * The next free client code, `CLI-<6 digits>` (more digits past 999 999). A transaction-scoped
 * advisory lock serialises concurrent creations (held until the caller commits); the unique
 * index on `code` stays the last line of defence.
 */
export async function nextClientCode(tx: Executor): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('dihya.clients.code'))`);
  const [row] = rowsOf<{ n: number | string | null }>(
    await tx.execute(sql`select max(substring(code from 5)::bigint) as n from clients where code ~ '^CLI-[0-9]{1,15}$'`),
  );
  return `CLI-${String(Number(row?.n ?? 0) + 1).padStart(6, "0")}`;
}

/** The client row, locked for the rest of the transaction; unknown or malformed id → 404. */
export async function lockClient(tx: Executor, id: string): Promise<ClientRow> {
  if (!uuidPattern.test(id)) throw notFound();
  const [row] = await tx.select().from(clients).where(eq(clients.id, id)).limit(1).for("update");
  if (!row) throw notFound();
  return row;
}

/** Creates a client with the next code (`clients.write`), audited as `client.created`. */
export async function createClient(tx: Executor, actor: Actor, input: CreateClient): Promise<ClientDto> {
  assertCan(actor, "clients.write");
  const code = await nextClientCode(tx);
  const [row] = await tx
    .insert(clients)
    .values({
      code,
      kind: input.kind,
      name: input.name.normalize("NFC"),
      email: input.email ?? null,
      phone: input.phone ?? null,
      addressLine: input.addressLine ?? null,
      city: input.city ?? null,
      postalCode: input.postalCode ?? null,
      country: input.country,
      locale: input.locale,
      taxNumber: input.taxNumber ?? null,
      status: input.status,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await recordAudit(tx, {
    actor,
    action: "client.created",
    entityType: "client",
    entityId: row.id,
    changes: diff({}, clientSnapshot(row)),
  });
  return toClientDto(row);
}

/**
 * A partial edit, status changes included (`clients.write`), audited as `client.updated` with
 * the changed fields. An anonymised client can no longer be edited (409 `clientAnonymised`).
 */
export async function updateClient(tx: Executor, actor: Actor, id: string, input: UpdateClient): Promise<ClientDto> {
  assertCan(actor, "clients.write");
  const before = await lockClient(tx, id);
  if (before.status === "anonymised") throw new DomainError("conflict", "clientAnonymised");
  const patch: Partial<typeof clients.$inferInsert> = {};
  for (const key of [
    "kind",
    "name",
    "email",
    "phone",
    "addressLine",
    "city",
    "postalCode",
    "country",
    "locale",
    "taxNumber",
    "status",
  ] as const) {
    const value = input[key];
    if (value !== undefined) (patch as Record<string, unknown>)[key] = typeof value === "string" ? value.normalize("NFC") : value;
  }
  const changes = diff(clientSnapshot(before), { ...clientSnapshot(before), ...patch });
  if (Object.keys(changes).length === 0) return toClientDto(before);
  const [after] = await tx.update(clients).set(patch).where(eq(clients.id, id)).returning();
  if (!after) throw notFound();
  await recordAudit(tx, { actor, action: "client.updated", entityType: "client", entityId: id, changes });
  return toClientDto(after);
}
