import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  auditLog,
  billingRuns,
  clients,
  contractDeliveryPoints,
  contracts,
  deliveryPointMeters,
  deliveryPoints,
  emissionFactors,
  invoiceLines,
  invoices,
  jobs,
  meters,
  tariffs,
  tariffVersions,
} from "@/db/schema";
import type { TariffDefinition } from "@/lib/billing/types";
import type { UserActor } from "@/server/auth/actor";
import { getBillingRun, listBillingRuns, runBillingNow, startBillingRun } from "@/server/energy/billing/billing-run";
import "@/server/energy/billing/billing-run-job";
import { buildInvoiceDraft } from "@/server/energy/billing/build-invoice";
import { creditInvoice } from "@/server/energy/billing/credit-note";
import { issueInvoice, paymentReferenceValid } from "@/server/energy/billing/issue-invoice";
import { ingestReadings } from "@/server/energy/readings/ingest";
import { handlerFor } from "@/server/platform/jobs/registry";
import { freshDb, systemActor } from "../support/db";
import { makeSite, makeUser } from "../support/maintenance-fixtures";

process.env.AUTH_SECRET ??= "vitest-only-secret-0c9a7e5d3b1f";
let db: Db;
let admin: UserActor;
let agent: UserActor;
let siteId: string;
let clientId: string;
const year = new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Algiers", year: "numeric" }).format(new Date());

const flat = (priceMicro: number): TariffDefinition => ({
  currency: "DZD",
  pricesIncludeTax: false,
  subscription: { amountMinor: 30_000, per: "month", vatBp: 1900 },
  energy: { kind: "flat", priceMicro, vatBp: 1900 },
});
const tou: TariffDefinition = {
  currency: "DZD",
  pricesIncludeTax: false,
  energy: {
    kind: "tou",
    periods: [
      { code: "HP", label: "Heures pleines", priceMicro: 8_000_000, vatBp: 1900 },
      { code: "HC", label: "Heures creuses", priceMicro: 4_000_000, vatBp: 1900 },
    ],
    rules: [{ period: "HP", days: [1, 2, 3, 4, 5, 6, 7], from: "06:00", to: "22:00" }],
    defaultPeriod: "HC",
  },
};

let n = 0;
async function tariff(versions: { from: string; to?: string; definition: TariffDefinition }[]): Promise<string> {
  const [t] = await db
    .insert(tariffs)
    .values({ code: `T-${++n}`, name: `Tarif ${n}`, country: "DZ", currency: "DZD" })
    .returning();
  await db
    .insert(tariffVersions)
    .values(
      versions.map((v, i) => ({ tariffId: t!.id, version: i + 1, validFrom: v.from, validTo: v.to ?? null, definition: v.definition })),
    );
  return t!.id;
}

/** A contract on a delivery point with one hourly consumption meter; returns both ids and the meter code. */
async function contract(tariffId: string, start = "2025-06-01"): Promise<{ id: string; meter: string }> {
  const code = `CPT-${++n}`;
  const [m] = await db
    .insert(meters)
    .values({ siteId, code, name: code, kind: "consumption", quantity: "energy", unit: "kWh", intervalMinutes: 60 })
    .returning();
  const [dp] = await db
    .insert(deliveryPoints)
    .values({ clientId, code: `PDL-${n}`, siteId })
    .returning();
  await db.insert(deliveryPointMeters).values({ deliveryPointId: dp!.id, meterId: m!.id });
  const [c] = await db
    .insert(contracts)
    .values({ number: `CTR-${n}`, clientId, tariffId, startDate: start, billingCycle: "monthly", paymentTermDays: 15, status: "active" })
    .returning();
  await db.insert(contractDeliveryPoints).values({ contractId: c!.id, deliveryPointId: dp!.id });
  return { id: c!.id, meter: code };
}

/** Hourly readings of `value` kWh for local days [from, to) (Africa/Algiers, +01:00), through the real ingest. */
async function readings(meter: string, from: string, to: string, value: number | ((hour: number) => number) = 1) {
  const items: unknown[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) < to; d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    for (let h = 0; h < 24; h++) {
      items.push({
        meter,
        ts: `${day}T${String(h).padStart(2, "0")}:00:00+01:00`,
        value: typeof value === "number" ? value : value(h),
        unit: "kWh",
      });
    }
  }
  await db.transaction((tx) => ingestReadings(tx, systemActor, items, { source: "api" }));
}

const invoicesOf = (contractId: string) =>
  db
    .select()
    .from(invoices)
    .where(and(eq(invoices.contractId, contractId), eq(invoices.kind, "invoice")))
    .orderBy(asc(invoices.periodStart), asc(invoices.createdAt));
const linesOf = (invoiceId: string) =>
  db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.position));
const jan = { periodStart: "2026-01-01", periodEnd: "2026-02-01" };
const feb = { periodStart: "2026-02-01", periodEnd: "2026-03-01" };
const mar = { periodStart: "2026-03-01", periodEnd: "2026-04-01" };

let full: { id: string; meter: string };
let gappy: { id: string; meter: string };
let changing: { id: string; meter: string };
let timeOfUse: { id: string; meter: string };
let changeV1: string;
let changeV2: string;

beforeAll(async () => {
  db = await freshDb();
  admin = await makeUser(db, "admin", "Amina Benali");
  agent = await makeUser(db, "user", "Karim Haddad");
  siteId = await makeSite(db, { name: "Poste de Blida" });
  const [c] = await db
    .insert(clients)
    .values({ code: "CLI-000001", kind: "company", name: "Laiterie de la Mitidja", locale: "ar" })
    .returning();
  clientId = c!.id;
  await db.insert(emissionFactors).values({
    key: "electricity:DZ:kWh:2023:ember",
    carrier: "electricity",
    zone: "DZ",
    year: 2023,
    value: "0.634000",
    unit: "kWh",
    perimeter: "lifecycle",
    source: "Ember",
  });
  full = await contract(await tariff([{ from: "2025-01-01", definition: flat(5_000_000) }]));
  gappy = await contract(await tariff([{ from: "2025-01-01", definition: flat(5_000_000) }]));
  const changingTariff = await tariff([
    { from: "2025-01-01", to: "2026-01-16", definition: flat(5_000_000) },
    { from: "2026-01-16", definition: flat(6_000_000) },
  ]);
  changing = await contract(changingTariff);
  const versions = await db
    .select()
    .from(tariffVersions)
    .where(eq(tariffVersions.tariffId, changingTariff))
    .orderBy(asc(tariffVersions.version));
  [changeV1, changeV2] = [versions[0]!.id, versions[1]!.id];
  timeOfUse = await contract(await tariff([{ from: "2025-01-01", definition: tou }]));
  await readings(full.meter, "2026-01-01", "2026-02-01");
  await readings(gappy.meter, "2026-01-01", "2026-01-21");
  await readings(changing.meter, "2026-01-01", "2026-02-01");
  await readings(timeOfUse.meter, "2026-01-01", "2026-02-01");
});

describe("billing run", () => {
  it("creates one draft per contract, with lines traced to the readings", async () => {
    const run = await runBillingNow(db, admin, { ...jan, cycle: "monthly" });
    expect(run).toMatchObject({ status: "done", total: 4, processed: 4, created: 4, updated: 0, skipped: 0, failed: 0 });
    const [invoice] = await invoicesOf(full.id);
    expect(invoice).toMatchObject({
      status: "draft",
      number: null,
      currency: "DZD",
      locale: "ar",
      consumptionMilli: 744_000,
      estimated: false,
    });
    expect(invoice!.co2Grams).toBe(744 * 634);
    expect(invoice!.billingRunId).toBe(run.id);
    // 300 DA subscription + 744 kWh × 5 DA, 19 % VAT.
    expect(invoice).toMatchObject({ subtotalMinor: 402_000, taxMinor: 76_380, totalMinor: 478_380 });
    const lines = await linesOf(invoice!.id);
    expect(lines.map((l) => l.kind)).toEqual(["subscription", "energy"]);
    expect(lines[1]).toMatchObject({ quantityMilli: 744_000, unitPriceMicro: 5_000_000, amountMinor: 372_000, estimated: false });
    expect(lines[1]!.provenance).toMatchObject({
      readings: 744,
      expected: 744,
      sumMilli: 744_000,
      estimatedMilli: 0,
      from: "2026-01-01",
      to: "2026-02-01",
    });
    expect((lines[1]!.provenance as { meters: { code: string }[] }).meters.map((m) => m.code)).toEqual([full.meter]);
  });

  it("re-running the period updates the drafts, never duplicates them", async () => {
    const run = await runBillingNow(db, admin, { ...jan, cycle: "monthly" });
    expect(run).toMatchObject({ created: 0, updated: 4, skipped: 0, failed: 0 });
    expect(await invoicesOf(full.id)).toHaveLength(1);
    expect(await linesOf((await invoicesOf(full.id))[0]!.id)).toHaveLength(2);
  });

  it("estimates missing readings and flags the lines", async () => {
    const [invoice] = await invoicesOf(gappy.id);
    expect(invoice).toMatchObject({ estimated: true, consumptionMilli: 744_000 });
    const energy = (await linesOf(invoice!.id)).find((l) => l.kind === "energy")!;
    expect(energy).toMatchObject({ estimated: true, quantityMilli: 744_000 });
    expect(energy.provenance).toMatchObject({ readings: 480, expected: 744, sumMilli: 480_000, estimatedMilli: 264_000 });
  });

  it("splits the period where the tariff changes", async () => {
    const [invoice] = await invoicesOf(changing.id);
    const energy = (await linesOf(invoice!.id)).filter((l) => l.kind === "energy");
    expect(energy.map((l) => [l.periodStart, l.periodEnd, l.quantityMilli, l.unitPriceMicro])).toEqual([
      ["2026-01-01", "2026-01-16", 360_000, 5_000_000],
      ["2026-01-16", "2026-02-01", 384_000, 6_000_000],
    ]);
    expect(energy.map((l) => (l.provenance as { tariffVersionId: string }).tariffVersionId)).toEqual([changeV1, changeV2]);
  });

  it("classifies time-of-use energy by the local hour", async () => {
    const [invoice] = await invoicesOf(timeOfUse.id);
    const energy = (await linesOf(invoice!.id)).filter((l) => l.kind === "energy");
    expect(energy.map((l) => [(l.provenance as { touPeriod: string }).touPeriod, l.quantityMilli])).toEqual([
      ["HP", 16 * 31 * 1000],
      ["HC", 8 * 31 * 1000],
    ]);
  });

  it("issues with gapless numbers per year; a re-run skips issued invoices", async () => {
    const first = (await invoicesOf(full.id))[0]!;
    const second = (await invoicesOf(gappy.id))[0]!;
    expect(await db.transaction((tx) => issueInvoice(tx, admin, first.id))).toEqual({ number: `FAC-${year}-000001` });
    expect(await db.transaction((tx) => issueInvoice(tx, admin, second.id))).toEqual({ number: `FAC-${year}-000002` });
    await expect(db.transaction((tx) => issueInvoice(tx, admin, first.id))).rejects.toMatchObject({ status: 409 });
    for (const c of [changing, timeOfUse]) {
      const id = (await invoicesOf(c.id))[0]!.id;
      await db.transaction((tx) => issueInvoice(tx, admin, id));
    }
    const [issued] = await invoicesOf(full.id);
    expect(issued).toMatchObject({ status: "issued", number: `FAC-${year}-000001` });
    expect(paymentReferenceValid(issued!.paymentReference!)).toBe(true);
    expect(issued!.dueDate! > issued!.issuedAt!.toISOString().slice(0, 10)).toBe(true);
    expect((issued!.snapshot as { operator: { name: string }; client: { name: string } }).client.name).toBe("Laiterie de la Mitidja");
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "invoice.issued"), eq(auditLog.entityId, first.id)));
    expect(audits).toHaveLength(1);

    const run = await runBillingNow(db, admin, { ...jan, cycle: "monthly" });
    expect(run).toMatchObject({ created: 0, updated: 0, skipped: 4 });
    expect(await invoicesOf(full.id)).toHaveLength(1);
  });

  it("regularises an estimate and adjusts a late correction on the next invoice, never touching the issued one", async () => {
    const janFull = (await invoicesOf(full.id))[0]!;
    // A reading of January corrected after issue (+10 kWh), and the missing days of the gappy meter at 2 kWh/h.
    await readings(full.meter, "2026-01-10", "2026-01-11", (h) => (h === 12 ? 11 : 1));
    await readings(gappy.meter, "2026-01-21", "2026-02-01", 2);
    for (const c of [full, gappy, changing, timeOfUse]) await readings(c.meter, "2026-02-01", "2026-03-01");

    const run = await runBillingNow(db, admin, { ...feb, cycle: "monthly" });
    expect(run).toMatchObject({ created: 4, failed: 0 });

    const febFull = (await invoicesOf(full.id))[1]!;
    const adjustment = (await linesOf(febFull.id)).filter((l) => l.kind === "adjustment");
    expect(adjustment).toHaveLength(1);
    expect(adjustment[0]).toMatchObject({
      quantityMilli: 10_000,
      amountMinor: 5_000,
      labelKey: "billing.line.adjustment",
      periodStart: "2026-01-01",
    });
    expect(adjustment[0]!.labelParams).toMatchObject({ number: janFull.number });
    expect(adjustment[0]!.provenance).toMatchObject({ adjusts: janFull.id, billedMilli: 744_000, actualMilli: 754_000 });
    expect((await invoicesOf(full.id))[0]).toEqual(janFull);

    const janGappy = (await invoicesOf(gappy.id))[0]!;
    const febGappy = (await invoicesOf(gappy.id))[1]!;
    const regularisation = (await linesOf(febGappy.id)).filter((l) => l.kind === "regularisation");
    expect(regularisation).toHaveLength(1);
    // Billed 744 kWh (264 estimated at 1 kWh/h); actual 480 + 264 × 2 = 1 008 kWh.
    expect(regularisation[0]).toMatchObject({ quantityMilli: 264_000, amountMinor: 132_000, estimated: false });
    expect(regularisation[0]!.provenance).toMatchObject({
      adjusts: janGappy.id,
      billedMilli: 744_000,
      actualMilli: 1_008_000,
      complete: true,
    });
    expect(febGappy.estimated).toBe(false);

    // Nothing to regularise for contracts whose January was right.
    const others = await linesOf((await invoicesOf(changing.id))[1]!.id);
    expect(others.filter((l) => l.kind === "adjustment" || l.kind === "regularisation")).toHaveLength(0);

    // Re-running February rebuilds the drafts with the same single correction line.
    const again = await runBillingNow(db, admin, { ...feb, cycle: "monthly" });
    expect(again).toMatchObject({ created: 0, updated: 4 });
    expect((await linesOf((await invoicesOf(gappy.id))[1]!.id)).filter((l) => l.kind === "regularisation")).toHaveLength(1);
  });

  it("does not regularise twice once the correction is issued", async () => {
    for (const c of [full, gappy]) {
      const id = (await invoicesOf(c.id))[1]!.id;
      await db.transaction((tx) => issueInvoice(tx, admin, id));
    }
    for (const c of [full, gappy]) await readings(c.meter, "2026-03-01", "2026-04-01");
    const run = await runBillingNow(db, admin, { ...mar, contractIds: [full.id, gappy.id] });
    expect(run).toMatchObject({ created: 2, failed: 0 });
    for (const c of [full, gappy]) {
      const march = (await invoicesOf(c.id))[2]!;
      expect(march.periodStart).toBe("2026-03-01");
      expect((await linesOf(march.id)).map((l) => l.kind)).toEqual(["subscription", "energy"]);
    }
  });

  it("cancels an issued invoice only through a credit note", async () => {
    const original = (await invoicesOf(timeOfUse.id))[0]!;
    const { creditNoteId, number } = await db.transaction((tx) => creditInvoice(tx, admin, original.id, "Erreur de relevé"));
    expect(number).toBe(`AVO-${year}-000001`);
    const [note] = await db.select().from(invoices).where(eq(invoices.id, creditNoteId));
    expect(note).toMatchObject({ kind: "credit_note", status: "issued", creditedInvoiceId: original.id, totalMinor: -original.totalMinor });
    const lines = await linesOf(creditNoteId);
    const originalLines = await linesOf(original.id);
    expect(lines.map((l) => [l.quantityMilli, l.amountMinor])).toEqual(originalLines.map((l) => [-l.quantityMilli, -l.amountMinor]));
    const [cancelled] = await db.select().from(invoices).where(eq(invoices.id, original.id));
    expect(cancelled).toMatchObject({ status: "cancelled", number: original.number, totalMinor: original.totalMinor });
    expect(cancelled!.cancelledAt).not.toBeNull();
    await expect(db.transaction((tx) => creditInvoice(tx, admin, original.id, "encore"))).rejects.toMatchObject({ status: 409 });
    // The period can be billed again.
    const rebuilt = await db.transaction((tx) => buildInvoiceDraft(tx, admin, { contractId: timeOfUse.id, ...jan }));
    expect(rebuilt.outcome).toBe("created");
  });

  it("runs in the background with progress on the run", async () => {
    const { id } = await db.transaction((tx) => startBillingRun(tx, admin, { ...jan, cycle: "monthly" }));
    expect(await getBillingRun(db, admin, id)).toMatchObject({ status: "queued", total: 0 });
    const [job] = await db.select().from(jobs).where(eq(jobs.kind, "billing.run"));
    expect(job!.payload).toEqual({ runId: id });
    await handlerFor("billing.run")!(job!.payload as Record<string, unknown>, {
      jobId: job!.id,
      attempt: 1,
      maxAttempts: 3,
      actor: { kind: "system", id: "job:billing.run" },
      signal: new AbortController().signal,
    });
    const run = await getBillingRun(db, agent, id);
    expect(run).toMatchObject({ status: "done", total: 4, processed: 4, skipped: 3, updated: 1 });
    expect(run.finishedAt).not.toBeNull();
    const list = await listBillingRuns(db, agent, { limit: 2 });
    expect(list.data[0]!.id).toBe(id);
    expect(list.next_cursor).not.toBeNull();
    expect((await db.select().from(billingRuns)).length).toBeGreaterThan(2);
  });

  it("refuses users without invoices.write", async () => {
    await expect(db.transaction((tx) => startBillingRun(tx, agent, { ...jan, cycle: "monthly" }))).rejects.toMatchObject({ status: 403 });
    await expect(runBillingNow(db, agent, { ...jan })).rejects.toMatchObject({ status: 403 });
    const draft = (await invoicesOf(timeOfUse.id)).find((i) => i.status === "draft")!;
    await expect(db.transaction((tx) => issueInvoice(tx, agent, draft.id))).rejects.toMatchObject({ status: 403 });
    await expect(db.transaction((tx) => creditInvoice(tx, agent, draft.id, "non"))).rejects.toMatchObject({ status: 403 });
  });

  it("reports contracts that cannot be billed", async () => {
    const orphan = await contract(await tariff([{ from: "2026-06-01", definition: flat(5_000_000) }]));
    const run = await runBillingNow(db, admin, { ...jan, contractIds: [orphan.id] });
    expect(run).toMatchObject({ failed: 1, status: "failed" });
    expect(run.errors[0]).toMatchObject({ contractId: orphan.id, code: "no_tariff_version" });
    await expect(
      db.transaction((tx) => startBillingRun(tx, admin, { periodStart: "2026-01-05", periodEnd: "2026-01-01" })),
    ).rejects.toMatchObject({
      status: 422,
    });
  });
});
