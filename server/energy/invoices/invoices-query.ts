import "server-only";
import { and, asc, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  clients,
  contractDeliveryPoints,
  contracts,
  deliveryPointMeters,
  deliveryPoints,
  invoiceLines,
  invoices,
  meters,
  payments,
  tariffs,
} from "@/db/schema";
import type { InvoiceFilters, InvoiceStatus, ListInvoicesQuery } from "@/lib/validation/invoices";
import type { Actor } from "@/server/auth/actor";
import { clientScope, type ClientScope } from "@/server/energy/clients/client-scope";
import { decodeCursor, encodeCursor } from "@/server/platform/cursor";
import { notFound } from "@/server/platform/errors";
import {
  invoiceSummaryColumns,
  taxesOf,
  toInvoiceSummary,
  todayIso,
  uuidPattern,
  type InvoiceDeliveryPointDto,
  type InvoiceDto,
  type InvoiceLineDto,
  type InvoiceSummaryDto,
  type LineProvenance,
  type PaymentDto,
} from "./invoice-dto";

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** WHERE conditions of the list filters (see lib/validation/invoices.ts), inside the actor's scope. */
export function invoiceConditions(f: Partial<InvoiceFilters>, scope: ClientScope): SQL[] {
  const where: SQL[] = [];
  // A client sees its documents once issued, never the drafts being prepared.
  if (!scope.all) where.push(eq(invoices.clientId, scope.clientId), ne(invoices.status, "draft"));
  if (f.q) {
    const like = `%${escapeLike(f.q.normalize("NFC").toLowerCase())}%`;
    where.push(
      sql`(lower(coalesce(${invoices.number}, '')) like ${like} or lower(${clients.name}) like ${like} or lower(${clients.code}) like ${like})`,
    );
  }
  if (f.status === "overdue") {
    // Marked overdue, or issued and unpaid past the due date (the reminder job may not have run yet).
    where.push(
      sql`(${invoices.status} = 'overdue' or (${invoices.kind} = 'invoice' and ${invoices.status} in ('issued', 'partially_paid') and ${invoices.dueDate} < ${todayIso()}::date))`,
    );
  } else if (f.status) where.push(eq(invoices.status, f.status));
  if (f.kind) where.push(eq(invoices.kind, f.kind));
  if (f.client) where.push(eq(invoices.clientId, f.client));
  if (f.contract) where.push(eq(invoices.contractId, f.contract));
  if (f.run) where.push(eq(invoices.billingRunId, f.run));
  if (f.from) where.push(sql`${invoices.periodStart} >= ${f.from}::date`);
  if (f.to) where.push(sql`${invoices.periodStart} < ${f.to}::date`);
  return where;
}

/**
 * Invoices and credit notes matching the filters, newest period first, keyset-paginated on
 * (period_start, id). Staff holding `invoices.read` see every client's; a client account
 * (`invoices.own`) only its own client's, whatever `client` filter it passes.
 */
export async function listInvoices(
  db: Executor,
  actor: Actor,
  query: ListInvoicesQuery,
): Promise<{ data: InvoiceSummaryDto[]; next_cursor: string | null }> {
  const scope = await clientScope(db, actor, "invoices.read");
  const position = decodeCursor(query.cursor);
  const after =
    position && /^\d{4}-\d{2}-\d{2}$/.test(position[0]) && uuidPattern.test(position[1])
      ? sql`(${invoices.periodStart}, ${invoices.id}) < (${position[0]}::date, ${position[1]}::uuid)`
      : undefined;
  const rows = await db
    .select(invoiceSummaryColumns)
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .innerJoin(contracts, eq(contracts.id, invoices.contractId))
    .where(and(...invoiceConditions(query, scope), after))
    .orderBy(desc(invoices.periodStart), desc(invoices.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const next_cursor = rows.length > query.limit && last ? encodeCursor([last.row.periodStart, last.row.id]) : null;
  const today = todayIso();
  return { data: page.map((r) => toInvoiceSummary(r, today)), next_cursor };
}

export type InvoiceTotals = { currency: string; count: number; totalMinor: number; paidMinor: number; balanceMinor: number }[];

/** Sums per currency over every invoice matching the filters (credit notes count negatively when their total is negative). */
export async function invoiceTotals(db: Executor, actor: Actor, filters: Partial<InvoiceFilters>): Promise<InvoiceTotals> {
  const scope = await clientScope(db, actor, "invoices.read");
  const rows = await db
    .select({
      currency: invoices.currency,
      count: sql<number>`count(*)::int`,
      total: sql<string>`coalesce(sum(${invoices.totalMinor}), 0)::text`,
      paid: sql<string>`coalesce(sum(${invoices.paidMinor}), 0)::text`,
      balance: sql<string>`coalesce(sum(case when ${invoices.status} in ('issued', 'partially_paid', 'overdue') then ${invoices.totalMinor} - ${invoices.paidMinor} else 0 end), 0)::text`,
    })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .where(and(...invoiceConditions(filters, scope)))
    .groupBy(invoices.currency)
    .orderBy(asc(invoices.currency));
  return rows.map((r) => ({
    currency: r.currency,
    count: r.count,
    totalMinor: Number(r.total),
    paidMinor: Number(r.paid),
    balanceMinor: Number(r.balance),
  }));
}

/** Every invoice matching the filters (for the CSV export), newest period first, at most `max`. */
export async function listInvoicesForExport(
  db: Executor,
  actor: Actor,
  filters: Partial<InvoiceFilters>,
  max = 50_000,
): Promise<InvoiceSummaryDto[]> {
  const scope = await clientScope(db, actor, "invoices.read");
  const rows = await db
    .select(invoiceSummaryColumns)
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .innerJoin(contracts, eq(contracts.id, invoices.contractId))
    .where(and(...invoiceConditions(filters, scope)))
    .orderBy(desc(invoices.periodStart), desc(invoices.id))
    .limit(max);
  const today = todayIso();
  return rows.map((r) => toInvoiceSummary(r, today));
}

/**
 * The invoice row if the actor may see it; unknown id, malformed id or another client's
 * invoice → 404 (the same answer, so ids of other clients cannot be probed).
 */
export async function loadScopedInvoiceRow(db: Executor, actor: Actor, id: string) {
  const scope = await clientScope(db, actor, "invoices.read");
  if (!uuidPattern.test(id)) throw notFound();
  const [row] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, id), ...(scope.all ? [] : [eq(invoices.clientId, scope.clientId), ne(invoices.status, "draft")])))
    .limit(1);
  if (!row) throw notFound();
  return row;
}

/** One invoice with its lines, taxes, payments, client, contract and delivery points (404 outside the actor's scope). */
export async function getInvoice(db: Executor, actor: Actor, id: string): Promise<InvoiceDto> {
  const row = await loadScopedInvoiceRow(db, actor, id);
  return loadInvoiceDto(db, row.id);
}

/** The full DTO of an invoice, without any permission check (callers check first). */
export async function loadInvoiceDto(db: Executor, id: string): Promise<InvoiceDto> {
  const [head] = await db
    .select({
      ...invoiceSummaryColumns,
      fullClient: clients,
      fullContract: contracts,
      tariff: { id: tariffs.id, code: tariffs.code, name: tariffs.name },
    })
    .from(invoices)
    .innerJoin(clients, eq(clients.id, invoices.clientId))
    .innerJoin(contracts, eq(contracts.id, invoices.contractId))
    .innerJoin(tariffs, eq(tariffs.id, contracts.tariffId))
    .where(eq(invoices.id, id))
    .limit(1);
  if (!head) throw notFound();
  const row = head.row;

  const [lineRows, paymentRows, dpRows, related] = await Promise.all([
    db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, id)).orderBy(asc(invoiceLines.position)),
    db.select().from(payments).where(eq(payments.invoiceId, id)).orderBy(asc(payments.receivedAt), asc(payments.id)),
    db
      .select({
        id: deliveryPoints.id,
        code: deliveryPoints.code,
        addressLine: deliveryPoints.addressLine,
        city: deliveryPoints.city,
        meterId: meters.id,
        meterCode: meters.code,
        meterName: meters.name,
      })
      .from(contractDeliveryPoints)
      .innerJoin(deliveryPoints, eq(deliveryPoints.id, contractDeliveryPoints.deliveryPointId))
      .leftJoin(deliveryPointMeters, eq(deliveryPointMeters.deliveryPointId, deliveryPoints.id))
      .leftJoin(meters, eq(meters.id, deliveryPointMeters.meterId))
      .where(eq(contractDeliveryPoints.contractId, row.contractId))
      .orderBy(asc(deliveryPoints.code), asc(meters.code)),
    db
      .select({ id: invoices.id, number: invoices.number, status: invoices.status, totalMinor: invoices.totalMinor })
      .from(invoices)
      .where(
        row.creditedInvoiceId
          ? inArray(invoices.id, [row.creditedInvoiceId])
          : and(eq(invoices.creditedInvoiceId, id), eq(invoices.kind, "credit_note")),
      )
      .orderBy(asc(invoices.createdAt)),
  ]);

  const lines: InvoiceLineDto[] = lineRows.map((l) => ({
    id: l.id,
    position: l.position,
    kind: l.kind as InvoiceLineDto["kind"],
    labelKey: l.labelKey,
    labelParams: (l.labelParams ?? {}) as Record<string, string | number>,
    periodStart: l.periodStart,
    periodEnd: l.periodEnd,
    quantityMilli: l.quantityMilli,
    unit: l.unit,
    unitPriceMicro: l.unitPriceMicro,
    amountMinor: l.amountMinor,
    vatBp: l.vatBp,
    estimated: l.estimated,
    provenance: (l.provenance ?? {}) as LineProvenance,
  }));

  const pays: PaymentDto[] = paymentRows.map((p) => ({
    id: p.id,
    amountMinor: p.amountMinor,
    currency: p.currency,
    method: p.method as PaymentDto["method"],
    reference: p.reference,
    receivedAt: p.receivedAt.toISOString(),
    createdAt: p.createdAt.toISOString(),
  }));

  const dps = new Map<string, InvoiceDeliveryPointDto>();
  for (const r of dpRows) {
    let dp = dps.get(r.id);
    if (!dp) {
      dp = { id: r.id, code: r.code, addressLine: r.addressLine, city: r.city, meters: [] };
      dps.set(r.id, dp);
    }
    if (r.meterId && r.meterCode !== null) dp.meters.push({ id: r.meterId, code: r.meterCode, name: r.meterName ?? r.meterCode });
  }

  const c = head.fullClient;
  const k = head.fullContract;
  const live = {
    client: {
      id: c.id,
      code: c.code,
      kind: c.kind,
      name: c.name,
      email: c.email,
      phone: c.phone,
      addressLine: c.addressLine,
      city: c.city,
      postalCode: c.postalCode,
      country: c.country,
      locale: c.locale,
      taxNumber: c.taxNumber,
    },
    contract: {
      id: k.id,
      number: k.number,
      billingCycle: k.billingCycle,
      paymentTermDays: k.paymentTermDays,
      subscribedKva: k.subscribedKva,
      tariff: head.tariff,
    },
    deliveryPoints: [...dps.values()],
  };
  const snapshot = (row.snapshot ?? null) as Record<string, unknown> | null;
  return {
    ...toInvoiceSummary(head),
    ...frozenIdentities(live, snapshot),
    lines,
    taxes: taxesOf(lines),
    payments: pays,
    creditedInvoice: row.creditedInvoiceId ? (related[0] ? { id: related[0].id, number: related[0].number } : null) : null,
    creditNotes: row.creditedInvoiceId
      ? []
      : related.map((r) => ({ id: r.id, number: r.number, status: r.status as InvoiceStatus, totalMinor: r.totalMinor })),
    snapshot,
  };
}

type Identities = Pick<InvoiceDto, "client" | "contract" | "deliveryPoints">;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown, fallback: string) => (typeof v === "string" ? v : fallback);
const textOrNull = (v: unknown, fallback: string | null) => (typeof v === "string" ? v : v === null ? null : fallback);

/**
 * An issued document shows the identities frozen at issue (client, contract, tariff, delivery
 * points: see server/energy/billing/invoice-snapshot.ts), not today's; a draft shows the live ones.
 * The client's language stays the live one: it chooses the language of the documents sent now.
 */
function frozenIdentities(live: Identities, snapshot: Record<string, unknown> | null): Identities {
  if (!snapshot) return live;
  const sc = isObject(snapshot.client) ? snapshot.client : null;
  const sk = isObject(snapshot.contract) ? snapshot.contract : null;
  const st = isObject(snapshot.tariff) ? snapshot.tariff : null;
  const sd = Array.isArray(snapshot.deliveryPoints) ? snapshot.deliveryPoints.filter(isObject) : null;
  const l = live.client;
  return {
    client: sc
      ? {
          ...l,
          code: text(sc.code, l.code),
          kind: text(sc.kind, l.kind),
          name: text(sc.name, l.name),
          email: textOrNull(sc.email, l.email),
          phone: textOrNull(sc.phone, l.phone),
          addressLine: textOrNull(sc.addressLine, l.addressLine),
          city: textOrNull(sc.city, l.city),
          postalCode: textOrNull(sc.postalCode, l.postalCode),
          country: text(sc.country, l.country),
          taxNumber: textOrNull(sc.taxNumber, l.taxNumber),
        }
      : l,
    contract: {
      ...live.contract,
      ...(sk
        ? {
            number: text(sk.number, live.contract.number),
            billingCycle: text(sk.billingCycle, live.contract.billingCycle),
            paymentTermDays: typeof sk.paymentTermDays === "number" ? sk.paymentTermDays : live.contract.paymentTermDays,
            subscribedKva:
              typeof sk.subscribedKva === "number" || sk.subscribedKva === null ? sk.subscribedKva : live.contract.subscribedKva,
          }
        : {}),
      tariff: st
        ? {
            id: text(st.id, live.contract.tariff.id),
            code: text(st.code, live.contract.tariff.code),
            name: text(st.name, live.contract.tariff.name),
          }
        : live.contract.tariff,
    },
    deliveryPoints: sd
      ? sd.map((dp) => ({
          id: text(dp.id, ""),
          code: text(dp.code, ""),
          addressLine: textOrNull(dp.addressLine, null),
          city: textOrNull(dp.city, null),
          meters: (Array.isArray(dp.meters) ? dp.meters.filter(isObject) : []).map((m) => ({
            id: text(m.id, ""),
            code: text(m.code, ""),
            name: text(m.name, text(m.code, "")),
          })),
        }))
      : live.deliveryPoints,
  };
}

/** The language of the client's documents (its `clients.locale`). */
export async function clientLocaleOf(db: Executor, clientId: string): Promise<string> {
  const [r] = await db.select({ locale: clients.locale }).from(clients).where(eq(clients.id, clientId)).limit(1);
  return r?.locale ?? "fr";
}
