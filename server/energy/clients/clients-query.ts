import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  clientAccounts,
  clientInvitations,
  clients,
  contracts,
  deliveryPointMeters,
  deliveryPoints,
  meters,
  sites,
  tariffs,
  users,
} from "@/db/schema";
import type { ListClientsQuery } from "@/lib/validation/clients";
import type { BillingCycle, ContractStatus } from "@/lib/validation/contracts";
import { assertCan, type Actor } from "@/server/auth/actor";
import { decodeCursor, encodeCursor } from "@/server/platform/cursor";
import { notFound } from "@/server/platform/errors";
import { escapeLike, toClientDto, uuidPattern, type ClientDetailDto, type ClientDto, type DeliveryPointDto } from "./client-dto";

const nameKey = sql<string>`lower(${clients.name})`;

function conditions(f: Partial<ListClientsQuery>): SQL[] {
  const where: SQL[] = [];
  if (f.q) {
    const like = `%${escapeLike(f.q.normalize("NFC").toLowerCase())}%`;
    where.push(
      sql`(lower(${clients.name}) like ${like} or lower(${clients.code}) like ${like} or lower(coalesce(${clients.email}, '')) like ${like} or lower(coalesce(${clients.taxNumber}, '')) like ${like})`,
    );
  }
  if (f.status) where.push(eq(clients.status, f.status));
  if (f.kind) where.push(eq(clients.kind, f.kind));
  if (f.country) where.push(eq(clients.country, f.country));
  return where;
}

/**
 * Clients matching the filters, by name (case-insensitive) then id, keyset pagination on
 * (lower(name), id). Admins only (`clients.read`).
 */
export async function listClients(
  db: Executor,
  actor: Actor,
  query: ListClientsQuery,
): Promise<{ data: ClientDto[]; next_cursor: string | null }> {
  assertCan(actor, "clients.read");
  const position = decodeCursor(query.cursor);
  const after =
    position && uuidPattern.test(position[1]) && position[0].length <= 200
      ? sql`(${nameKey}, ${clients.id}) > (${position[0]}, ${position[1]}::uuid)`
      : undefined;
  const rows = await db
    .select()
    .from(clients)
    .where(and(...conditions(query), after))
    .orderBy(asc(nameKey), asc(clients.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const next_cursor = rows.length > query.limit && last ? encodeCursor([last.name.toLowerCase(), last.id]) : null;
  return { data: page.map(toClientDto), next_cursor };
}

/** One client's row as a DTO; unknown or malformed id → 404. */
export async function loadClientDto(db: Executor, id: string): Promise<ClientDto> {
  if (!uuidPattern.test(id)) throw notFound();
  const [row] = await db.select().from(clients).where(eq(clients.id, id)).limit(1);
  if (!row) throw notFound();
  return toClientDto(row);
}

/** The client's delivery points (active first, by code) with their meters. */
export async function clientDeliveryPoints(db: Executor, clientId: string): Promise<DeliveryPointDto[]> {
  const points = await db
    .select({ row: deliveryPoints, site: { id: sites.id, code: sites.code, name: sites.name } })
    .from(deliveryPoints)
    .leftJoin(sites, eq(sites.id, deliveryPoints.siteId))
    .where(eq(deliveryPoints.clientId, clientId))
    .orderBy(desc(deliveryPoints.active), asc(sql`lower(${deliveryPoints.code})`));
  const ids = points.map((p) => p.row.id);
  const links = ids.length
    ? await db
        .select({
          deliveryPointId: deliveryPointMeters.deliveryPointId,
          id: meters.id,
          code: meters.code,
          name: meters.name,
          active: meters.active,
        })
        .from(deliveryPointMeters)
        .innerJoin(meters, eq(meters.id, deliveryPointMeters.meterId))
        .where(inArray(deliveryPointMeters.deliveryPointId, ids))
        .orderBy(asc(meters.code))
    : [];
  return points.map(({ row, site }) => ({
    id: row.id,
    clientId: row.clientId,
    code: row.code,
    siteId: row.siteId,
    site: site?.id ? { id: site.id, code: site.code, name: site.name } : null,
    addressLine: row.addressLine,
    city: row.city,
    active: row.active,
    meters: links.filter((l) => l.deliveryPointId === row.id).map(({ id, code, name, active }) => ({ id, code, name, active })),
  }));
}

/**
 * One client with its delivery points and their meters, its contracts, its accounts and its
 * invitations. Unknown or malformed id → 404. Admins only (`clients.read`).
 */
export async function getClient(db: Executor, actor: Actor, id: string): Promise<ClientDetailDto> {
  assertCan(actor, "clients.read");
  const client = await loadClientDto(db, id);
  const now = new Date();
  const [deliveryPointList, contractRows, accountRows, invitationRows] = await Promise.all([
    clientDeliveryPoints(db, id),
    db
      .select({ row: contracts, tariff: { id: tariffs.id, code: tariffs.code, name: tariffs.name } })
      .from(contracts)
      .innerJoin(tariffs, eq(tariffs.id, contracts.tariffId))
      .where(eq(contracts.clientId, id))
      .orderBy(desc(contracts.startDate), desc(contracts.number)),
    db
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        locale: users.locale,
        disabled: users.disabled,
        lastSignInAt: users.lastSignInAt,
        createdAt: clientAccounts.createdAt,
      })
      .from(clientAccounts)
      .innerJoin(users, eq(users.id, clientAccounts.userId))
      .where(eq(clientAccounts.clientId, id))
      .orderBy(asc(sql`lower(${users.name})`)),
    db.select().from(clientInvitations).where(eq(clientInvitations.clientId, id)).orderBy(desc(clientInvitations.createdAt)).limit(20),
  ]);
  return {
    ...client,
    deliveryPoints: deliveryPointList,
    contracts: contractRows.map(({ row, tariff }) => ({
      id: row.id,
      number: row.number,
      status: row.status as ContractStatus,
      startDate: row.startDate,
      endDate: row.endDate,
      billingCycle: row.billingCycle as BillingCycle,
      tariff,
    })),
    accounts: accountRows.map((a) => ({
      ...a,
      lastSignInAt: a.lastSignInAt?.toISOString() ?? null,
      createdAt: a.createdAt.toISOString(),
    })),
    invitations: invitationRows.map((i) => ({
      id: i.id,
      email: i.email,
      expiresAt: i.expiresAt.toISOString(),
      acceptedAt: i.acceptedAt?.toISOString() ?? null,
      state: i.acceptedAt ? "accepted" : i.expiresAt <= now ? "expired" : "pending",
      createdAt: i.createdAt.toISOString(),
    })),
  };
}

/** Client choices for a contract form (active clients, by name; at most 500). */
export async function clientChoices(db: Executor, actor: Actor): Promise<{ id: string; code: string; name: string }[]> {
  assertCan(actor, "clients.read");
  return db
    .select({ id: clients.id, code: clients.code, name: clients.name })
    .from(clients)
    .where(eq(clients.status, "active"))
    .orderBy(asc(nameKey))
    .limit(500);
}

/** Sites a delivery point may be placed on (by name; at most 500). `clients.write`. */
export async function siteChoices(db: Executor, actor: Actor): Promise<{ id: string; code: string; name: string }[]> {
  assertCan(actor, "clients.write");
  return db
    .select({ id: sites.id, code: sites.code, name: sites.name })
    .from(sites)
    .where(sql`${sites.status} <> 'decommissioned'`)
    .orderBy(asc(sql`lower(${sites.name})`))
    .limit(500);
}
