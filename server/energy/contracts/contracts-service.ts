import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { contractDeliveryPoints, contractHistory, contracts, deliveryPoints, invoices, tariffs } from "@/db/schema";
import { contractTransitions, type ContractStatus, type CreateContract, type UpdateContract } from "@/lib/validation/contracts";
import { assertCan, type Actor } from "@/server/auth/actor";
import { uuidPattern } from "@/server/energy/clients/client-dto";
import { lockClient } from "@/server/energy/clients/clients-service";
import { dayIn } from "@/server/energy/equipment/dates";
import { diff, recordAudit, type Change } from "@/server/platform/audit";
import { DomainError, notFound } from "@/server/platform/errors";
import { contractSnapshot, type ContractDto, type ContractRow } from "./contract-dto";
import { loadContractDto } from "./contracts-query";

/** Statuses that hold a delivery point: at most one such contract per point over any day. */
const occupying: ContractStatus[] = ["active", "suspended"];

/**
 * The next free contract number of the year, `CTR-<year>-<6 digits>`, under a
 * transaction-scoped advisory lock (the unique index stays the last line of defence).
 */
export async function nextContractNumber(tx: Executor, at: Date = new Date()): Promise<string> {
  const prefix = `CTR-${dayIn(at).slice(0, 4)}-`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('dihya.contracts.number'))`);
  const digits = sql`substring(number from ${prefix.length + 1}::int)`;
  const [row] = rowsOf<{ n: number | string | null }>(
    await tx.execute(
      sql`select max(${digits}::bigint) as n from contracts where number like ${`${prefix}%`} and ${digits} ~ '^[0-9]{1,15}$'`,
    ),
  );
  return `${prefix}${String(Number(row?.n ?? 0) + 1).padStart(6, "0")}`;
}

async function lockContract(tx: Executor, id: string): Promise<ContractRow> {
  if (!uuidPattern.test(id)) throw notFound();
  const [row] = await tx.select().from(contracts).where(eq(contracts.id, id)).limit(1).for("update");
  if (!row) throw notFound();
  return row;
}

async function deliveryPointIdsOf(tx: Executor, contractId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: contractDeliveryPoints.deliveryPointId })
    .from(contractDeliveryPoints)
    .where(eq(contractDeliveryPoints.contractId, contractId));
  return rows.map((r) => r.id);
}

/** The tariff must exist (422 `tariffUnknown`) and not be archived (422 `tariffArchived`). */
async function assertTariffUsable(tx: Executor, tariffId: string) {
  const [tariff] = await tx.select({ active: tariffs.active }).from(tariffs).where(eq(tariffs.id, tariffId)).limit(1);
  if (!tariff) throw new DomainError("validation_failed", "tariffUnknown", "tariffId");
  if (!tariff.active) throw new DomainError("validation_failed", "tariffArchived", "tariffId");
}

/** Every delivery point must belong to the client (422 `deliveryPointOtherClient`) and be active (422 `deliveryPointInactive`). Locks them. */
async function assertDeliveryPoints(tx: Executor, clientId: string, ids: string[]) {
  const rows = await tx
    .select({ id: deliveryPoints.id, clientId: deliveryPoints.clientId, active: deliveryPoints.active })
    .from(deliveryPoints)
    .where(inArray(deliveryPoints.id, ids))
    .for("update");
  if (rows.length !== ids.length || rows.some((r) => r.clientId !== clientId)) {
    throw new DomainError("validation_failed", "deliveryPointOtherClient", "deliveryPointIds");
  }
  if (rows.some((r) => !r.active)) throw new DomainError("validation_failed", "deliveryPointInactive", "deliveryPointIds");
}

/**
 * 409 `deliveryPointOverlap` when another active or suspended contract holds one of these
 * delivery points on a day of [start, end) (an open end runs forever).
 */
async function assertNoOverlap(tx: Executor, ids: string[], start: string, end: string | null, except?: string) {
  if (ids.length === 0) return;
  const [clash] = await tx
    .select({ number: contracts.number })
    .from(contractDeliveryPoints)
    .innerJoin(contracts, eq(contracts.id, contractDeliveryPoints.contractId))
    .where(
      and(
        inArray(contractDeliveryPoints.deliveryPointId, ids),
        inArray(contracts.status, occupying),
        except ? ne(contracts.id, except) : undefined,
        sql`${contracts.startDate} < coalesce(${end}::date, 'infinity'::date)`,
        sql`${start}::date < coalesce(${contracts.endDate}, 'infinity'::date)`,
      ),
    )
    .limit(1);
  if (clash) throw new DomainError("conflict", "deliveryPointOverlap", "deliveryPointIds");
}

async function record(
  tx: Executor,
  actor: Actor,
  row: ContractRow,
  ids: string[],
  change: "created" | "updated" | "status",
  changes: Record<string, Change>,
) {
  await tx.insert(contractHistory).values({
    contractId: row.id,
    change,
    snapshot: contractSnapshot(row, ids),
    changedBy: actor.kind === "user" ? actor.id : null,
  });
  const action = change === "created" ? "contract.created" : change === "status" ? "contract.status_changed" : "contract.updated";
  await recordAudit(tx, { actor, action, entityType: "contract", entityId: row.id, changes });
}

/**
 * Creates a contract (`clients.write`) numbered CTR-<year>-NNNNNN: its delivery points belong
 * to its client, its tariff is in use, start < end; an active contract cannot share a delivery
 * point with another active or suspended one over overlapping dates (409). History + audit.
 */
export async function createContract(tx: Executor, actor: Actor, input: CreateContract): Promise<ContractDto> {
  assertCan(actor, "clients.write");
  const client = await lockClient(tx, input.clientId);
  if (client.status !== "active") throw new DomainError("conflict", "clientNotOpen", "clientId");
  await assertTariffUsable(tx, input.tariffId);
  await assertDeliveryPoints(tx, client.id, input.deliveryPointIds);
  if (occupying.includes(input.status)) await assertNoOverlap(tx, input.deliveryPointIds, input.startDate, input.endDate ?? null);
  const number = await nextContractNumber(tx);
  const [row] = await tx
    .insert(contracts)
    .values({
      number,
      clientId: client.id,
      tariffId: input.tariffId,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      billingCycle: input.billingCycle,
      subscribedKva: input.subscribedKva ?? null,
      paymentTermDays: input.paymentTermDays,
      status: input.status,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await tx
    .insert(contractDeliveryPoints)
    .values(input.deliveryPointIds.map((deliveryPointId) => ({ contractId: row.id, deliveryPointId })));
  await record(tx, actor, row, input.deliveryPointIds, "created", diff({}, contractSnapshot(row, input.deliveryPointIds)));
  return loadContractDto(tx, row.id);
}

/** Whether the contract has an issued (non-draft) invoice. */
async function hasIssuedInvoice(tx: Executor, contractId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(eq(invoices.contractId, contractId), ne(invoices.status, "draft")))
    .limit(1);
  return !!row;
}

/**
 * A partial edit (`clients.write`); a terminated contract is frozen (409 `contractTerminated`),
 * the start date of a contract with issued invoices is fixed (409 `contractInvoiced`). Same
 * rules as creation. History + audit `contract.updated`.
 */
export async function updateContract(tx: Executor, actor: Actor, id: string, input: UpdateContract): Promise<ContractDto> {
  assertCan(actor, "clients.write");
  const before = await lockContract(tx, id);
  if (before.status === "terminated") throw new DomainError("conflict", "contractTerminated");
  const beforeIds = await deliveryPointIdsOf(tx, id);
  const patch: Partial<typeof contracts.$inferInsert> = {};
  if (input.tariffId !== undefined) patch.tariffId = input.tariffId;
  if (input.startDate !== undefined) patch.startDate = input.startDate;
  if (input.endDate !== undefined) patch.endDate = input.endDate;
  if (input.billingCycle !== undefined) patch.billingCycle = input.billingCycle;
  if (input.subscribedKva !== undefined) patch.subscribedKva = input.subscribedKva;
  if (input.paymentTermDays !== undefined) patch.paymentTermDays = input.paymentTermDays;
  const merged = { ...before, ...patch } as ContractRow;
  const ids = input.deliveryPointIds ?? beforeIds;
  if (merged.endDate !== null && merged.startDate >= merged.endDate)
    throw new DomainError("validation_failed", "contractDatesOrder", "endDate");
  if (patch.tariffId && patch.tariffId !== before.tariffId) await assertTariffUsable(tx, patch.tariffId);
  if (patch.startDate && patch.startDate !== before.startDate && (await hasIssuedInvoice(tx, id))) {
    throw new DomainError("conflict", "contractInvoiced", "startDate");
  }
  if (input.deliveryPointIds) {
    const added = ids.filter((d) => !beforeIds.includes(d));
    if (added.length > 0) await assertDeliveryPoints(tx, before.clientId, added);
  }
  if (occupying.includes(merged.status as ContractStatus)) await assertNoOverlap(tx, ids, merged.startDate, merged.endDate, id);
  const changes = diff(contractSnapshot(before, beforeIds), contractSnapshot(merged, ids));
  if (Object.keys(changes).length === 0) return loadContractDto(tx, id);
  const [after] = Object.keys(patch).length > 0 ? await tx.update(contracts).set(patch).where(eq(contracts.id, id)).returning() : [before];
  if (!after) throw notFound();
  if (input.deliveryPointIds) {
    await tx.delete(contractDeliveryPoints).where(eq(contractDeliveryPoints.contractId, id));
    await tx.insert(contractDeliveryPoints).values(ids.map((deliveryPointId) => ({ contractId: id, deliveryPointId })));
  }
  await record(tx, actor, after, ids, "updated", changes);
  return loadContractDto(tx, id);
}

/**
 * Moves a contract along draft → active ⇄ suspended → terminated (`clients.write`); any other
 * move → 409 `contractTransition`. Activating checks the overlap rule. History + audit.
 */
export async function changeContractStatus(tx: Executor, actor: Actor, id: string, status: ContractStatus): Promise<ContractDto> {
  assertCan(actor, "clients.write");
  const before = await lockContract(tx, id);
  if (before.status === status) return loadContractDto(tx, id);
  if (!contractTransitions[before.status as ContractStatus]?.includes(status)) {
    throw new DomainError("conflict", "contractTransition", "status");
  }
  const ids = await deliveryPointIdsOf(tx, id);
  if (occupying.includes(status) && !occupying.includes(before.status as ContractStatus)) {
    await assertNoOverlap(tx, ids, before.startDate, before.endDate, id);
    const points = await tx.select({ active: deliveryPoints.active }).from(deliveryPoints).where(inArray(deliveryPoints.id, ids));
    if (points.some((p) => !p.active)) throw new DomainError("conflict", "deliveryPointInactive");
  }
  const [after] = await tx.update(contracts).set({ status }).where(eq(contracts.id, id)).returning();
  if (!after) throw notFound();
  await record(tx, actor, after, ids, "status", { status: { old: before.status, new: status } });
  return loadContractDto(tx, id);
}
