import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  clientAccounts,
  clientInvitations,
  clients,
  contractDeliveryPoints,
  contracts,
  dataRequests,
  deliveryPointMeters,
  deliveryPoints,
  invoiceLines,
  invoices,
  meters,
  notifications,
  paymentIntents,
  payments,
  tariffs,
  users,
} from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { recordAudit } from "@/server/platform/audit";
import { ownClientId } from "./client-scope";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Everything Dihya holds about the actor's own client ("my data", GDPR-style portability):
 * the client record, its accounts (never a password hash), delivery points with their meter
 * codes, contracts with tariff and delivery points, invoices (drafts excluded) with their
 * lines, payments, payment intents, the accounts' notifications and the data requests.
 * Only a client-role account holding `invoices.own` may export (its own client only). The
 * export is audited (`client.data_exported`): who read the whole file and when.
 */
export async function exportMyData(
  tx: Executor,
  actor: Actor,
  now: Date = new Date(),
): Promise<{ code: string; data: Record<string, unknown> }> {
  const clientId = await ownClientId(tx, actor);
  const data = await collectClientData(tx, clientId);
  await recordAudit(tx, { actor, action: "client.data_exported", entityType: "client", entityId: clientId });
  return { code: (data.client as { code: string }).code, data: { exportedAt: now.toISOString(), format: "dihya.client-data.v1", ...data } };
}

/** The data of one client, for the export (no authorisation here: callers scope first). */
export async function collectClientData(db: Executor, clientId: string): Promise<Record<string, unknown>> {
  const [client] = await db.select().from(clients).where(eq(clients.id, clientId)).limit(1);
  if (!client) throw new Error(`collectClientData: unknown client ${clientId}`);
  const accounts = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      theme: users.theme,
      disabled: users.disabled,
      lastSignInAt: users.lastSignInAt,
      createdAt: users.createdAt,
    })
    .from(clientAccounts)
    .innerJoin(users, eq(users.id, clientAccounts.userId))
    .where(eq(clientAccounts.clientId, clientId))
    .orderBy(asc(users.createdAt));
  const accountIds = accounts.map((a) => a.id);

  const points = await db.select().from(deliveryPoints).where(eq(deliveryPoints.clientId, clientId)).orderBy(asc(deliveryPoints.code));
  const pointIds = points.map((p) => p.id);
  const pointMeters = pointIds.length
    ? await db
        .select({ deliveryPointId: deliveryPointMeters.deliveryPointId, code: meters.code, name: meters.name })
        .from(deliveryPointMeters)
        .innerJoin(meters, eq(meters.id, deliveryPointMeters.meterId))
        .where(inArray(deliveryPointMeters.deliveryPointId, pointIds))
    : [];

  const contractRows = await db
    .select({ contract: contracts, tariff: { code: tariffs.code, name: tariffs.name } })
    .from(contracts)
    .innerJoin(tariffs, eq(tariffs.id, contracts.tariffId))
    .where(eq(contracts.clientId, clientId))
    .orderBy(asc(contracts.startDate));
  const contractIds = contractRows.map((c) => c.contract.id);
  const contractPoints = contractIds.length
    ? await db
        .select({ contractId: contractDeliveryPoints.contractId, code: deliveryPoints.code })
        .from(contractDeliveryPoints)
        .innerJoin(deliveryPoints, eq(deliveryPoints.id, contractDeliveryPoints.deliveryPointId))
        .where(inArray(contractDeliveryPoints.contractId, contractIds))
    : [];

  const invoiceRows = (await db.select().from(invoices).where(eq(invoices.clientId, clientId)).orderBy(asc(invoices.periodStart))).filter(
    (i) => i.status !== "draft",
  );
  const invoiceIds = invoiceRows.map((i) => i.id);
  const lines = invoiceIds.length
    ? await db.select().from(invoiceLines).where(inArray(invoiceLines.invoiceId, invoiceIds)).orderBy(asc(invoiceLines.position))
    : [];
  const paymentRows = await db.select().from(payments).where(eq(payments.clientId, clientId)).orderBy(asc(payments.receivedAt));
  const intents = await db
    .select()
    .from(paymentIntents)
    .where(eq(paymentIntents.clientId, clientId))
    .orderBy(asc(paymentIntents.createdAt));
  const notes = accountIds.length
    ? await db.select().from(notifications).where(inArray(notifications.userId, accountIds)).orderBy(asc(notifications.createdAt))
    : [];
  const invitations = await db
    .select({
      email: clientInvitations.email,
      expiresAt: clientInvitations.expiresAt,
      acceptedAt: clientInvitations.acceptedAt,
      createdAt: clientInvitations.createdAt,
    })
    .from(clientInvitations)
    .where(eq(clientInvitations.clientId, clientId));
  const requests = await db.select().from(dataRequests).where(eq(dataRequests.clientId, clientId)).orderBy(asc(dataRequests.createdAt));

  return {
    client: {
      id: client.id,
      code: client.code,
      kind: client.kind,
      name: client.name,
      email: client.email,
      phone: client.phone,
      addressLine: client.addressLine,
      city: client.city,
      postalCode: client.postalCode,
      country: client.country,
      locale: client.locale,
      taxNumber: client.taxNumber,
      status: client.status,
      createdAt: iso(client.createdAt),
    },
    accounts: accounts.map((a) => ({ ...a, lastSignInAt: iso(a.lastSignInAt), createdAt: iso(a.createdAt) })),
    invitations: invitations.map((i) => ({
      ...i,
      expiresAt: iso(i.expiresAt),
      acceptedAt: iso(i.acceptedAt),
      createdAt: iso(i.createdAt),
    })),
    deliveryPoints: points.map((p) => ({
      id: p.id,
      code: p.code,
      addressLine: p.addressLine,
      city: p.city,
      active: p.active,
      meters: pointMeters.filter((m) => m.deliveryPointId === p.id).map((m) => ({ code: m.code, name: m.name })),
    })),
    contracts: contractRows.map(({ contract: c, tariff }) => ({
      id: c.id,
      number: c.number,
      status: c.status,
      startDate: c.startDate,
      endDate: c.endDate,
      billingCycle: c.billingCycle,
      subscribedKva: c.subscribedKva,
      paymentTermDays: c.paymentTermDays,
      tariff,
      deliveryPoints: contractPoints.filter((p) => p.contractId === c.id).map((p) => p.code),
    })),
    invoices: invoiceRows.map((i) => ({
      id: i.id,
      kind: i.kind,
      number: i.number,
      status: i.status,
      periodStart: i.periodStart,
      periodEnd: i.periodEnd,
      currency: i.currency,
      subtotalMinor: i.subtotalMinor,
      taxMinor: i.taxMinor,
      totalMinor: i.totalMinor,
      paidMinor: i.paidMinor,
      consumptionMilli: i.consumptionMilli,
      estimated: i.estimated,
      issuedAt: iso(i.issuedAt),
      dueDate: i.dueDate,
      paidAt: iso(i.paidAt),
      lines: lines
        .filter((l) => l.invoiceId === i.id)
        .map((l) => ({
          position: l.position,
          kind: l.kind,
          labelKey: l.labelKey,
          labelParams: l.labelParams,
          periodStart: l.periodStart,
          periodEnd: l.periodEnd,
          quantityMilli: l.quantityMilli,
          unit: l.unit,
          unitPriceMicro: l.unitPriceMicro,
          amountMinor: l.amountMinor,
          vatBp: l.vatBp,
          estimated: l.estimated,
        })),
    })),
    payments: paymentRows.map((p) => ({
      id: p.id,
      invoiceId: p.invoiceId,
      amountMinor: p.amountMinor,
      currency: p.currency,
      method: p.method,
      reference: p.reference,
      receivedAt: iso(p.receivedAt),
    })),
    paymentIntents: intents.map((p) => ({
      id: p.id,
      invoiceId: p.invoiceId,
      amountMinor: p.amountMinor,
      currency: p.currency,
      status: p.status,
      createdAt: iso(p.createdAt),
      completedAt: iso(p.completedAt),
    })),
    notifications: notes.map((n) => ({
      userId: n.userId,
      kind: n.kind,
      titleKey: n.titleKey,
      bodyKey: n.bodyKey,
      params: n.params,
      link: n.link,
      readAt: iso(n.readAt),
      createdAt: iso(n.createdAt),
    })),
    dataRequests: requests.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      reason: r.reason,
      outcome: r.outcome,
      createdAt: iso(r.createdAt),
      processedAt: iso(r.processedAt),
    })),
  };
}
