import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { clients, contracts, invoices, invoiceSequences, tariffs } from "@/db/schema";
import type { UserActor } from "@/server/auth/actor";
import { issueInvoice } from "@/server/energy/billing/issue-invoice";
import { freshDb } from "../support/db";
import { makeUser } from "../support/maintenance-fixtures";

process.env.AUTH_SECRET ??= "vitest-only-secret-0c9a7e5d3b1f";
let db: Db;
let admin: UserActor;
let ids: string[];
const year = new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Algiers", year: "numeric" }).format(new Date());

beforeAll(async () => {
  db = await freshDb();
  admin = await makeUser(db, "admin", "Amina Benali");
  const [client] = await db.insert(clients).values({ code: "CLI-000001", kind: "person", name: "Yacine Ait Ouali" }).returning();
  const [tariff] = await db.insert(tariffs).values({ code: "BT-N", name: "Basse tension", country: "DZ", currency: "DZD" }).returning();
  // 50 contracts with one draft each (January), as a billing run leaves them.
  const contractRows = await db
    .insert(contracts)
    .values(
      Array.from({ length: 50 }, (_, i) => ({ number: `CTR-${i}`, clientId: client!.id, tariffId: tariff!.id, startDate: "2026-01-01" })),
    )
    .returning();
  const drafts = await db
    .insert(invoices)
    .values(
      contractRows.map((c, i) => ({
        clientId: client!.id,
        contractId: c.id,
        periodStart: "2026-01-01",
        periodEnd: "2026-02-01",
        currency: "DZD",
        locale: "fr",
        subtotalMinor: 1000 * i,
        taxMinor: 190 * i,
        totalMinor: 1190 * i,
      })),
    )
    .returning();
  ids = drafts.map((d) => d.id);
});

describe("invoice numbering", () => {
  it("gives 50 drafts issued concurrently unique, gapless numbers", async () => {
    const issued = await Promise.all(ids.map((id) => db.transaction((tx) => issueInvoice(tx, admin, id))));
    const numbers = issued.map((r) => r.number).sort();
    expect(new Set(numbers).size).toBe(50);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `FAC-${year}-${String(i + 1).padStart(6, "0")}`));
    const rows = await db.select().from(invoices).where(inArray(invoices.id, ids));
    expect(rows.every((r) => r.status === "issued" && r.number !== null && r.issuedAt !== null)).toBe(true);
    const [sequence] = await db.select().from(invoiceSequences).where(eq(invoiceSequences.kind, "invoice"));
    expect(sequence).toMatchObject({ year: Number(year), last: 50 });
  });

  it("never reissues: a second concurrent attempt on the same draft fails without consuming a number", async () => {
    const [client] = await db.select().from(clients);
    const [contract] = await db.select().from(contracts);
    const [draft] = await db
      .insert(invoices)
      .values({
        clientId: client!.id,
        contractId: contract!.id,
        periodStart: "2026-02-01",
        periodEnd: "2026-03-01",
        currency: "DZD",
        locale: "fr",
        subtotalMinor: 0,
        taxMinor: 0,
        totalMinor: 0,
      })
      .returning();
    const outcomes = await Promise.allSettled([0, 1].map(() => db.transaction((tx) => issueInvoice(tx, admin, draft!.id))));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { status: 409 } });
    const [sequence] = await db.select().from(invoiceSequences).where(eq(invoiceSequences.kind, "invoice"));
    expect(sequence!.last).toBe(51);
  });
});
