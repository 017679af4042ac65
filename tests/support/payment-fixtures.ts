import type { Db } from "@/db/client";
import { clientAccounts, clients, contracts, invoices, tariffs } from "@/db/schema";
import type { UserActor } from "@/server/auth/actor";
import { makeUser } from "./maintenance-fixtures";

let counter = 0;
const next = () => ++counter + Math.floor(Math.random() * 1000) * 1000;

/** A client row (the clients service is tested elsewhere). */
export async function makeClient(
  db: Db,
  values: { name?: string; locale?: string; email?: string } = {},
): Promise<{ id: string; code: string }> {
  const code = `CLI-${String(next()).padStart(6, "0")}`;
  const [row] = await db
    .insert(clients)
    .values({
      code,
      kind: "person",
      name: values.name ?? `Client ${code}`,
      email: values.email ?? `${code.toLowerCase()}@example.dz`,
      phone: "+213 555 12 34 56",
      addressLine: "12 rue Didouche Mourad",
      city: "Alger",
      postalCode: "16000",
      taxNumber: "000216001234567",
      locale: values.locale ?? "fr",
    })
    .returning({ id: clients.id, code: clients.code });
  return row!;
}

/** A client-role account linked to the client. */
export async function makeClientAccount(db: Db, clientId: string, name: string): Promise<UserActor> {
  const actor = await makeUser(db, "client", name);
  await db.insert(clientAccounts).values({ userId: actor.id, clientId });
  return actor;
}

/** A tariff and an active contract of the client. */
export async function makeContract(db: Db, clientId: string): Promise<string> {
  const n = next();
  const [tariff] = await db
    .insert(tariffs)
    .values({ code: `T-PAY-${n}`, name: "Tarif test", country: "DZ", currency: "DZD" })
    .returning({ id: tariffs.id });
  const [contract] = await db
    .insert(contracts)
    .values({ number: `CTR-2026-${String(n).padStart(6, "0")}`, clientId, tariffId: tariff!.id, startDate: "2025-01-01" })
    .returning({ id: contracts.id });
  return contract!.id;
}

let month = 0;
/** An invoice of the contract for its own month (periods never collide), issued by default. */
export async function makeInvoice(
  db: Db,
  clientId: string,
  contractId: string,
  values: {
    totalMinor?: number;
    status?: string;
    dueDate?: string | null;
    consumptionMilli?: number;
    periodStart?: string;
    paidMinor?: number;
  } = {},
): Promise<{ id: string; number: string }> {
  const m = month++;
  const start = values.periodStart ?? new Date(Date.UTC(2020, m, 1)).toISOString().slice(0, 10);
  const end = new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)), 1)).toISOString().slice(0, 10);
  const total = values.totalMinor ?? 170_710;
  const status = values.status ?? "issued";
  const number = `FA-2026-${String(next()).padStart(6, "0")}`;
  const [row] = await db
    .insert(invoices)
    .values({
      number: status === "draft" ? null : number,
      clientId,
      contractId,
      periodStart: start,
      periodEnd: end,
      status,
      currency: "DZD",
      locale: "fr",
      subtotalMinor: Math.round(total / 1.19),
      taxMinor: total - Math.round(total / 1.19),
      totalMinor: total,
      paidMinor: values.paidMinor ?? 0,
      consumptionMilli: values.consumptionMilli ?? 450_000,
      issuedAt: status === "draft" ? null : new Date(),
      dueDate: values.dueDate === undefined ? "2099-12-31" : values.dueDate,
    })
    .returning({ id: invoices.id });
  return { id: row!.id, number };
}
