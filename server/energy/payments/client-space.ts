import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, ne, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  clients,
  contractDeliveryPoints,
  contracts,
  deliveryPointMeters,
  deliveryPoints,
  invoices,
  meters,
  readingsDaily,
  tariffs,
} from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { ownClientId } from "@/server/energy/clients/client-scope";
import { decodeCursor, encodeCursor } from "@/server/platform/cursor";
import { addDays } from "@/lib/billing/periods";
import { billingDay as todayIn } from "@/server/energy/billing/issue-invoice";
import { isPayable } from "./record-payment";

/**
 * Read models of the client space (/client/**): always the actor's own client
 * (ownClientId: a client-role account linked to a client, else 403/404). Drafts are never shown.
 */

export type ClientInvoiceItem = {
  id: string;
  kind: string;
  number: string | null;
  status: string;
  periodStart: string;
  periodEnd: string;
  currency: string;
  totalMinor: number;
  paidMinor: number;
  balanceMinor: number;
  dueDate: string | null;
  consumptionMilli: number;
  /** Unpaid and past its due date (even before the overdue job has run). */
  late: boolean;
};

export type ConsumptionComparison = {
  source: "invoices" | "readings";
  current: { from: string; to: string; milli: number };
  previous: { from: string; to: string; milli: number } | null;
};

export type ClientHome = {
  client: { id: string; code: string; name: string; locale: string };
  /** Amount due per currency (normally one). */
  due: { currency: string; amountMinor: number }[];
  /** The earliest due date among unpaid invoices, and that invoice (the home's Pay button pays it). */
  nextDue: {
    invoiceId: string;
    number: string | null;
    dueDate: string | null;
    balanceMinor: number;
    currency: string;
    late: boolean;
  } | null;
  latest: ClientInvoiceItem | null;
  consumption: ConsumptionComparison | null;
};

const visible = ne(invoices.status, "draft");
const itemColumns = {
  id: invoices.id,
  kind: invoices.kind,
  number: invoices.number,
  status: invoices.status,
  periodStart: invoices.periodStart,
  periodEnd: invoices.periodEnd,
  currency: invoices.currency,
  totalMinor: invoices.totalMinor,
  paidMinor: invoices.paidMinor,
  dueDate: invoices.dueDate,
  consumptionMilli: invoices.consumptionMilli,
};
type ItemRow = Omit<ClientInvoiceItem, "balanceMinor" | "late">;

function toItem(row: ItemRow, today: string): ClientInvoiceItem {
  const open = row.kind === "invoice" && isPayable(row.status);
  const balance = open ? row.totalMinor - row.paidMinor : 0;
  return { ...row, balanceMinor: balance, late: open && balance > 0 && !!row.dueDate && row.dueDate < today };
}

export async function loadClientHome(db: Executor, actor: Actor, now: Date = new Date()): Promise<ClientHome> {
  const clientId = await ownClientId(db, actor);
  const today = todayIn(now);
  const [client] = await db
    .select({ id: clients.id, code: clients.code, name: clients.name, locale: clients.locale })
    .from(clients)
    .where(eq(clients.id, clientId))
    .limit(1);
  const open = (
    await db
      .select(itemColumns)
      .from(invoices)
      .where(
        and(
          eq(invoices.clientId, clientId),
          eq(invoices.kind, "invoice"),
          inArray(invoices.status, ["issued", "partially_paid", "overdue"]),
        ),
      )
      .orderBy(asc(sql`coalesce(${invoices.dueDate}, '9999-12-31')`), asc(invoices.periodStart))
  )
    .map((r) => toItem(r, today))
    .filter((i) => i.balanceMinor > 0);
  const due = new Map<string, number>();
  for (const i of open) due.set(i.currency, (due.get(i.currency) ?? 0) + i.balanceMinor);
  const first = open[0];

  const recent = (
    await db
      .select(itemColumns)
      .from(invoices)
      .where(and(eq(invoices.clientId, clientId), eq(invoices.kind, "invoice"), visible, ne(invoices.status, "cancelled")))
      .orderBy(desc(invoices.periodStart), desc(invoices.id))
      .limit(2)
  ).map((r) => toItem(r, today));

  let consumption: ConsumptionComparison | null = null;
  if (recent[0]) {
    consumption = {
      source: "invoices",
      current: { from: recent[0].periodStart, to: recent[0].periodEnd, milli: recent[0].consumptionMilli },
      previous: recent[1] ? { from: recent[1].periodStart, to: recent[1].periodEnd, milli: recent[1].consumptionMilli } : null,
    };
  } else {
    consumption = await readingsComparison(db, clientId, today);
  }

  return {
    client: client!,
    due: [...due.entries()].map(([currency, amountMinor]) => ({ currency, amountMinor })),
    nextDue: first
      ? {
          invoiceId: first.id,
          number: first.number,
          dueDate: first.dueDate,
          balanceMinor: first.balanceMinor,
          currency: first.currency,
          late: first.late,
        }
      : null,
    latest: recent[0] ?? null,
    consumption,
  };
}

/** No invoice yet: this month so far vs the same days of last month, from the daily sums of the client's energy meters. */
async function readingsComparison(db: Executor, clientId: string, today: string): Promise<ConsumptionComparison | null> {
  const meterRows = await db
    .select({ id: meters.id })
    .from(deliveryPointMeters)
    .innerJoin(deliveryPoints, eq(deliveryPoints.id, deliveryPointMeters.deliveryPointId))
    .innerJoin(meters, eq(meters.id, deliveryPointMeters.meterId))
    .where(and(eq(deliveryPoints.clientId, clientId), eq(meters.quantity, "energy"), eq(meters.kind, "consumption")));
  if (meterRows.length === 0) return null;
  const ids = meterRows.map((m) => m.id);
  const monthStart = `${today.slice(0, 7)}-01`;
  const prevStart = addDays(monthStart, -1).slice(0, 7) + "-01";
  const to = addDays(today, 1);
  const elapsed = Math.round((Date.parse(to) - Date.parse(monthStart)) / 86_400_000);
  const prevTo = addDays(prevStart, Math.min(elapsed, Math.round((Date.parse(monthStart) - Date.parse(prevStart)) / 86_400_000)));
  const sumOf = async (from: string, until: string) => {
    const [row] = await db
      .select({ total: sql<string | null>`sum(${readingsDaily.sum})` })
      .from(readingsDaily)
      .where(and(inArray(readingsDaily.meterId, ids), gte(readingsDaily.day, from), lt(readingsDaily.day, until)));
    return Math.round(Number(row?.total ?? 0) * 1000);
  };
  return {
    source: "readings",
    current: { from: monthStart, to, milli: await sumOf(monthStart, to) },
    previous: { from: prevStart, to: prevTo, milli: await sumOf(prevStart, prevTo) },
  };
}

/** The client's invoices and credit notes (no drafts), newest period first, keyset-paginated. */
export async function listMyInvoices(
  db: Executor,
  actor: Actor,
  query: { cursor?: string; limit?: number },
  now: Date = new Date(),
): Promise<{ data: ClientInvoiceItem[]; next_cursor: string | null }> {
  const clientId = await ownClientId(db, actor);
  const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
  const position = decodeCursor(query.cursor);
  const after =
    position && /^\d{4}-\d{2}-\d{2}$/.test(position[0]) && /^[0-9a-f-]{36}$/i.test(position[1])
      ? or(lt(invoices.periodStart, position[0]), and(eq(invoices.periodStart, position[0]), lt(invoices.id, position[1])))
      : undefined;
  const rows = await db
    .select(itemColumns)
    .from(invoices)
    .where(and(eq(invoices.clientId, clientId), visible, after))
    .orderBy(desc(invoices.periodStart), desc(invoices.id))
    .limit(limit + 1);
  const today = todayIn(now);
  const page = rows.slice(0, limit).map((r) => toItem(r, today));
  const last = page[page.length - 1];
  return { data: page, next_cursor: rows.length > limit && last ? encodeCursor([last.periodStart, last.id]) : null };
}

export type ClientContract = {
  id: string;
  number: string;
  status: string;
  startDate: string;
  endDate: string | null;
  billingCycle: string;
  subscribedKva: number | null;
  paymentTermDays: number;
  tariff: { code: string; name: string; currency: string };
  deliveryPoints: { code: string; addressLine: string | null; city: string | null }[];
};

/** The client's contracts (drafts excluded), with tariff and delivery points. */
export async function listMyContracts(db: Executor, actor: Actor): Promise<ClientContract[]> {
  const clientId = await ownClientId(db, actor);
  const rows = await db
    .select({ contract: contracts, tariff: { code: tariffs.code, name: tariffs.name, currency: tariffs.currency } })
    .from(contracts)
    .innerJoin(tariffs, eq(tariffs.id, contracts.tariffId))
    .where(and(eq(contracts.clientId, clientId), ne(contracts.status, "draft")))
    .orderBy(desc(contracts.startDate), asc(contracts.number));
  const ids = rows.map((r) => r.contract.id);
  const points = ids.length
    ? await db
        .select({
          contractId: contractDeliveryPoints.contractId,
          code: deliveryPoints.code,
          addressLine: deliveryPoints.addressLine,
          city: deliveryPoints.city,
        })
        .from(contractDeliveryPoints)
        .innerJoin(deliveryPoints, eq(deliveryPoints.id, contractDeliveryPoints.deliveryPointId))
        .where(inArray(contractDeliveryPoints.contractId, ids))
        .orderBy(asc(deliveryPoints.code))
    : [];
  return rows.map(({ contract: c, tariff }) => ({
    id: c.id,
    number: c.number,
    status: c.status,
    startDate: c.startDate,
    endDate: c.endDate,
    billingCycle: c.billingCycle,
    subscribedKva: c.subscribedKva,
    paymentTermDays: c.paymentTermDays,
    tariff,
    deliveryPoints: points.filter((p) => p.contractId === c.id).map(({ code, addressLine, city }) => ({ code, addressLine, city })),
  }));
}
