/**
 * The billing demo (issue 6, item 9), through the same services as real data: the tariff
 * presets, ~200 clients in Algeria, Morocco and France with a delivery point, a meter and a
 * contract each, their readings, then twelve months of billing runs, each period issued and
 * mostly paid, some partly, some left overdue. The demo client account is linked to an Alger
 * household whose latest invoice is still to pay. Also replays, through the real ingest path,
 * a late reading batch (estimated lines regularised on the next invoice) and a late correction
 * (an adjustment on the next invoice). Deterministic for a given `today`.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { clientAccounts, invoices, meters, users } from "@/db/schema";
import { addDays, addMonths, daysBetween, periodFor, previousPeriod, type BillingCycle, type Period } from "@/lib/billing/periods";
import type { SystemActor } from "@/server/auth/actor";
import { runBillingNow } from "@/server/energy/billing/billing-run";
import { issueInvoice } from "@/server/energy/billing/issue-invoice";
import { createClient } from "@/server/energy/clients/clients-service";
import { createDeliveryPoint, linkMeter } from "@/server/energy/clients/delivery-points-service";
import { createContract } from "@/server/energy/contracts/contracts-service";
import { createMeter } from "@/server/energy/meters/meters-service";
import { markOverdueInvoices } from "@/server/energy/payments/overdue-job";
import { recordPayment } from "@/server/energy/payments/record-payment";
import { ingestReadings } from "@/server/energy/readings/ingest";
import { refreshRollups } from "@/server/energy/readings/rollups";
import { createSite } from "@/server/energy/sites/sites-service";
import { addTariffVersion, createTariff } from "@/server/energy/tariffs/tariffs-service";
import { hashSeed, unitHash } from "../energy/readings/prng";
import { insertSeries } from "../energy/readings/bulk-insert";
import { demoAreas, demoClients, type DemoClient } from "./demo-clients";
import { dailyUsage, hourlyUsage } from "./demo-usage";
import { tariffPresets } from "./tariff-presets";

const dayMs = 86_400_000;
const demoClientEmail = "client@demo.dihya.dz";
/** Clients whose readings of one month arrive late (estimated, then regularised). */
const lateClients = [126, 150, 165];
/** The client whose reading is corrected after its invoice was issued. */
const correctedClient = 125;

export type BillingDemoResult = { clients: number; contracts: number; invoices: number; payments: number };

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, "0")}:00:00Z`);

function cycleOf(client: DemoClient, index: number): BillingCycle {
  if (index === 0) return "bimonthly"; // the demo household: a period that ended recently, due soon
  return client.tariff.startsWith("SONELGAZ") ? "quarterly" : "monthly";
}

/** The last `count` complete periods of `cycle` before `today`, oldest first. */
function pastPeriods(cycle: BillingCycle, today: string, count: number): Period[] {
  const out: Period[] = [];
  let p = previousPeriod(cycle, periodFor(cycle, today));
  for (let i = 0; i < count; i++) {
    out.unshift(p);
    p = previousPeriod(cycle, p);
  }
  return out;
}

async function seedTariffs(tx: Tx, actor: SystemActor): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const preset of tariffPresets) {
    const { laterVersions, validFrom, definition, ...tariff } = preset;
    const created = await createTariff(tx, actor, { ...tariff, validFrom, definition, note: null }, { preset: true });
    for (const later of laterVersions ?? []) await addTariffVersion(tx, actor, created.id, later);
    ids.set(preset.code, created.id);
  }
  return ids;
}

async function seedAreas(tx: Tx, actor: SystemActor): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const area of demoAreas) {
    const site = await createSite(tx, actor, {
      code: area.code,
      name: area.name,
      type: "other",
      networkId: null,
      parentId: null,
      address: area.city,
      region: area.region,
      country: area.country,
      latitude: area.latitude,
      longitude: area.longitude,
      capacityMw: null,
      timezone: area.timezone,
      status: "in_service",
    });
    ids.set(area.code, site.id);
  }
  return ids;
}

type Seeded = {
  client: DemoClient;
  index: number;
  clientId: string;
  meterId: string;
  meterCode: string;
  hourly: boolean;
  cycle: BillingCycle;
};

/** Clients, meters, delivery points and active contracts, through their services. */
async function seedClients(tx: Tx, actor: SystemActor, tariffIds: Map<string, string>, siteIds: Map<string, string>, start: string) {
  const seeded: Seeded[] = [];
  for (const [index, client] of demoClients().entries()) {
    const created = await createClient(tx, actor, {
      kind: client.kind,
      name: client.name,
      email: client.email,
      phone: client.phone,
      addressLine: client.addressLine,
      city: client.area.city,
      postalCode: client.area.postalCode,
      country: client.area.country,
      locale: client.locale as "fr",
      taxNumber: client.taxNumber,
      status: "active",
    });
    const number = String(index + 1).padStart(6, "0");
    const hourly = client.tariff.includes("-HC-");
    const meterCode = `${client.area.country}-PDL${number}-M1`;
    const meter = await createMeter(tx, actor, {
      siteId: siteIds.get(client.area.code)!,
      equipmentId: null,
      code: meterCode,
      name: `Compteur ${client.name}`,
      kind: "consumption",
      quantity: "energy",
      carrier: "electricity",
      intervalMinutes: hourly ? 60 : 1440,
      register: "interval",
      rolloverAt: null,
      jitterTolerance: 0,
    });
    const point = await createDeliveryPoint(tx, actor, {
      clientId: created.id,
      code: `${client.area.country}-PDL-${number}`,
      siteId: siteIds.get(client.area.code)!,
      addressLine: client.addressLine,
      city: client.area.city,
    });
    await linkMeter(tx, actor, point.id, meter.id);
    const cycle = cycleOf(client, index);
    await createContract(tx, actor, {
      clientId: created.id,
      tariffId: tariffIds.get(client.tariff)!,
      deliveryPointIds: [point.id],
      startDate: start,
      endDate: null,
      billingCycle: cycle,
      subscribedKva: client.area.country === "FR" ? 6 : null,
      paymentTermDays: index === 0 ? 30 : client.area.country === "FR" ? 15 : 20,
      status: "active",
    });
    seeded.push({ client, index, clientId: created.id, meterId: meter.id, meterCode, hourly, cycle });
  }
  return seeded;
}

/** The readings of every demo meter from `start` to yesterday, minus the late ones (returned). */
async function seedUsage(tx: Tx, seeded: Seeded[], start: string, today: string, lateMonth: Period) {
  const from = Date.parse(`${start}T00:00:00Z`);
  const days = daysBetween(start, today);
  const late: { meterCode: string; ts: string; value: number }[] = [];
  let readings = 0;
  for (const s of seeded) {
    const seed = hashSeed("billing-demo", s.index);
    const values = s.hourly ? hourlyUsage(s.client, seed, from, days, 1) : dailyUsage(s.client, seed, from, days);
    const step = s.hourly ? 3_600_000 : dayMs;
    if (lateClients.includes(s.index)) {
      // The last ten days of `lateMonth` reach Dihya only after that month was invoiced.
      const cutFrom = Math.round((Date.parse(`${addDays(lateMonth.end, -10)}T00:00:00Z`) - from) / step);
      const cutTo = Math.round((Date.parse(`${lateMonth.end}T00:00:00Z`) - from) / step);
      for (let i = cutFrom; i < cutTo; i++) {
        late.push({ meterCode: s.meterCode, ts: new Date(from + i * step).toISOString(), value: values[i]! });
        values[i] = Number.NaN;
      }
    }
    readings += await insertSeries(tx, {
      meterId: s.meterId,
      start: from,
      intervalMinutes: s.hourly ? 60 : 1440,
      values,
      originalUnit: "kWh",
      originalFactor: 1,
    });
  }
  const end = new Date(Date.parse(`${today}T00:00:00Z`));
  await tx
    .update(meters)
    .set({ lastReadingAt: sql`${end.toISOString()}::timestamptz - make_interval(mins => ${meters.intervalMinutes})` })
    .where(
      inArray(
        meters.id,
        seeded.map((s) => s.meterId),
      ),
    );
  await refreshRollups(
    tx,
    seeded.map((s) => ({ meterId: s.meterId, from: new Date(from), to: end })),
  );
  return { late, readings };
}

/** Issues the drafts of one period (issue date two days after its end) and pays most of them. */
async function issueAndPay(tx: Tx, actor: SystemActor, runId: string, period: Period, today: string, demoClientId: string) {
  const drafts = await tx
    .select({ id: invoices.id, clientId: invoices.clientId })
    .from(invoices)
    .where(and(eq(invoices.billingRunId, runId), eq(invoices.status, "draft")))
    .orderBy(invoices.clientId);
  const issueDay = addDays(period.end, 2) < today ? addDays(period.end, 2) : today;
  let payments = 0;
  for (const draft of drafts) {
    await issueInvoice(tx, actor, draft.id, { issuedAt: at(issueDay, 8) });
    const [row] = await tx.select({ total: invoices.totalMinor, due: invoices.dueDate }).from(invoices).where(eq(invoices.id, draft.id));
    if (!row || row.total <= 0) continue;
    const draw = unitHash("payment", draft.id);
    const recent = daysBetween(issueDay, today) < 40;
    if (draft.clientId === demoClientId && recent) continue; // the demo household's latest invoice: to pay
    const payDay = addDays(issueDay, 3 + Math.floor(unitHash("delay", draft.id) * 20));
    if (payDay >= today || draw > (recent ? 0.45 : 0.9)) continue; // unpaid (becomes overdue if past due)
    const partial = draw > (recent ? 0.35 : 0.84);
    const method = (["transfer", "cib", "edahabia", "cash"] as const)[Math.floor(unitHash("method", draft.id) * 4)]!;
    await recordPayment(tx, actor, {
      invoiceId: draft.id,
      amountMinor: partial ? Math.max(1, Math.round(row.total / 2)) : row.total,
      method,
      reference:
        method === "cash" ? `REC-${draft.id.slice(0, 8).toUpperCase()}` : `${method.toUpperCase()}-${draft.id.slice(0, 12).toUpperCase()}`,
      receivedAt: at(payDay, 10),
    });
    payments++;
  }
  return { issued: drafts.length, payments };
}

/**
 * Loads the billing demo in the caller's transaction. `today` (UTC date) fixes every period.
 * Returns counts for the start-up log.
 */
export async function seedBillingDemo(tx: Tx, actor: SystemActor, now = new Date()): Promise<BillingDemoResult> {
  const today = isoDay(now.getTime());
  const start = addMonths(periodFor("quarterly", today).start, -15);
  const tariffIds = await seedTariffs(tx, actor);
  const siteIds = await seedAreas(tx, actor);
  const seeded = await seedClients(tx, actor, tariffIds, siteIds, start);
  const monthly = pastPeriods("monthly", today, 12);
  const lateMonth = monthly[monthly.length - 3]!;
  const { late } = await seedUsage(tx, seeded, start, today, lateMonth);

  // The demo client account belongs to the first household.
  const [account] = await tx.select({ id: users.id }).from(users).where(eq(users.email, demoClientEmail));
  if (account) await tx.insert(clientAccounts).values({ userId: account.id, clientId: seeded[0]!.clientId });

  // Every period of every cycle, oldest first, as an operator would have run them.
  const runs: { cycle: BillingCycle; period: Period }[] = [
    ...monthly.map((period) => ({ cycle: "monthly" as const, period })),
    ...pastPeriods("quarterly", today, 4).map((period) => ({ cycle: "quarterly" as const, period })),
    ...pastPeriods("bimonthly", today, 6).map((period) => ({ cycle: "bimonthly" as const, period })),
  ].sort((a, b) => (a.period.end === b.period.end ? a.cycle.localeCompare(b.cycle) : a.period.end < b.period.end ? -1 : 1));
  const db = tx as unknown as Db; // runs commit per chunk: inside the seed's transaction, as savepoints
  let issued = 0;
  let payments = 0;
  for (const { cycle, period } of runs) {
    const run = await runBillingNow(db, actor, { periodStart: period.start, periodEnd: period.end, cycle });
    const done = await issueAndPay(tx, actor, run.id, period, today, seeded[0]!.clientId);
    issued += done.issued;
    payments += done.payments;
    if (cycle === "monthly" && period.start === lateMonth.start) {
      // After that month was invoiced: the late readings arrive, and one reading is corrected.
      const corrected = seeded[correctedClient]!;
      const correctedTs = `${addDays(lateMonth.start, 4)}T00:00:00.000Z`;
      const items = [
        ...late.map((r) => ({ meter: r.meterCode, ts: r.ts, value: r.value, unit: "kWh" })),
        { meter: corrected.meterCode, ts: correctedTs, value: 95.5, unit: "kWh" },
      ];
      await ingestReadings(tx, actor, items, { source: "api" });
    }
  }
  await markOverdueInvoices(tx, actor, now);
  return { clients: seeded.length, contracts: seeded.length, invoices: issued, payments };
}
