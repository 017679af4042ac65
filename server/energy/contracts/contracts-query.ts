import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clients, contractDeliveryPoints, contractHistory, contracts, deliveryPoints, tariffs, users } from "@/db/schema";
import type { BillingCycle, ContractStatus, ListContractsQuery } from "@/lib/validation/contracts";
import { assertCan, type Actor } from "@/server/auth/actor";
import { escapeLike, uuidPattern } from "@/server/energy/clients/client-dto";
import { decodeCursor, encodeCursor } from "@/server/platform/cursor";
import { notFound } from "@/server/platform/errors";
import type { ContractDto, ContractHistoryDto, ContractRow, ContractSnapshot } from "./contract-dto";

const columns = {
  row: contracts,
  client: { id: clients.id, code: clients.code, name: clients.name },
  tariff: { id: tariffs.id, code: tariffs.code, name: tariffs.name, currency: tariffs.currency },
};
type Joined = { row: ContractRow; client: ContractDto["client"]; tariff: ContractDto["tariff"] };

async function withDeliveryPoints(db: Executor, rows: Joined[]): Promise<ContractDto[]> {
  const ids = rows.map((r) => r.row.id);
  const links = ids.length
    ? await db
        .select({
          contractId: contractDeliveryPoints.contractId,
          id: deliveryPoints.id,
          code: deliveryPoints.code,
          active: deliveryPoints.active,
        })
        .from(contractDeliveryPoints)
        .innerJoin(deliveryPoints, eq(deliveryPoints.id, contractDeliveryPoints.deliveryPointId))
        .where(inArray(contractDeliveryPoints.contractId, ids))
        .orderBy(asc(deliveryPoints.code))
    : [];
  return rows.map(({ row, client, tariff }) => ({
    id: row.id,
    number: row.number,
    clientId: row.clientId,
    client,
    tariffId: row.tariffId,
    tariff,
    startDate: row.startDate,
    endDate: row.endDate,
    billingCycle: row.billingCycle as BillingCycle,
    subscribedKva: row.subscribedKva,
    paymentTermDays: row.paymentTermDays,
    status: row.status as ContractStatus,
    deliveryPoints: links.filter((l) => l.contractId === row.id).map(({ id, code, active }) => ({ id, code, active })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

function conditions(f: Partial<ListContractsQuery>): SQL[] {
  const where: SQL[] = [];
  if (f.q) {
    const like = `%${escapeLike(f.q.normalize("NFC").toLowerCase())}%`;
    where.push(
      sql`(lower(${contracts.number}) like ${like} or lower(${clients.name}) like ${like} or lower(${clients.code}) like ${like})`,
    );
  }
  if (f.client) where.push(eq(contracts.clientId, f.client));
  if (f.status) where.push(eq(contracts.status, f.status));
  if (f.tariff) where.push(eq(contracts.tariffId, f.tariff));
  if (f.cycle) where.push(eq(contracts.billingCycle, f.cycle));
  return where;
}

/** Contracts matching the filters, newest number first, keyset pagination on (number, id). `clients.read`. */
export async function listContracts(
  db: Executor,
  actor: Actor,
  query: ListContractsQuery,
): Promise<{ data: ContractDto[]; next_cursor: string | null }> {
  assertCan(actor, "clients.read");
  const position = decodeCursor(query.cursor);
  const after =
    position && uuidPattern.test(position[1]) && position[0].length <= 64
      ? sql`(${contracts.number}, ${contracts.id}) < (${position[0]}, ${position[1]}::uuid)`
      : undefined;
  const rows = await db
    .select(columns)
    .from(contracts)
    .innerJoin(clients, eq(clients.id, contracts.clientId))
    .innerJoin(tariffs, eq(tariffs.id, contracts.tariffId))
    .where(and(...conditions(query), after))
    .orderBy(desc(contracts.number), desc(contracts.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const next_cursor = rows.length > query.limit && last ? encodeCursor([last.row.number, last.row.id]) : null;
  return { data: await withDeliveryPoints(db, page), next_cursor };
}

/** One contract; unknown or malformed id → 404 (no permission check: callers check). */
export async function loadContractDto(db: Executor, id: string): Promise<ContractDto> {
  if (!uuidPattern.test(id)) throw notFound();
  const rows = await db
    .select(columns)
    .from(contracts)
    .innerJoin(clients, eq(clients.id, contracts.clientId))
    .innerJoin(tariffs, eq(tariffs.id, contracts.tariffId))
    .where(eq(contracts.id, id))
    .limit(1);
  if (rows.length === 0) throw notFound();
  return (await withDeliveryPoints(db, rows))[0]!;
}

/** One contract (`clients.read`); unknown or malformed id → 404. */
export async function getContract(db: Executor, actor: Actor, id: string): Promise<ContractDto> {
  assertCan(actor, "clients.read");
  return loadContractDto(db, id);
}

/** The contract's history, newest first (`clients.read`). */
export async function contractHistoryOf(db: Executor, actor: Actor, id: string): Promise<ContractHistoryDto[]> {
  assertCan(actor, "clients.read");
  if (!uuidPattern.test(id)) return [];
  const rows = await db
    .select({ row: contractHistory, user: { id: users.id, name: users.name } })
    .from(contractHistory)
    .leftJoin(users, eq(users.id, contractHistory.changedBy))
    .where(eq(contractHistory.contractId, id))
    .orderBy(desc(contractHistory.changedAt), desc(contractHistory.id))
    .limit(200);
  return rows.map(({ row, user }) => ({
    id: row.id,
    change: row.change,
    snapshot: row.snapshot as ContractSnapshot,
    changedBy: user?.id ? { id: user.id, name: user.name } : null,
    changedAt: row.changedAt.toISOString(),
  }));
}

/** The choices of a contract form: active tariffs and the client's active delivery points. */
export async function contractFormChoices(db: Executor, actor: Actor, clientId: string | null) {
  assertCan(actor, "clients.read");
  const [tariffList, points] = await Promise.all([
    db
      .select({ id: tariffs.id, code: tariffs.code, name: tariffs.name, currency: tariffs.currency })
      .from(tariffs)
      .where(eq(tariffs.active, true))
      .orderBy(asc(tariffs.name))
      .limit(500),
    clientId && uuidPattern.test(clientId)
      ? db
          .select({ id: deliveryPoints.id, code: deliveryPoints.code, city: deliveryPoints.city })
          .from(deliveryPoints)
          .where(and(eq(deliveryPoints.clientId, clientId), eq(deliveryPoints.active, true)))
          .orderBy(asc(deliveryPoints.code))
          .limit(500)
      : Promise.resolve([]),
  ]);
  return { tariffs: tariffList, deliveryPoints: points };
}
