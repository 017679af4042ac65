import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { clientAccounts, clients, invoiceLines, invoices, tariffs, users } from "@/db/schema";
import { seedBillingDemo, type BillingDemoResult } from "@/db/seed/billing";
import { demoPassword } from "@/db/seed/demo-accounts";
import { createUser } from "@/server/users/users-service";
import { freshDb, systemActor } from "../support/db";

const seedActor = { kind: "system", id: "seed" } as const;
let db: Db;
let result: BillingDemoResult;
const today = new Date("2026-11-21T09:00:00Z");

beforeAll(async () => {
  db = await freshDb();
  await db.transaction(async (tx) => {
    await createUser(tx, systemActor, {
      name: "Nadia Boumediene",
      email: "client@demo.dihya.dz",
      role: "client",
      locale: "fr",
      password: demoPassword,
    });
    result = await seedBillingDemo(tx, seedActor, today);
  });
}, 240_000);

describe("billing demo data", () => {
  it("has about 200 clients in Algeria, Morocco and France, on the four presets", async () => {
    expect(result.clients).toBeGreaterThanOrEqual(180);
    const byCountry = await db
      .select({ country: clients.country, n: sql<number>`count(*)::int` })
      .from(clients)
      .groupBy(clients.country);
    expect(Object.fromEntries(byCountry.map((r) => [r.country, r.n]))).toMatchObject({
      DZ: expect.any(Number),
      MA: expect.any(Number),
      FR: expect.any(Number),
    });
    const presets = await db.select({ code: tariffs.code }).from(tariffs).where(eq(tariffs.preset, true));
    expect(presets.map((p) => p.code).sort()).toEqual(["EDF-TB-BASE-6KVA", "EDF-TB-HC-6KVA", "ONEE-BT-RES", "SONELGAZ-BT-RES"]);
  });

  it("issued twelve months of invoices, numbered without gaps per year, with mixed statuses", async () => {
    const rows = await db.select({ number: invoices.number, status: invoices.status }).from(invoices).where(eq(invoices.kind, "invoice"));
    expect(rows.length).toBe(result.invoices);
    expect(rows.length).toBeGreaterThan(1000);
    const byYear = new Map<string, number[]>();
    for (const r of rows) {
      const [, year, n] = /^FAC-(\d{4})-(\d{6})$/.exec(r.number ?? "") ?? [];
      expect(year, `number ${r.number}`).toBeDefined();
      byYear.set(year!, [...(byYear.get(year!) ?? []), Number(n)]);
    }
    for (const numbers of byYear.values()) {
      numbers.sort((a, b) => a - b);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ["paid", "partially_paid", "overdue", "issued"]) expect(statuses, s).toContain(s);
  });

  it("links the demo client account to a household with an invoice to pay", async () => {
    const [link] = await db
      .select({ clientId: clientAccounts.clientId, name: clients.name })
      .from(clientAccounts)
      .innerJoin(users, eq(users.id, clientAccounts.userId))
      .innerJoin(clients, eq(clients.id, clientAccounts.clientId))
      .where(eq(users.email, "client@demo.dihya.dz"));
    expect(link?.name).toBe("Nadia Boumediene");
    const open = await db
      .select({ total: invoices.totalMinor, paid: invoices.paidMinor, due: invoices.dueDate })
      .from(invoices)
      .where(and(eq(invoices.clientId, link!.clientId), sql`${invoices.status} in ('issued', 'overdue', 'partially_paid')`));
    expect(open.length).toBeGreaterThan(0);
    expect(open[0]!.total - open[0]!.paid).toBeGreaterThan(0);
  });

  it("regularises late readings and adjusts a late correction on the next invoice", async () => {
    const kinds = await db
      .select({ kind: invoiceLines.kind, n: sql<number>`count(*)::int` })
      .from(invoiceLines)
      .groupBy(invoiceLines.kind);
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, k.n]));
    expect(byKind.regularisation).toBeGreaterThanOrEqual(3);
    expect(byKind.adjustment).toBeGreaterThanOrEqual(1);
    const estimated = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(invoices)
      .where(eq(invoices.estimated, true));
    expect(estimated[0]!.n).toBeGreaterThanOrEqual(3);
  });
});
